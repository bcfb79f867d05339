/**
 * Annotations in the comment block above a key in `.env.example`:
 * `@type string|number|boolean|url|enum(a|b|c)`, `@optional`, `@default <value>`, `@secret`.
 *
 * A comment line whose text starts with `@` is an annotation line: it holds one or more
 * annotations; `@default` takes the rest of the line, so it comes last. Every other
 * comment line is documentation.
 */
import type { DotenvComment } from './dotenv-parser.js';

export type EnvType =
  | { readonly kind: 'string' | 'number' | 'boolean' | 'url' }
  | { readonly kind: 'enum'; readonly members: readonly string[] };

export interface Annotations {
  readonly type?: EnvType;
  readonly optional: boolean;
  readonly default?: string;
  readonly secret: boolean;
}

export interface AnnotatedComments {
  readonly annotations: Annotations;
  /** Documentation lines (trimmed; '' marks a paragraph break), without leading/trailing blanks. */
  readonly docs: readonly string[];
  /** True when the block holds at least one annotation. */
  readonly annotated: boolean;
  readonly issues: readonly { readonly line: number; readonly message: string }[];
}

const KNOWN = '@type, @optional, @default, @secret';
const SIMPLE_TYPES = new Set(['string', 'number', 'boolean', 'url']);

export function readAnnotations(comments: readonly DotenvComment[]): AnnotatedComments {
  let type: EnvType | undefined;
  let optional = false;
  let secret = false;
  let defaultValue: string | undefined;
  let annotated = false;
  const docs: string[] = [];
  const issues: { line: number; message: string }[] = [];

  for (const comment of comments) {
    const text = comment.text.trim();
    if (!text.startsWith('@')) {
      docs.push(text);
      continue;
    }
    annotated = true;
    let rest = text;
    while (rest !== '') {
      const fail = (message: string): void => {
        issues.push({ line: comment.line, message });
        rest = '';
      };
      const word = /^@([A-Za-z]+)/.exec(rest);
      if (!word) {
        fail('expected an annotation (' + KNOWN + ')');
        break;
      }
      const name = word[1];
      rest = rest.slice(word[0].length);
      if (rest !== '' && !/^\s/.test(rest)) {
        fail('expected an annotation (' + KNOWN + ')');
        break;
      }
      rest = rest.trimStart();

      if (name === 'optional' || name === 'secret') {
        if (name === 'optional') optional = true;
        else secret = true;
      } else if (name === 'default') {
        if (rest === '') {
          fail('@default needs a value');
          break;
        }
        if (defaultValue !== undefined && defaultValue !== rest) {
          fail('conflicting @default annotations');
          break;
        }
        defaultValue = rest;
        rest = '';
      } else if (name === 'type') {
        const parsed = parseTypeAnnotation(rest);
        if (typeof parsed === 'string') {
          fail(parsed);
          break;
        }
        if (type !== undefined && !sameType(type, parsed.type)) {
          fail('conflicting @type annotations');
          break;
        }
        type = parsed.type;
        rest = parsed.rest.trimStart();
      } else {
        fail(`unknown annotation @${name} (known: ${KNOWN})`);
        break;
      }
      if (rest !== '' && !rest.startsWith('@')) {
        fail(`unexpected text after @${name} (put documentation on its own comment line)`);
      }
    }
  }

  return {
    annotations: { type, optional, secret, ...(defaultValue === undefined ? {} : { default: defaultValue }) },
    docs: trimBlankEdges(docs),
    annotated,
    issues,
  };
}

function parseTypeAnnotation(text: string): { type: EnvType; rest: string } | string {
  const simple = /^([A-Za-z]+)(?=\s|$)/.exec(text);
  if (simple?.[1] !== undefined && SIMPLE_TYPES.has(simple[1])) {
    return { type: { kind: simple[1] as 'string' }, rest: text.slice(simple[0].length) };
  }
  if (/^enum\s*\(/.test(text)) {
    const close = text.indexOf(')');
    if (close < 0) return "@type enum(...) is missing its closing ')'";
    const inner = text.slice(text.indexOf('(') + 1, close);
    const members = inner.split('|').map((m) => m.trim());
    if (members.some((m) => m === '')) return '@type enum(...) has an empty member (write enum(a|b|c))';
    if (members.some((m) => /[\s()]/.test(m))) return '@type enum(...) members cannot contain spaces or parentheses';
    if (new Set(members).size !== members.length) return '@type enum(...) lists a member twice';
    return { type: { kind: 'enum', members }, rest: text.slice(close + 1) };
  }
  const shown = /^\S*/.exec(text)?.[0] ?? '';
  return shown === ''
    ? '@type needs a type: string, number, boolean, url or enum(a|b|c)'
    : `unknown @type ${shown} (use string, number, boolean, url or enum(a|b|c))`;
}

export function sameType(a: EnvType, b: EnvType): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind !== 'enum' || b.kind !== 'enum') return true;
  return a.members.length === b.members.length && a.members.every((m, i) => m === b.members[i]);
}

export function typeLabel(type: EnvType): string {
  return type.kind === 'enum' ? `enum(${type.members.join('|')})` : type.kind;
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start++;
  while (end > start && lines[end - 1] === '') end--;
  return lines.slice(start, end);
}
