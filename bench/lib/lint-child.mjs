// One cold lint, as `eslint .` in CI runs it: a fresh process loads ESLint, the parser and the
// rules, then lints the files. Prints {"cpuMs","wallMs","findings"} (this process's CPU, user +
// system, module loading included). Usage: node lint-child.mjs <cwd> <noop|recommended> <file-list.json>
import { readFileSync } from 'node:fs';
const started = process.hrtime.bigint();
const [cwd, side, listFile] = process.argv.slice(2);
const { ESLint } = await import('eslint');
const { parserConfig, NOOP_CONFIG } = await import('./lint-configs.mjs');
const { discoverPlugin, pluginConfig } = await import('./discover.mjs');
let config = [...parserConfig(), NOOP_CONFIG];
if (side === 'recommended') {
  const recommended = pluginConfig(await discoverPlugin(), 'recommended');
  if (!recommended.ok) throw new Error(recommended.reason);
  config = [...parserConfig(), ...recommended.config];
}
const files = JSON.parse(readFileSync(listFile, 'utf8'));
const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config, cache: false, errorOnUnmatchedPattern: false });
const results = await eslint.lintFiles(files);
const cpu = process.cpuUsage();
process.stdout.write(
  JSON.stringify({
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: Number(process.hrtime.bigint() - started) / 1e6,
    findings: results.reduce((sum, r) => sum + r.messages.filter((m) => m.ruleId?.startsWith('fn/')).length, 0),
  }),
);
