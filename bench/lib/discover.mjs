// Finds what has been built so far. Every tool is optional: a missing or broken build
// yields { ok: false, reason } so the harness prints "not available yet" instead of crashing.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { built } from './paths.mjs';

async function importBuilt(path, what) {
  if (!existsSync(path)) return { ok: false, reason: `${what} not available yet (${path} missing; run npm run build)` };
  try {
    return { ok: true, module: await import(pathToFileURL(path).href) };
  } catch (error) {
    return { ok: false, reason: `${what} not available yet (${path} failed to load: ${error.message.split('\n')[0]})` };
  }
}

/** The ESLint plugin: { rules, configs } from dist/rules/index.js. */
export async function discoverPlugin() {
  const loaded = await importBuilt(built.plugin, 'ESLint plugin');
  if (!loaded.ok) return loaded;
  const plugin = loaded.module.default ?? loaded.module;
  const ruleNames = Object.keys(plugin.rules ?? {});
  if (ruleNames.length === 0) return { ok: false, reason: 'ESLint plugin not available yet (it exports no rules)' };
  return { ok: true, plugin, ruleNames, configs: plugin.configs ?? {} };
}

/**
 * The plugin's rules plus any built rule module in dist/rules/*.js that the plugin does not
 * list yet (named by its docs URL), so robustness covers rules before they are wired in.
 */
export async function discoverAllRules() {
  const discovered = await discoverPlugin();
  if (!discovered.ok) return discovered;
  const rules = { ...discovered.plugin.rules };
  const unlisted = [];
  const dir = dirname(built.plugin);
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js') && name !== 'index.js').sort()) {
    let mod;
    try {
      mod = (await import(pathToFileURL(join(dir, file)).href)).default;
    } catch {
      continue;
    }
    if (!mod?.meta || typeof mod.create !== 'function') continue;
    const name = /\/([^/]+)\.md$/.exec(mod.meta.docs?.url ?? '')?.[1] ?? basename(file, '.js');
    if (!(name in rules)) {
      rules[name] = mod;
      unlisted.push(name);
    }
  }
  return { ok: true, plugin: { ...discovered.plugin, rules }, ruleNames: Object.keys(rules), unlisted };
}

/** A plugin config by name, flattened to an array of flat-config objects, or a reason. */
export function pluginConfig(discovered, name) {
  if (!discovered.ok) return { ok: false, reason: discovered.reason };
  const config = discovered.configs[name];
  if (!config) return { ok: false, reason: `configs['${name}'] not available yet (the plugin exports ${Object.keys(discovered.configs).join(', ') || 'no configs'})` };
  return { ok: true, config: [config].flat(Infinity) };
}

/**
 * The codemod registry from dist/codemods/index.js: TRANSFORM_NAMES + loadTransform(name).
 * Returns the transforms that load ({ name, module }) and, per missing one, why not.
 */
export async function discoverCodemods() {
  const loaded = await importBuilt(built.registry, 'codemod registry');
  if (!loaded.ok) return loaded;
  const { TRANSFORM_NAMES: names, loadTransform } = loaded.module;
  if (!Array.isArray(names) || typeof loadTransform !== 'function') {
    return { ok: false, reason: `codemod registry not available yet (${built.registry} exports no TRANSFORM_NAMES/loadTransform)` };
  }
  const codemods = [];
  const missing = [];
  for (const name of names) {
    try {
      codemods.push({ name, module: await loadTransform(name) });
    } catch (error) {
      missing.push(`${name}: ${error.message.split('\n')[0]}`);
    }
  }
  if (codemods.length === 0) return { ok: false, reason: `no codemod available yet (${missing.join('; ')})`, missing };
  return { ok: true, codemods, missing };
}

/** The CLI runner's in-process entry: applyTransform(filename, text, module, options). */
export async function discoverRunner() {
  const loaded = await importBuilt(built.runner, 'codemod runner');
  if (!loaded.ok) return loaded;
  if (typeof loaded.module.applyTransform !== 'function') return { ok: false, reason: `codemod runner not available yet (${built.runner} has no applyTransform)` };
  const parsers = await importBuilt(built.runnerParsers, 'codemod runner parsers');
  return { ok: true, applyTransform: loaded.module.applyTransform, parsers: parsers.ok ? parsers.module : undefined };
}

export function discoverCli() {
  if (!existsSync(built.cli)) return { ok: false, reason: `CLI not available yet (${built.cli} missing; run npm run build)` };
  return { ok: true, bin: built.cli };
}

/** The runtime library's ESM build. */
export async function discoverRuntime() {
  const loaded = await importBuilt(built.runtime, 'runtime library');
  if (!loaded.ok) return loaded;
  const missing = ['geolocation', 'getEnv'].filter((name) => typeof loaded.module[name] !== 'function');
  if (missing.length) return { ok: false, reason: `runtime library not available yet (no ${missing.join(', ')} export)` };
  return { ok: true, runtime: loaded.module };
}
