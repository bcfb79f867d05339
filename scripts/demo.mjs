#!/usr/bin/env node
// `npm run demo`: runs fn-kit's built tools (dist/) over examples/next-app, an app with real
// functions-API mistakes planted in it, then over examples/hono-app (a Hono API on Cloudflare
// Workers: ESLint and the floating-to-wait-until codemod). Findings and diffs are the point, so
// they do not fail the demo; it exits non-zero only when it cannot run (no build) or a tool
// breaks unexpectedly. The example trees are never written to: codemods run with --dry and the
// env generator runs on a temporary copy.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appRel = 'examples/next-app';
const appDir = join(root, ...appRel.split('/'));
const bin = join(root, 'dist', 'cli', 'bin.js');
const pluginFile = join(root, 'dist', 'rules', 'index.js');
const lintGlob = `${appRel}/**/*.{ts,tsx,js}`;
const honoRel = 'examples/hono-app';
const honoDir = join(root, ...honoRel.split('/'));
const honoGlob = `${honoRel}/**/*.ts`;
/** The transform shown on the Hono example: it hands floating work to the Worker's `c.executionCtx.waitUntil`. */
const HONO_TRANSFORM = 'floating-to-wait-until';
const ruleNamespace = 'fn';

// ---------------------------------------------------------------- output helpers

const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const paint = (code) => (text) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const green = paint('32');
const yellow = paint('33');
const cyan = paint('36');

const say = (text = '') => process.stdout.write(`${text}\n`);
const heading = (title) => say(`\n${bold(cyan(`== ${title} ==`))}`);
const subheading = (title) => say(`\n${bold(`-- ${title}`)}`);

/** Pieces that are not built yet: reported, never a failure. */
const notAvailable = [];
/** Tools that broke: reported, and the demo exits 1. */
const problems = [];

function markNotAvailable(what) {
  notAvailable.push(what);
  say(yellow(`(not available yet: ${what})`));
}

function markProblem(what) {
  problems.push(what);
  say(red(`UNEXPECTED: ${what}`));
}

function showExit(actual, expected) {
  const text = `exit code: ${actual} (expected ${expected})`;
  say(actual === expected ? green(text) : red(text));
}

/** Prints tool output; diff lines are coloured on a terminal. */
function printToolOutput(text) {
  const trimmed = text.replace(/\s+$/, '');
  if (!trimmed) return;
  for (const line of trimmed.split('\n')) {
    if (!colour) say(line);
    else if (line.startsWith('+++') || line.startsWith('---')) say(bold(line));
    else if (line.startsWith('+')) say(green(line));
    else if (line.startsWith('-')) say(red(line));
    else if (line.startsWith('@@')) say(cyan(line));
    else say(line);
  }
}

// ---------------------------------------------------------------- process + file helpers

/** Runs the built CLI; output comes back without colour codes. */
function runCli(args, cwd) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  const stdout = stripVTControlCharacters(result.stdout ?? '');
  const stderr = stripVTControlCharacters(result.stderr ?? '');
  const output = [stdout, stderr].filter((part) => part.trim()).map((part) => part.replace(/\s+$/, '')).join('\n');
  return { status: result.status ?? -1, signal: result.signal, error: result.error, output };
}

function describeExit(result) {
  if (result.error) return result.error.message;
  return result.signal ? `was killed by ${result.signal}` : `exited with ${result.status}`;
}

/** How the CLI says a piece is missing from this build (scaffold commands, unbuilt transforms). */
const NOT_BUILT = /not built yet|not part of this build/i;

/** Every file under `dir` (posix relative path -> sha256). */
function snapshot(dir) {
  const files = new Map();
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const hash = createHash('sha256').update(readFileSync(full)).digest('hex');
        files.set(relative(dir, full).split(sep).join('/'), hash);
      }
    }
  };
  walk(dir);
  return files;
}

function changedFiles(before, after) {
  const changed = [];
  for (const [file, hash] of after) if (before.get(file) !== hash) changed.push(file);
  for (const file of before.keys()) if (!after.has(file)) changed.push(`${file} (deleted)`);
  return changed.sort();
}

