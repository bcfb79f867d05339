/**
 * fn/no-unknown-system-env: `process.env.VERCEL_*` names that are near misses of a system
 * variable ("did you mean VERCEL_REGION?"). Names far from every system variable are a
 * team's own and are left alone.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { KNOWN_SYSTEM_ENV_NAMES, PUBLIC_ENV_PREFIX } from '../lib/catalog.js';
import { createRule } from './utils/create-rule.js';
import { envNameListSchema, envReadListener, mayReadEnv, type EnvRead } from './utils/env-reads.js';

type MessageId = 'unknownSystemEnv' | 'useSystemEnv';
type Options = [{ allow?: string[] }];

/** The platform's prefix; a name is only considered when its first segment is within one edit of it. */
const PLATFORM_SEGMENT = 'VERCEL';
/** Names at least this long may be two edits away; shorter ones one. */
const TWO_EDITS_FROM_LENGTH = 16;

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions, no
 * substring edited twice), or `max + 1` once it is certain to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

function withoutPublicPrefix(name: string): string {
  return name.startsWith(PUBLIC_ENV_PREFIX) ? name.slice(PUBLIC_ENV_PREFIX.length) : name;
}

/** `VERCEL_…`, `NEXT_PUBLIC_VERCEL_…` and one-edit misspellings of the prefix (`VERCLE_URL`). */
function platformLike(upperName: string): boolean {
  const segment = withoutPublicPrefix(upperName).split('_')[0] ?? '';
  return editDistance(segment, PLATFORM_SEGMENT, 1) <= 1;
}

const TARGETS: readonly string[] = [...KNOWN_SYSTEM_ENV_NAMES].filter(platformLike);

function sameSegmentsReordered(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length || a.length < 2) return false;
  const sorted = (s: readonly string[]): string => [...s].sort().join('_');
  return sorted(a) === sorted(b);
}

/** `name` is `known` with one inner segment left out (`VERCEL_COMMIT_SHA`), keeping at least three. */
function missingInnerSegment(name: readonly string[], known: readonly string[]): boolean {
  if (name.length < 3 || known.length !== name.length + 1) return false;
  for (let skip = 1; skip < known.length - 1; skip++) {
    if (known.every((seg, i) => i === skip || seg === name[i < skip ? i : i - 1])) return true;
  }
  return false;
}

/**
 * How far `name` is from the system variable `known`, or undefined when it is not a near miss.
 * Near misses, best first: the same name in another letter case (0); one edit, or two for
 * names of 16+ characters (the edit count); the same segments in another order (3); one inner
 * segment left out (4).
 */
export function nearMissScore(name: string, known: string): number | undefined {
  const upper = name.toUpperCase();
  if (upper === known) return name === known ? undefined : 0;
  const max = known.length >= TWO_EDITS_FROM_LENGTH ? 2 : 1;
  const d = editDistance(upper, known, max);
  if (d <= max) return d;
  const nameSegments = upper.split('_');
  const knownSegments = known.split('_');
  if (sameSegmentsReordered(nameSegments, knownSegments)) return 3;
  if (missingInnerSegment(nameSegments, knownSegments)) return 4;
  return undefined;
}

/** The system variable `name` most likely meant, or undefined (an exact name, or not a near miss of any). */
export function closestSystemEnvName(name: string): string | undefined {
  if (KNOWN_SYSTEM_ENV_NAMES.has(name) || !platformLike(name.toUpperCase())) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const known of TARGETS) {
    const score = nearMissScore(name, known);
    if (score !== undefined && score < bestScore) {
      best = known;
      bestScore = score;
    }
  }
  return best;
}

function keyText(sourceCode: Readonly<TSESLint.SourceCode>, nameNode: TSESTree.Node, name: string): string {
  if (nameNode.type === AST_NODE_TYPES.Literal) return `${sourceCode.getText(nameNode)[0] ?? "'"}${name}${sourceCode.getText(nameNode)[0] ?? "'"}`;
  if (nameNode.type === AST_NODE_TYPES.TemplateLiteral) return `\`${name}\``;
  return name;
}

/** The edit that makes `read` name `name`, keeping the local binding of a destructured property. */
function renameFix(sourceCode: Readonly<TSESLint.SourceCode>, read: EnvRead, name: string) {
  return (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => {
    if (read.syntax === 'destructure' && read.node.type === AST_NODE_TYPES.Property && read.node.shorthand) {
      return fixer.insertTextBefore(read.node.key, `${name}: `);
    }
    return fixer.replaceText(read.nameNode, keyText(sourceCode, read.nameNode, name));
  };
}

export default createRule<Options, MessageId>({
  name: 'no-unknown-system-env',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow near misses of system environment variable names (`VERCEL_REGON` for `VERCEL_REGION`)',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          allow: envNameListSchema('Variable names that are your own, never reported.'),
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unknownSystemEnv: '`{{name}}` is not a system environment variable: did you mean `{{suggestion}}`?',
      useSystemEnv: 'Use `{{suggestion}}`.',
    },
  },
  defaultOptions: [{}],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayReadEnv(sourceCode.text)) return {};
    const allow = new Set(options.allow ?? []);
    return envReadListener(sourceCode, (read) => {
      if (allow.has(read.name)) return;
      const suggestion = closestSystemEnvName(read.name);
      if (!suggestion) return;
      context.report({
        node: read.nameNode,
        messageId: 'unknownSystemEnv',
        data: { name: read.name, suggestion },
        suggest: [{ messageId: 'useSystemEnv', data: { suggestion }, fix: renameFix(sourceCode, read, suggestion) }],
      });
    });
  },
});
