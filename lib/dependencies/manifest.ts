/**
 * Reading and editing a package.json without disturbing it: the nearest manifest above a
 * file, whether it declares a package, and adding entries to `dependencies` with the file's
 * own indent (spaces or tabs), key order, line endings and final newline (or none).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

export class ManifestError extends Error {}

/** The package.json nearest to `file` (its directory, then upwards), or undefined. */
export function nearestManifest(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Parses a manifest's text; a clear error naming the file when it is not a JSON object. */
export function parseManifest(text: string, path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ManifestError(`${path} is not valid JSON (${(error as Error).message}); left as it is`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ManifestError(`${path} is not a JSON object; left as it is`);
  }
  return value as Record<string, unknown>;
}

/** Whether the manifest declares `pkg` in any dependency field (or is `pkg` itself). */
export function declares(manifest: Record<string, unknown>, pkg: string): boolean {
  if (manifest.name === pkg) return true;
  return DEPENDENCY_FIELDS.some((field) => {
    const deps = manifest[field];
    return typeof deps === 'object' && deps !== null && Object.hasOwn(deps, pkg);
  });
}

export function readManifest(path: string): Record<string, unknown> {
  return parseManifest(readFileSync(path, 'utf8'), path);
}

interface Member {
  readonly key: string;
  /** Offset of the key's opening quote. */
  readonly keyStart: number;
  /** Offsets of the value: its first character and one past its last. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** End offset (exclusive) of the JSON string starting at `at`. */
function stringEnd(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** End offset (exclusive) of the JSON value starting at `at`. */
function valueEnd(text: string, at: number): number {
  const c = text[at];
  if (c === '"') return stringEnd(text, at);
  if (c !== '{' && c !== '[') {
    let i = at;
    while (i < text.length && !/[\s,}\]]/.test(text[i] as string)) i++;
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') i = stringEnd(text, i) - 1;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return text.length;
}

/** The members of the JSON object whose `{` is at `open` (the text is known to be valid JSON). */
function membersOf(text: string, open: number): Member[] {
  const members: Member[] = [];
  let i = open + 1;
  for (;;) {
    while (/[\s,]/.test(text[i] ?? '')) i++;
    if (text[i] !== '"') return members;
    const keyStart = i;
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
    i = keyEnd;
    while (/[\s:]/.test(text[i] ?? '')) i++;
    const end = valueEnd(text, i);
    members.push({ key, keyStart, valueStart: i, valueEnd: end });
    i = end;
  }
}

function lineIndentAt(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** The file's indent unit: the first member's indent, else two spaces. */
function indentUnit(text: string, first: Member | undefined): string {
  if (!first) return '  ';
  const indent = lineIndentAt(text, first.keyStart);
  return indent === '' ? '  ' : indent;
}

/** Fields that usually come before `dependencies`, for placing a new block. */
const BEFORE_DEPENDENCIES = [
  'name', 'version', 'private', 'description', 'keywords', 'license', 'author', 'repository', 'type', 'main', 'module',
  'types', 'exports', 'bin', 'files', 'workspaces', 'scripts', 'engines',
];

function addOne(text: string, name: string, range: string): string {
  const open = text.indexOf('{');
  const top = membersOf(text, open);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indentUnit(text, top[0]);
  const entry = `${JSON.stringify(name)}: ${JSON.stringify(range)}`;
  const deps = top.find((m) => m.key === 'dependencies');
  if (deps && text[deps.valueStart] === '{') {
    const entries = membersOf(text, deps.valueStart);
    const outer = lineIndentAt(text, deps.keyStart);
    if (entries.length === 0) {
      return `${text.slice(0, deps.valueStart)}{${eol}${outer}${unit}${entry}${eol}${outer}}${text.slice(deps.valueEnd)}`;
    }
    const inner = lineIndentAt(text, entries[0]!.keyStart);
    const colon = /^"(?:[^"\\]|\\.)*"(\s*:\s*)/.exec(text.slice(entries[0]!.keyStart))?.[1] ?? ': ';
    const line = `${JSON.stringify(name)}${colon}${JSON.stringify(range)}`;
    const keys = entries.map((e) => e.key);
    const sorted = isSorted(keys);
    const index = sorted ? keys.findIndex((k) => k.localeCompare(name, 'en') > 0) : -1;
    if (index === 0) {
      const first = entries[0]!;
      return `${text.slice(0, first.keyStart)}${line},${eol}${inner}${text.slice(first.keyStart)}`;
    }
    const after = entries[index === -1 ? entries.length - 1 : index - 1]!;
    const multiline = text.slice(deps.valueStart, entries[0]!.keyStart).includes('\n');
    const sep = multiline ? `${eol}${inner}` : ' ';
    return `${text.slice(0, after.valueEnd)},${sep}${line}${text.slice(after.valueEnd)}`;
  }
  if (deps) throw new ManifestError('"dependencies" is not an object; left as it is');
  const block = `${JSON.stringify('dependencies')}: {${eol}${unit}${unit}${entry}${eol}${unit}}`;
  if (top.length === 0) {
    const close = text.lastIndexOf('}');
    return `${text.slice(0, open + 1)}${eol}${unit}${block}${eol}${text.slice(close)}`;
  }
  let anchor = -1;
  top.forEach((m, i) => {
    if (BEFORE_DEPENDENCIES.includes(m.key)) anchor = i;
  });
  if (anchor === -1) {
    const first = top[0]!;
    return `${text.slice(0, first.keyStart)}${block},${eol}${unit}${text.slice(first.keyStart)}`;
  }
  const prev = top[anchor]!;
  return `${text.slice(0, prev.valueEnd)},${eol}${unit}${block}${text.slice(prev.valueEnd)}`;
}

function isSorted(keys: readonly string[]): boolean {
  return keys.every((k, i) => i === 0 || (keys[i - 1] as string).localeCompare(k, 'en') <= 0);
}

/**
 * The manifest text with `additions` (name -> range) in `dependencies`; names it already
 * declares anywhere are left out. A text edit: everything else stays byte for byte (indent,
 * tabs, key order, line endings, final newline or none). A sorted block stays sorted (the
 * entry goes in its place); otherwise entries go at the end. A missing `dependencies` block is
 * added after the last of the fields that usually precede it.
 */
export function addDependencies(text: string, additions: Readonly<Record<string, string>>, path = 'package.json'): string {
  const manifest = parseManifest(text, path);
  let out = text;
  for (const [name, range] of Object.entries(additions)) {
    if (declares(manifest, name)) continue;
    try {
      out = addOne(out, name, range);
    } catch (error) {
      if (error instanceof ManifestError) throw new ManifestError(`${path}: ${error.message}`);
      throw error;
    }
  }
  parseManifest(out, path);
  return out;
}