/** Warns when a source file is newer than the last build. */
function warnIfBuildIsOld() {
  const buildInfo = join(root, 'dist', '.tsbuildinfo');
  if (!existsSync(buildInfo)) return;
  const builtAt = statSync(buildInfo).mtimeMs;
  const newer = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__testfixtures__' && entry.name !== 'node_modules') walk(full);
      } else if (entry.name.endsWith('.ts') && statSync(full).mtimeMs > builtAt) newer.push(full);
    }
  };
  for (const dir of ['rules', 'codemods', 'cli', 'lib', 'packages/functions/src']) walk(join(root, dir));
  if (newer.length > 0) {
    say(yellow(`note: ${newer.length} source file(s) changed since the last build; run \`npm run build\` to demo them.`));
  }
}

// ---------------------------------------------------------------- 1. ESLint

function severityOf(entry) {
  const level = Array.isArray(entry) ? entry[0] : entry;
  return level === 'off' || level === 0 ? 0 : 1;
}

async function loadPlugin() {
  if (!existsSync(pluginFile)) {
    markNotAvailable('ESLint plugin (dist/rules/index.js is not built)');
    return undefined;
  }
  try {
    const mod = await import('fn-kit/eslint-plugin');
    return mod.default ?? mod;
  } catch (error) {
    markProblem(`loading the ESLint plugin failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * Flat config: the plugin's presets (later ones win), then every plugin rule they leave off
 * at "warn", so that the demo shows each rule at work.
 */
function buildLintConfig(plugin, tsParser, presetNames, parserOptions = {}) {
  const ruleIds = Object.keys(plugin.rules ?? {}).map((name) => `${ruleNamespace}/${name}`);
  const presets = [];
  const missing = [];
  for (const name of presetNames) {
    const preset = plugin.configs?.[name];
    if (!preset) missing.push(`configs['${name}'] of the ESLint plugin`);
    else presets.push(...(Array.isArray(preset) ? preset : [preset]));
  }
  const enabled = new Set();
  for (const preset of presets) {
    for (const [id, entry] of Object.entries(preset.rules ?? {})) if (severityOf(entry)) enabled.add(id);
  }
  const registered = presets.some((preset) => preset.plugins?.[ruleNamespace]);
  const extra = ruleIds.filter((id) => !enabled.has(id));
  const config = [
    {
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      languageOptions: {
        parser: tsParser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    ...(registered ? [] : [{ plugins: { [ruleNamespace]: plugin } }]),
    ...presets,
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parserOptions } },
  ];
  if (extra.length > 0) config.push({ rules: Object.fromEntries(extra.map((id) => [id, 'warn'])) });
  return { config, ruleIds, extra, missing };
}

/** Lints an example (`glob`); results carry repo-relative paths. Undefined when ESLint crashed. */
async function lintExample(ESLint, config, glob = lintGlob) {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
  let results;
  try {
    results = await eslint.lintFiles([glob]);
  } catch (error) {
    markProblem(`ESLint crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return undefined;
  }
  for (const result of results) {
    for (const message of result.messages) {
      if (!message.ruleId) markProblem(`ESLint could not lint ${result.filePath}:${message.line ?? 0}: ${message.message}`);
    }
  }
  const rulesMeta = eslint.getRulesMetaForResults(results);
  const formatter = await eslint.loadFormatter('stylish');
  const relResults = results.map((result) => ({ ...result, filePath: relative(root, result.filePath).split(sep).join('/') }));
  const print = async (shown) => {
    const text = await formatter.format(shown, { cwd: root, rulesMeta });
    printToolOutput(colour ? text : stripVTControlCharacters(text));
  };
  return { results: relResults, print };
}

const findingKey = (file, message) => `${file}:${message.line}:${message.column}:${message.ruleId}`;

/** The typed run's findings that the syntactic run did not have (as ESLint results), and how many it lost. */
function typedAdditions(syntacticResults, typedResults) {
  const before = new Set(syntacticResults.flatMap((r) => r.messages.map((m) => findingKey(r.filePath, m))));
  const after = new Set(typedResults.flatMap((r) => r.messages.map((m) => findingKey(r.filePath, m))));
  const added = typedResults
    .map((result) => ({ ...result, messages: result.messages.filter((m) => !before.has(findingKey(result.filePath, m))) }))
    .map((result) => ({
      ...result,
      errorCount: result.messages.filter((m) => m.severity === 2).length,
      warningCount: result.messages.filter((m) => m.severity === 1).length,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    }))
    .filter((result) => result.messages.length > 0);
  return {
    added,
    addedCount: added.reduce((n, result) => n + result.messages.length, 0),
    dropped: [...before].filter((key) => !after.has(key)).length,
  };
}

/** Lints the Next.js example; returns what the Hono example's lint needs, or undefined without a plugin. */
async function lintSection(summary) {
  heading(`1. ESLint: fn-kit configs.recommended + configs.next on ${lintGlob}`);
  const plugin = await loadPlugin();
  if (!plugin) return undefined;
  if (Object.keys(plugin.rules ?? {}).length === 0) {
    markNotAvailable('ESLint rules (the plugin exports no rules yet)');
    return undefined;
  }
  const [{ ESLint }, tsParserModule] = await Promise.all([import('eslint'), import('@typescript-eslint/parser')]);
  const tsParser = tsParserModule.default ?? tsParserModule;
  const { config, ruleIds, extra, missing } = buildLintConfig(plugin, tsParser, ['recommended', 'next']);
  for (const what of missing) markNotAvailable(what);
  if (extra.length > 0) say(dim(`also enabled at "warn" (not in recommended/next): ${extra.join(', ')}`));

  const tools = { plugin, ESLint, tsParser };
  const syntactic = await lintExample(ESLint, config);
  if (!syntactic) return tools;
  await syntactic.print(syntactic.results);

  const perRule = new Map(ruleIds.map((id) => [id, { count: 0, files: new Set() }]));
  let total = 0;
  for (const result of syntactic.results) {
    for (const message of result.messages) {
      if (!message.ruleId) continue;
      const entry = perRule.get(message.ruleId) ?? { count: 0, files: new Set() };
      entry.count += 1;
      entry.files.add(result.filePath.slice(appRel.length + 1));
      perRule.set(message.ruleId, entry);
      total += 1;
    }
  }
  say();
  say(bold(`Findings per rule (${total} in ${syntactic.results.length} files; findings are expected here):`));
  const width = Math.max(...[...perRule.keys()].map((id) => id.length));
  for (const [id, { count, files }] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
    const line = `  ${id.padEnd(width)}  ${String(count).padStart(3)}  ${[...files].sort().join(', ')}`;
    say(count > 0 ? line : yellow(`${line}(no finding in the example)`));
  }
  summary.push(`ESLint: ${total} findings from ${[...perRule.values()].filter((r) => r.count > 0).length} of ${ruleIds.length} rules`);

  await typedLintSection(plugin, ESLint, tsParser, syntactic.results, summary);
  return tools;
}

/** The same rules with type information: shows only what the syntactic pass could not see. */
async function typedLintSection(plugin, ESLint, tsParser, syntacticResults, summary) {
  heading("1b. ESLint with type information: configs['recommended-type-checked'] + configs.next");
  if (!plugin.configs?.['recommended-type-checked']) {
    markNotAvailable("configs['recommended-type-checked'] of the ESLint plugin");
    return;
  }
  say(dim(`Types come from ${appRel}/tsconfig.json (the app is not installed, so imports of packages are untyped).`));
  const { config } = buildLintConfig(plugin, tsParser, ['next', 'recommended-type-checked'], { tsconfigRootDir: appDir });
  const typed = await lintExample(ESLint, config);
  if (!typed) return;
  const { added, addedCount, dropped } = typedAdditions(syntacticResults, typed.results);
  say(bold(`${addedCount} more finding(s) with type information${dropped ? `, ${dropped} fewer` : ''}:`));
  if (addedCount === 0) say(dim('(the pass without types follows the app\'s own imports, so it already sees what the types show)'));
  await typed.print(added);
  summary.push(`ESLint with types: ${addedCount} more findings${dropped ? `, ${dropped} fewer` : ''}`);
}

// ---------------------------------------------------------------- 2. codemods

/** Transform names from `fn-codemod list`: lines that start with a kebab-case name. */
function parseTransformList(text) {
  const transforms = new Map();
  for (const line of text.split('\n')) {
    const match = /^\s*(?:[-*•]\s+)?([a-z][a-z0-9]*(?:-[a-z0-9]+)+)(?=\s|$)/.exec(line);
    if (match && !transforms.has(match[1])) transforms.set(match[1], { built: !NOT_BUILT.test(line) });
  }
  return transforms;
}

function codemodSection(summary) {
  heading(`2. Codemods: every transform as a dry run on ${appRel} (nothing is written)`);
  subheading('fn-codemod list');
  const list = runCli(['list'], root);
  if (list.status !== 0) {
    if (list.status === 2 && /unknown command/i.test(list.output)) {
      markNotAvailable('fn-codemod list (no transforms are registered yet)');
    } else {
      printToolOutput(list.output);
      markProblem(`fn-codemod list ${describeExit(list)}`);
    }
    return;
  }
  printToolOutput(list.output);
  const transforms = parseTransformList(list.output);
  if (transforms.size === 0) {
    markNotAvailable('codemod transforms (fn-codemod list names none)');
    return;
  }
  let withChanges = 0;
  let diffs = 0;
  let ran = 0;
  for (const [name, { built }] of transforms) {
    subheading(`fn-codemod ${name} ${appRel} --dry --force`);
    if (!built) {
      markNotAvailable(`fn-codemod ${name} (not part of this build)`);
      continue;
    }
    const run = runCli([name, appRel, '--dry', '--force'], root);
    if (run.status !== 0 && NOT_BUILT.test(run.output)) {
      markNotAvailable(`fn-codemod ${name} (${run.output.trim().split('\n')[0]})`);
      continue;
    }
    ran += 1;
    printToolOutput(run.output || '(no output)');
    if (run.status !== 0) markProblem(`fn-codemod ${name} ${describeExit(run)}`);
    const files = run.output.split('\n').filter((line) => line.startsWith('+++ ')).length;
    if (files > 0) withChanges += 1;
    diffs += files;
  }
  summary.push(`Codemods: ${ran} of ${transforms.size} transforms ran, ${withChanges} with changes, ${diffs} file diffs`);
}

// ---------------------------------------------------------------- 3. typed env

const HEAD_LINES = 20;

function envSection(summary) {
  heading('3. Typed env: fn-codemod env on a temporary copy of the app');
  const tmp = mkdtempSync(join(tmpdir(), 'fn-kit-demo-'));
  try {
    const copy = join(tmp, 'next-app');
    cpSync(appDir, copy, { recursive: true });
    const before = snapshot(copy);

    subheading(`fn-codemod env   (cwd: ${copy})`);
    const generate = runCli(['env'], copy);
    if (generate.status !== 0 && NOT_BUILT.test(generate.output)) {
      markNotAvailable('fn-codemod env (the generator is not built yet)');
      return;
    }
    printToolOutput(generate.output);
    showExit(generate.status, 0);
    if (generate.status !== 0) {
      markProblem(`fn-codemod env ${describeExit(generate)}`);
      return;
    }
    const generated = snapshot(copy);
    const written = changedFiles(before, generated);
    if (written.length === 0) markProblem('fn-codemod env wrote no files');
    for (const file of written) {
      const lines = readFileSync(join(copy, file), 'utf8').replace(/\n$/, '').split('\n');
      say(bold(`${file}  (${lines.length} lines; first ${Math.min(HEAD_LINES, lines.length)}):`));
      for (const line of lines.slice(0, HEAD_LINES)) say(dim(`  | ${line}`));
    }

    subheading('fn-codemod env --check   (the files were just generated: expect exit 0)');
    const fresh = runCli(['env', '--check'], copy);
    printToolOutput(fresh.output);
    showExit(fresh.status, 0);
    if (fresh.status !== 0) markProblem(`fn-codemod env --check on fresh output ${describeExit(fresh)}`);
    if (changedFiles(generated, snapshot(copy)).length > 0) markProblem('fn-codemod env --check wrote files');

    subheading('add CACHE_TTL_SECONDS to .env.example, then fn-codemod env --check   (stale: expect exit 1)');
    appendFileSync(join(copy, '.env.example'), '\n# Seconds a product page stays cached.\n# @type number\nCACHE_TTL_SECONDS=300\n');
    const stale = runCli(['env', '--check'], copy);
    printToolOutput(stale.output);
    showExit(stale.status, 1);
    if (stale.status !== 1) markProblem(`fn-codemod env --check on a stale schema ${describeExit(stale)} (expected 1)`);
    summary.push(`Typed env: ${written.length} generated files; --check exit ${fresh.status} when current, ${stale.status} when stale`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- 4. the Hono example

/** ESLint (without, then with types) and one codemod on examples/hono-app. */
async function honoSection(tools, summary) {
  heading(`4. The Hono example: ${honoRel}, a Cloudflare Worker (see its README.md)`);
  let findings = 0;
  let typedMore = 0;
  if (tools) {
    const { plugin, ESLint, tsParser } = tools;
    subheading(`ESLint: configs.recommended + configs.next on ${honoGlob}`);
    const syntactic = await lintExample(ESLint, buildLintConfig(plugin, tsParser, ['recommended', 'next']).config, honoGlob);
    if (syntactic) {
      await syntactic.print(syntactic.results);
      findings = syntactic.results.reduce((n, result) => n + result.messages.length, 0);
      if (plugin.configs?.['recommended-type-checked']) {
        subheading("ESLint with type information: configs['recommended-type-checked'] + configs.next (what the types add)");
        say(dim(`Types come from ${honoRel}/tsconfig.json; \`hono\` and \`@vercel/functions\` resolve to fn-kit's own dev dependencies.`));
        const config = buildLintConfig(plugin, tsParser, ['next', 'recommended-type-checked'], { tsconfigRootDir: honoDir }).config;
        const typed = await lintExample(ESLint, config, honoGlob);
        if (typed) {
          const { added, addedCount, dropped } = typedAdditions(syntactic.results, typed.results);
          typedMore = addedCount;
          say(bold(`${addedCount} more finding(s) with type information${dropped ? `, ${dropped} fewer` : ''}:`));
          await typed.print(added);
        }
      }
    }
  }
  subheading(`fn-codemod ${HONO_TRANSFORM} ${honoRel} --dry --force`);
  const run = runCli([HONO_TRANSFORM, honoRel, '--dry', '--force'], root);
  if (run.status !== 0 && NOT_BUILT.test(run.output)) {
    markNotAvailable(`fn-codemod ${HONO_TRANSFORM} (${run.output.trim().split('\n')[0]})`);
    return;
  }
  printToolOutput(run.output || '(no output)');
  if (run.status !== 0) markProblem(`fn-codemod ${HONO_TRANSFORM} on ${honoRel} ${describeExit(run)}`);
  const diffs = run.output.split('\n').filter((line) => line.startsWith('+++ ')).length;
  summary.push(`Hono example: ${findings} ESLint findings, ${typedMore} more with types; ${HONO_TRANSFORM}: ${diffs} file diffs`);
}

// ---------------------------------------------------------------- main

async function main() {
  if (!existsSync(bin)) {
    process.stderr.write(
      'fn-kit demo: dist/ is missing (no dist/cli/bin.js).\n' +
        'Run `npm ci` (it installs and builds through `prepare`) or `npm run build`, then `npm run demo` again.\n',
    );
    return 1;
  }
  if (!existsSync(join(root, 'node_modules', 'eslint'))) {
    process.stderr.write('fn-kit demo: node_modules is missing. Run `npm ci` first, then `npm run demo` again.\n');
    return 1;
  }
  say(bold(`fn-kit demo: the built tools (dist/) on ${appRel}, a Next.js 15.2 app, and ${honoRel}, a Hono Worker, with planted mistakes`));
  say(dim(`See ${appRel}/README.md and ${honoRel}/README.md for the planted mistakes and which tool catches each.`));
  warnIfBuildIsOld();

  const examples = [appRel, honoRel].map((rel) => ({ rel, dir: join(root, ...rel.split('/')) }));
  const before = examples.map(({ dir }) => snapshot(dir));
  const summary = [];
  const tools = await lintSection(summary);
  codemodSection(summary);
  envSection(summary);
  await honoSection(tools, summary);
  const touched = examples.map(({ rel, dir }, i) => {
    const changed = changedFiles(before[i], snapshot(dir));
    if (changed.length > 0) markProblem(`the demo changed files in ${rel}: ${changed.join(', ')}`);
    return { rel, changed };
  });

  heading('Summary');
  for (const line of summary) say(line);
  for (const { rel, changed } of touched) say(changed.length === 0 ? green(`${rel} is unchanged.`) : red(`${rel} was changed!`));
  if (notAvailable.length > 0) say(yellow(`Not available yet: ${notAvailable.join('; ')}`));
  if (problems.length > 0) {
    say(red(`${problems.length} unexpected problem(s):`));
    for (const problem of problems) say(red(`  - ${problem.split('\n')[0]}`));
    return 1;
  }
  say(green('Demo finished: every available tool ran.'));
  return 0;
}

process.exitCode = await main();
