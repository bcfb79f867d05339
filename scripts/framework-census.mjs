#!/usr/bin/env node
// What the framework table (lib/frameworks/table.ts) finds in real code: per framework and
// handler kind, the request handlers it recognises and the fn/no-floating-background-promise
// findings inside them, over the robustness corpus and the repository's example apps and
// recall projects. Runs on the built plugin (npm run build first).
//
// Usage: node scripts/framework-census.mjs [--json] [--files]
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusFilesDir, loadCorpus } from './corpus.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, files: { type: 'boolean', default: false } } });

const { ESLint } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const plugin = (await import(join(root, 'dist', 'rules', 'index.js'))).default;
const { getRequestHandlers } = await import(join(root, 'dist', 'rules', 'utils', 'request-handlers.js'));

/** One row per framework/kind: handlers seen, files holding them, findings inside them. */
const rows = new Map();
const row = (set, shape) => {
  const key = `${set}\0${shape.framework}\0${shape.kind}`;
  let r = rows.get(key);
  if (!r) rows.set(key, (r = { set, framework: shape.framework, kind: shape.kind, handlers: 0, files: new Set(), findings: 0 }));
  return r;
};

let currentSet = '';

// A rule that records every function the framework table calls a request handler.
const census = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const handlers = getRequestHandlers(context.sourceCode, context.filename);
    if (!handlers.mayHandleRequests) return {};
    const visit = (node) => {
      const shape = handlers.shapeOf(node);
      if (!shape) return;
      const r = row(currentSet, shape);
      r.handlers++;
      r.files.add(context.filename);
    };
    return { FunctionDeclaration: visit, FunctionExpression: visit, ArrowFunctionExpression: visit };
  },
};

async function lint(set, cwd, files) {
  currentSet = set;
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { fn: plugin, census: { rules: { handlers: census } } },
        rules: { 'census/handlers': 'error', 'fn/no-floating-background-promise': 'error' },
      },
    ],
  });
  const results = await eslint.lintFiles(files);
  for (const result of results) {
    const findings = result.messages.filter((m) => m.ruleId === 'fn/no-floating-background-promise').length;
    // A file's findings go to the first handler shape seen in it (files rarely mix frameworks).
    const owner = [...rows.values()].find((r) => r.set === set && r.files.has(result.filePath));
    if (owner && findings > 0) owner.findings += findings;
  }
}

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(?:[cm]?[jt]sx?)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const corpus = loadCorpus().files.map((entry) => join(corpusFilesDir, entry.path));
await lint('robustness corpus', corpusFilesDir, corpus);
const apps = [join(root, 'examples'), join(root, 'bench', 'recall', 'projects')];
await lint('examples + recall projects', root, apps.flatMap((dir) => walk(dir)));

const table = [...rows.values()]
  .sort((a, b) => a.set.localeCompare(b.set) || a.framework.localeCompare(b.framework) || a.kind.localeCompare(b.kind))
  .map((r) => ({
    set: r.set,
    framework: r.framework,
    kind: r.kind,
    handlers: r.handlers,
    files: r.files.size,
    findings: r.findings,
    ...(values.files ? { paths: [...r.files].map((f) => relative(root, f)) } : {}),
  }));
if (values.json) process.stdout.write(`${JSON.stringify(table, null, 2)}\n`);
else {
  process.stdout.write(`corpus: ${corpus.length} files\n| set | framework | handler kind | handlers | files | fn/no-floating-background-promise findings in those files |\n|---|---|---|---|---|---|\n`);
  for (const r of table) process.stdout.write(`| ${r.set} | ${r.framework} | ${r.kind} | ${r.handlers} | ${r.files} | ${r.findings} |\n`);
  process.stdout.write(`(files relative to ${relative(root, corpusFilesDir)})\n`);
}
