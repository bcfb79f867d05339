/**
 * New code from text. recast prints a node built with the builders in its own layout (it
 * breaks every object pattern over several lines, for one); a node parsed from a snippet
 * keeps the snippet's text. So statements a transform adds are written as text, in the
 * file's quote style, and parsed with the file's parser.
 */
import type { JSCodeshift } from 'jscodeshift';
import type { AnyNode } from './ast.js';

/** The one statement `text` holds, parsed with the file's parser. */
export function parseStatement(j: JSCodeshift, text: string): AnyNode {
  const file: AnyNode = j(text).get().node;
  const program = file.type === 'File' ? file.program : file;
  const statement = program.body[0] ?? undefined;
  if (!statement) throw new Error(`not a statement: ${text}`);
  // Babel keeps leading directives out of the body; a snippet never needs them.
  return statement;
}

/** The expression `text`, parsed with the file's parser (as the right side of an assignment, so without parentheses). */
export function parseExpression(j: JSCodeshift, text: string): AnyNode {
  const statement = parseStatement(j, `_ = ${text};`);
  return statement.expression.right;
}

/** The original source text of a node (it must come from `source`). */
export function nodeText(node: AnyNode, source: string): string {
  const start: number | undefined = node.start ?? node.range?.[0];
  const end: number | undefined = node.end ?? node.range?.[1];
  if (start === undefined || end === undefined) throw new Error('node has no source range');
  return source.slice(start, end);
}

/** `'x'` / `"x"` in the given style. */
export function quoted(value: string, quote: 'single' | 'double'): string {
  const q = quote === 'double' ? '"' : "'";
  return `${q}${value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`)}${q}`;
}

/** A fresh `{ a, b: c }` pattern from property texts. */
export function objectPatternFromTexts(j: JSCodeshift, properties: readonly string[]): AnyNode {
  const statement = parseStatement(j, `const { ${properties.join(', ')} } = x;`);
  return statement.declarations[0].id;
}
