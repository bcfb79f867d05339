// Lints one project directory the way its user would: the plugin's `recommended` config, or
// `recommended-type-checked` with the project's own tsconfig.json. Returns the plugin's
// findings and every crash (a rule that threw, a file that failed to parse), file by file so
// one crash does not hide the rest.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { sourceFiles } from './markers.mjs';

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];

export const hasTsconfig = (dir) => existsSync(join(dir, 'tsconfig.json'));

/** The flat config for `configName` of `plugin`; typed configs get the project's tsconfig root. */
function configFor(plugin, configName, dir) {
  const config = [plugin.configs[configName]].flat(Infinity);
  const typed = configName === 'recommended-type-checked';
  return [
    ...config,
    ...(typed ? [{ files: TS_FILES, languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: dir } } }] : []),
    { linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
}

/** The names (`fn/<rule>`) a config turns on. */
export function configRules(plugin, configName) {
  const rules = new Set();
  for (const entry of [plugin.configs[configName]].flat(Infinity)) for (const [name, level] of Object.entries(entry.rules ?? {})) if (level !== 'off') rules.add(name);
  return rules;
}

/**
 * @param {{ dir: string, plugin: object, configName: 'recommended' | 'recommended-type-checked', files?: string[] }} options
 * @returns {Promise<{ findings: { file: string, line: number, column: number, rule: string, message: string }[], crashes: { file: string, error: string }[], files: number }>}
 */
export async function lintProject({ dir, plugin, configName, files = sourceFiles(dir) }) {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: configFor(plugin, configName, dir), cache: false, errorOnUnmatchedPattern: false });
  const findings = [];
  const crashes = [];
  for (const file of files) {
    let results;
    try {
      results = await eslint.lintFiles([join(dir, file)]);
    } catch (error) {
      crashes.push({ file, error: error.message.split('\n')[0] });
      continue;
    }
    for (const message of results.flatMap((result) => result.messages)) {
      if (message.fatal) crashes.push({ file, error: `${message.line}:${message.column} ${message.message}` });
      else if (message.ruleId?.startsWith('fn/')) findings.push({ file, line: message.line, column: message.column, rule: message.ruleId, message: message.message });
    }
  }
  return { findings, crashes, files: files.length };
}
