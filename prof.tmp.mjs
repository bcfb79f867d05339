import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from './dist/rules/index.js';
import { loadCorpus, corpusFilesDir } from './scripts/corpus.mjs';
import { join } from 'node:path';
const files = loadCorpus({ size: 6000 }).files.slice(0, 600).map((e) => join(corpusFilesDir, e.path));
const cfg = (index) => [{ files: ['**/*'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }, plugins: { fn: plugin }, settings: { fn: { projectIndex: index } }, rules: plugin.configs.recommended.rules ?? Object.assign({}, ...plugin.configs.recommended.map?.((c) => c.rules ?? {}) ?? []) }];
const run = async (index) => {
  const eslint = new ESLint({ cwd: corpusFilesDir, overrideConfigFile: true, overrideConfig: cfg(index), ignore: false, stats: false });
  const t = process.cpuUsage();
  await eslint.lintFiles(files);
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
};
const mode = process.argv[2];
if (mode === 'once' || mode === 'count') { console.log(await run(true)); if (mode === 'once') process.exit(0); }
if (mode === 'pairs') for (let i = 0; i < 4; i++) { const off = await run(false); const on = await run(true); console.log('off', off.toFixed(0), 'on', on.toFixed(0), (on/off).toFixed(2)); }
if (mode === 'count') { const { moduleParseCount } = await import('./dist/lib/project-index/parsed-module.js'); console.log('parses', moduleParseCount(), 'files', files.length); }
