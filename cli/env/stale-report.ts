/**
 * Explains why a generated file is stale: the variables whose generated code differs, and
 * a short unified diff between the file on disk and what the generator would write (the
 * hash line of the header is left out: it changes with everything else).
 */
import { structuredPatch } from 'diff';
import { normaliseNewlines } from './header.js';

const MAX_DIFF_LINES = 40;
const STAMP_LINE = /^[-+]\/\/ fn-codemod-env format=/;

/** Names whose member was added, removed or changed, from two versions of a generated file. */
export function changedVariables(current: string, expected: string): string[] {
  const before = memberBlocks(current);
  const after = memberBlocks(expected);
  const changed: string[] = [];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const was = before.get(name);
    const is = after.get(name);
    if (was === is) continue;
    changed.push(`${name} (${was === undefined ? 'added' : is === undefined ? 'removed' : 'changed'})`);
  }
  return changed;
}

const SECTIONS = [
  // env.generated.ts: the getters of `class Env`
  { start: 'export class Env {', end: '\n}\n', member: /((?:\s*\/\*\*[\s\S]*?\*\/)?\s*get ([A-Za-z_]\w*)\(\)[\s\S]*?\n {2}\})/g },
  // process-env.generated.d.ts: the properties of ProcessEnv
  { start: 'interface ProcessEnv {', end: '\n    }\n', member: /((?:\s*\/\*\*[\s\S]*?\*\/)?\s*([A-Za-z_]\w*)\??: string[^;\n]*;)/g },
];

/** Each generated member with its JSDoc, keyed by variable name. */
function memberBlocks(fileText: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const text = normaliseNewlines(fileText);
  for (const section of SECTIONS) {
    const start = text.indexOf(section.start);
    if (start < 0) continue;
    const end = text.indexOf(section.end, start);
    const body = text.slice(start + section.start.length, end < 0 ? undefined : end);
    for (const match of body.matchAll(section.member)) {
      if (match[2] !== undefined && match[1] !== undefined) blocks.set(match[2], match[1].trim());
    }
  }
  return blocks;
}

export function shortDiff(displayPath: string, current: string, expected: string): string {
  const patch = structuredPatch(displayPath, displayPath, normaliseNewlines(current), normaliseNewlines(expected), 'on disk', 'generated', {
    context: 1,
  });
  const lines = [`--- ${displayPath} (on disk)`, `+++ ${displayPath} (generated)`];
  for (const hunk of patch.hunks) {
    const changes = hunk.lines.filter((l) => l.startsWith('-') || l.startsWith('+'));
    if (changes.every((l) => STAMP_LINE.test(l))) continue;
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines);
  }
  if (lines.length <= MAX_DIFF_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_DIFF_LINES), `... ${lines.length - MAX_DIFF_LINES} more diff lines`].join('\n');
}
