// Annotated expectations in recall projects: a `// expect: fn/rule[, fn/rule]` comment on the
// line where each finding is expected, and `// expect-none` on a trap line (no finding there).
// Scoring compares ESLint's findings with them by file, line and rule.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const MARKER = /\/\/\s*expect(-none\b|:\s*([^\n]*))/;
const RULE = /^[a-z][\w-]*\/[a-z][\w-]*$/;

/** Source files under `dir` (relative, sorted), skipping node_modules. */
export function sourceFiles(dir) {
  const out = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules') continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name)) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

/**
 * The markers of one file's text. Throws on a malformed marker (an `expect:` without a
 * plugin/rule name), naming the file and line.
 * @returns {{ expected: { file: string, line: number, rule: string }[], traps: { file: string, line: number }[] }}
 */
export function parseMarkers(text, file) {
  const expected = [];
  const traps = [];
  text.split('\n').forEach((source, index) => {
    const match = MARKER.exec(source);
    if (!match) return;
    const line = index + 1;
    if (match[1] === '-none') {
      traps.push({ file, line });
      return;
    }
    const rules = match[2].split(',').map((rule) => rule.trim()).filter(Boolean);
    const bad = rules.filter((rule) => !RULE.test(rule));
    if (!rules.length || bad.length) throw new Error(`${file}:${line}: malformed marker "${match[0].trim()}" (want // expect: plugin/rule[, plugin/rule])`);
    for (const rule of rules) expected.push({ file, line, rule });
  });
  return { expected, traps };
}

/** Every marker of a project directory. */
export function projectMarkers(dir) {
  const expected = [];
  const traps = [];
  for (const file of sourceFiles(dir)) {
    const markers = parseMarkers(readFileSync(join(dir, file), 'utf8'), file);
    expected.push(...markers.expected);
    traps.push(...markers.traps);
  }
  return { expected, traps };
}

const key = (finding) => `${finding.file}:${finding.line}:${finding.rule}`;

/**
 * Scores `found` ({ file, line, rule }[]) against the markers. Only rules in `rules` (the
 * config's rules) are expected; a finding on an unmarked line is unexpected, and one on a
 * trap line is also listed as a sprung trap.
 */
export function score({ expected, traps }, found, rules) {
  const wanted = expected.filter((entry) => rules.has(entry.rule));
  const wantedKeys = new Set(wanted.map(key));
  const foundKeys = new Set(found.map(key));
  const trapKeys = new Set(traps.map((trap) => `${trap.file}:${trap.line}`));
  const hits = wanted.filter((entry) => foundKeys.has(key(entry)));
  const missed = wanted.filter((entry) => !foundKeys.has(key(entry)));
  const unexpected = found.filter((entry) => !wantedKeys.has(key(entry)));
  const sprung = unexpected.filter((entry) => trapKeys.has(`${entry.file}:${entry.line}`));
  return {
    expected: wanted.length,
    found: found.length,
    hits: hits.length,
    missed,
    unexpected,
    sprung,
    recall: wanted.length ? hits.length / wanted.length : null,
    precision: found.length ? hits.length / found.length : null,
  };
}
