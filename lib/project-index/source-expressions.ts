/**
 * The promise analysis of a file's current text, asked by source position: how the codemods
 * (another AST flavour) get the same answers as the rules without deriving them again.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { CallResult } from '../catalog.js';
import { isFunctionNode } from '../estree/ast.js';
import { isParamPath } from '../estree/param-path.js';
import { createPromiseSyntax, type PromiseSyntax } from '../estree/promise-syntax.js';
import { walk } from '../estree/walk.js';
import { parseModule, type ParsedModule } from './parsed-module.js';
import type { HandlerSpan, ProjectIndex } from './types.js';

interface Analysed {
  readonly text: string;
  readonly mod: ParsedModule | undefined;
  readonly syntax: PromiseSyntax | undefined;
}

/** The file being asked about: its path, its current text, and the request handlers the caller found in it. */
export interface SourceFile {
  readonly file: string;
  readonly text: string;
  readonly handlers: readonly HandlerSpan[];
}

/** The files being rewritten: a transform asks about one file at a time, and a parsed module is a few hundred KB. */
const MAX_FILES = 8;
const recent = new Map<string, Analysed>();
/** The handlers of the question being answered, which the analysis asks about through `platformBindings`. */
let askedHandlers: readonly HandlerSpan[] = [];

function analysed(index: ProjectIndex, runtimeModules: readonly string[], { file, text }: SourceFile): Analysed {
  const known = recent.get(file);
  if (known && known.text === text) return known;
  const mod = parseModule(file, text);
  const syntax =
    mod &&
    createPromiseSyntax({
      source: mod,
      filename: file,
      index,
      runtimeModules,
      mode: 'certain',
      platformBindings: (node) => isHandlerBindings(node, askedHandlers, mod),
    });
  const entry = { text, mod, syntax };
  recent.delete(file);
  recent.set(file, entry);
  if (recent.size > MAX_FILES) recent.delete(recent.keys().next().value as string);
  return entry;
}

/** Whether `node` is the bindings object of the innermost listed handler around it. */
function isHandlerBindings(node: TSESTree.Node, handlers: readonly HandlerSpan[], mod: ParsedModule): boolean {
  if (handlers.length === 0) return false;
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) {
    if (!isFunctionNode(n)) continue;
    const fn = n;
    // A method's function starts at its parameters here, at its key (or `async`) in Babel's ObjectMethod.
    const method = fn.parent?.type === AST_NODE_TYPES.Property || fn.parent?.type === AST_NODE_TYPES.MethodDefinition ? fn.parent : undefined;
    const spans = (h: HandlerSpan, range: TSESTree.Range | undefined): boolean => range !== undefined && h.start === range[0] && h.end === range[1];
    const span = handlers.find((h) => spans(h, fn.range) || (method?.value === fn && spans(h, method.range)));
    if (span) return isParamPath(node, fn, span.bindings, mod);
  }
  return false;
}

/** The outermost node spanning exactly [start, end). */
function nodeAt(root: TSESTree.Node, start: number, end: number): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  walk(
    root,
    (node) => {
      if (node.range[0] === start && node.range[1] === end && node !== root) {
        found = node;
        return true;
      }
      return false;
    },
    { enterFunctions: true },
  );
  return found;
}

export function expressionKind(
  index: ProjectIndex,
  runtimeModules: readonly string[],
  source: SourceFile,
  start: number,
  end: number,
): CallResult | undefined {
  const { mod, syntax } = analysed(index, runtimeModules, source);
  const node = mod && nodeAt(mod.ast, start, end);
  askedHandlers = source.handlers;
  try {
    return node && syntax?.kindOf(node);
  } finally {
    askedHandlers = [];
  }
}
