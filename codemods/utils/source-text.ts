/**
 * Original source text of a node, for building new code around it as a snippet (see
 * ./snippets): recast keeps a snippet's text as written, where a node built with the
 * builders is laid out anew (long calls broken over lines, objects one property a line).
 */
import type { AnyNode } from './ast.js';

export function rangeOf(node: AnyNode): [number, number] {
  const start: number | undefined = node.start ?? node.range?.[0];
  const end: number | undefined = node.end ?? node.range?.[1];
  if (start === undefined || end === undefined) throw new Error('node has no source range');
  return [start, end];
}

/**
 * `source.slice(start, end)` with its lines after the first made relative to the line it
 * starts on: recast indents a multi-line snippet by the indentation of the line it lands on.
 */
export function relativeText(source: string, start: number, end: number): string {
  const text = source.slice(start, end);
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart, start))?.[0] ?? '';
  if (!indent) return text;
  return text
    .split('\n')
    .map((line, i) => (i > 0 && line.startsWith(indent) ? line.slice(indent.length) : line))
    .join('\n');
}

/**
 * Cheap text check: does the file import or require anything? A module of the project may
 * pass the API on under any specifier a tsconfig `paths` entry allows, so any import counts.
 */
export function importsAnything(source: string): boolean {
  return /\bimport\b|\brequire\(/.test(source);
}
