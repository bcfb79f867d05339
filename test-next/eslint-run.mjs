// Copied into a temp Next.js app by eslint-next-app.ts and run there in a process of its own
// (eslint-config-next 15 patches Node's module resolution process-wide, so two configs must
// never share a process). Lints the given files with the app's own ESLint and its
// eslint.config.mjs, and prints the results and each file's resolved config as JSON.
import { relative } from 'node:path';
import { ESLint } from 'eslint';

const files = process.argv.slice(2);
const cwd = process.cwd();
const eslint = new ESLint({ cwd });
const results = await eslint.lintFiles(files);
const configs = {};
for (const file of files) {
  const config = await eslint.calculateConfigForFile(file);
  configs[file] = { plugins: Object.keys(config.plugins ?? {}), rules: Object.keys(config.rules ?? {}) };
}
const messages = results.flatMap((r) =>
  r.messages.map((m) => ({ file: relative(cwd, r.filePath), ruleId: m.ruleId, line: m.line, message: m.message, fatal: m.fatal === true })),
);
process.stdout.write(JSON.stringify({ version: ESLint.version, files: results.map((r) => relative(cwd, r.filePath)), messages, configs }));
