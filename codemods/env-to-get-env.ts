/**
 * env-to-get-env: reads of the platform's system variables from `process.env` ->
 * `getEnv().<NAME>` from the functions API (only the keys `getEnv()` returns: the catalog's
 * GET_ENV_KEYS), with the import. Same cases as the fn/prefer-get-env autofix:
 *
 *   process.env.VERCEL_URL / ['VERCEL_URL'] / process?.env?.VERCEL_URL   -> getEnv().VERCEL_URL
 *   env.VERCEL_ENV (env = process.env, `import { env } from 'node:process'`)  -> getEnv().VERCEL_ENV
 *   const { VERCEL_ENV, VERCEL_URL: url } = process.env   -> … = getEnv()   (all keys getEnv keys)
 *
 * Left alone: writes, `typeof` checks, `import.meta.env`, `NEXT_PUBLIC_*` forms, other
 * variables, a local `process`; files with `'use client'` and build-tool configs are skipped.
 */
import { basename } from 'node:path';
import type { API, ASTPath, FileInfo } from 'jscodeshift';
import { GET_ENV_KEYS } from '../lib/catalog.js';
import { ensureApiImport } from './utils/api-import.js';
import { type AnyNode, hasDirective, programOf, propertyKeyName, unwrapExpression } from './utils/ast.js';
import { skipFile, type TransformMeta, type TransformOptions } from './utils/contract.js';
import { findEnvAccesses, type EnvAccess } from './utils/env-reads.js';
import { ImportEditor } from './utils/imports.js';
import { reportAt } from './utils/report.js';
import { parseExpression } from './utils/snippets.js';

const GET_ENV = 'getEnv';
const KEYS: ReadonlySet<string> = new Set(GET_ENV_KEYS);
const KEY_TEXT = new RegExp(`\\b(?:${GET_ENV_KEYS.join('|')})\\b`);
/** Build-tool configs (next.config.js, playwright.config.ts, …) run outside any function (as in fn/prefer-get-env). */
const TOOL_CONFIG_FILE = /\.config\.[cm]?[jt]s$/;

export const meta: TransformMeta = {
  name: 'env-to-get-env',
  description: 'process.env.<system variable> reads -> getEnv().<NAME> from the functions API',
  textFilter: (source) => source.includes('process') && KEY_TEXT.test(source),
};

/** A read the transform may rewrite: a getEnv key read from the real process.env. */
function isCandidate(access: EnvAccess): boolean {
  return access.via === 'process.env' && KEYS.has(access.name) && !access.write && !access.inTypeof;
}

/** For a destructuring read: the source expression to replace when every key is a getEnv key. */
function wholePatternSource(access: EnvAccess): ASTPath | undefined {
  const owner: AnyNode = access.patternOwner?.node;
  const pattern: AnyNode = access.pattern?.node;
  if (!owner || !pattern || !access.patternOwner) return undefined;
  const key = owner.type === 'VariableDeclarator' ? 'init' : owner.type === 'AssignmentExpression' ? 'right' : undefined;
  if (!key || owner[key === 'init' ? 'id' : 'left'] !== pattern) return undefined;
  if (unwrapExpression(owner[key]) !== unwrapExpression(access.envObject.node)) return undefined;
  const allKeys = (pattern.properties as AnyNode[]).every(
    (p) => (p.type === 'Property' || p.type === 'ObjectProperty') && !p.computed && KEYS.has(propertyKeyName(p) ?? ''),
  );
  return allKeys ? ((access.patternOwner as AnyNode).get(key) as ASTPath) : undefined;
}

/** The path to replace for a member read: the optional-chain wrapper when the read is all of it. */
function memberTarget(path: ASTPath): ASTPath {
  const parent: AnyNode = path.parent?.node;
  return parent?.type === 'ChainExpression' && path.name === 'expression' ? (path.parent as ASTPath) : path;
}

export default function transform(file: FileInfo, api: API, options: TransformOptions): string | undefined {
  const j = api.jscodeshift;
  const root = j(file.source);
  const reads = findEnvAccesses(j, root).filter(isCandidate);
  if (reads.length === 0) return undefined;
  if (hasDirective(programOf(root), 'use client')) {
    skipFile("a 'use client' file: getEnv() reads the server's environment, the browser bundle has its own");
  }
  if (TOOL_CONFIG_FILE.test(basename(file.path))) {
    skipFile('a build-tool config file: it runs outside any function; process.env stays');
  }

  const editor = new ImportEditor(j, root, file);
  let changed = false;
  const patterns = new Set<AnyNode>();

  /** Rewrites `target` with `text(local)`; the import is one no local binding hides there. */
  const rewrite = (target: ASTPath, text: (getEnv: string) => string): void => {
    const local = ensureApiImport(editor, root, GET_ENV, options.runtimeModules, undefined, target);
    target.replace(parseExpression(j, text(local)));
    changed = true;
  };

  for (const read of reads) {
    if (read.syntax === 'member') {
      rewrite(memberTarget(read.path), (getEnv) => `${getEnv}().${read.name}`);
      continue;
    }
    const pattern: AnyNode = read.pattern?.node;
    if (patterns.has(pattern)) continue;
    patterns.add(pattern);
    const source = wholePatternSource(read);
    if (source) {
      rewrite(source, (getEnv) => `${getEnv}()`);
    } else {
      const names = reads.filter((r) => r.pattern?.node === pattern).map((r) => r.name);
      reportAt(
        options,
        pattern,
        `${names.join(', ')} destructured from process.env together with other variables (or nested); left as it is, read ${names.length > 1 ? 'them' : 'it'} with getEnv() by hand`,
      );
    }
  }
  return changed ? editor.print() : undefined;
}
