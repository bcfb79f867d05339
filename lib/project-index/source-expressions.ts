/**
 * The promise analysis of a file's current text, asked by source position: how the codemods
 * (another AST flavour) get the same answers as the rules without deriving them again.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { CallResult } from '../catalog.js';
import { createPromiseSyntax, type PromiseSyntax } from '../estree/promise-syntax.js';
import { walk } from '../estree/walk.js';
import { parseModule, type ParsedModule } from './parsed-module.js';
import type { ProjectIndex } from './types.js';

interface Analysed {
  readonly text: string;
  readonly mod: ParsedModule | undefined;
  readonly syntax: PromiseSyntax | undefined;
}

const MAX_FILES = 64;
const recent = new Map<string, Analysed>();

function analysed(index: ProjectIndex, runtimeModules: readonly string[], file: string, text: string): Analysed {
  const known = recent.get(file);
  if (known && known.text === text) return known;
  const mod = parseModule(file, text);
  const syntax = mod && createPromiseSyntax({ source: mod, filename: file, index, runtimeModules, mode: 'certain' });
  const entry = { text, mod, syntax };
  recent.delete(file);
  recent.set(file, entry);
  if (recent.size > MAX_FILES) recent.delete(recent.keys().next().value as string);
  return entry;
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
  file: string,
  text: string,
  start: number,
  end: number,
): CallResult | undefined {
  const { mod, syntax } = analysed(index, runtimeModules, file, text);
  const node = mod && nodeAt(mod.ast, start, end);
  return node && syntax?.kindOf(node);
}
