/**
 * The plugin's completeness: every rule file in rules/ is exported, documented, listed in
 * the README and placed in a config (or listed as opt-in). A new rule fails here until it is
 * wired in everywhere. Also: the flat configs really work in ESLint.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin, { NEXT_RULES, OPT_IN_RULES, STRICT_RULES } from '../../rules/index.js';
import { DOCS_BASE_URL } from '../../rules/utils/create-rule.js';
import { fixture, FIXTURES } from './fixtures/paths.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULE_FILES = readdirSync(join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const CONFIG_LETTERS = { recommended: 'R', 'recommended-type-checked': 'T', next: 'N', strict: 'S' } as const;
type ConfigName = keyof typeof CONFIG_LETTERS;

/** Sections every rule page has (headings, any level from ##, matched loosely). */
const DOC_SECTIONS: Record<string, RegExp> = {
  'what it flags': /^##+ .*\b(what|rule details)\b/im,
  why: /^##+ .*\bwhy\b/im,
  'wrong example': /^##+ .*\b(wrong|incorrect)\b/im,
  'right example': /^##+ .*\b(right|correct)\b/im,
  options: /^##+ .*\boptions\b/im,
  'fix behaviour': /^##+ .*\b(fix|fixes|autofix|suggestions)\b/im,
};

function configRules(name: ConfigName): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const block of plugin.configs[name]) Object.assign(out, block.rules ?? {});
  return out;
}

/** The configs that turn the rule on, in CONFIG_LETTERS order. */
function configsOf(name: string): ConfigName[] {
  return (Object.keys(CONFIG_LETTERS) as ConfigName[]).filter((c) => `fn/${name}` in configRules(c));
}

function readmeRow(name: string): string[] | undefined {
  const link = `[\`fn/${name}\`](docs/rules/${name}.md)`;
  const line = README.split('\n').find((l) => l.startsWith(`| ${link} |`));
  return line?.split('|').slice(1, -1).map((c) => c.trim());
}

describe('plugin shape', () => {
  it('has meta.name and the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(plugin.meta).toMatchObject({ name: 'fn-kit/eslint-plugin', version: pkg.version, namespace: 'fn' });
  });

  it('has the four configs, each registering the plugin as `fn` with existing rules only', () => {
    expect(Object.keys(plugin.configs).sort()).toEqual(['next', 'recommended', 'recommended-type-checked', 'strict']);
    for (const name of Object.keys(CONFIG_LETTERS) as ConfigName[]) {
      const config = plugin.configs[name];
      expect(Array.isArray(config)).toBe(true);
      expect(config[0]?.plugins?.fn).toBe(plugin);
      const ruleIds = Object.keys(configRules(name));
      expect(ruleIds.length).toBeGreaterThan(0);
      for (const id of ruleIds) expect(plugin.rules[id.replace(/^fn\//, '')], id).toBeDefined();
      for (const block of config) expect(block.files, `${name}: ${block.name}`).toBeDefined();
    }
  });

  it('builds configs from meta: recommended ⊂ type-checked, recommended ⊂ next ⊂ strict', () => {
    const rec = Object.keys(configRules('recommended'));
    const typed = Object.keys(configRules('recommended-type-checked'));
    const next = Object.keys(configRules('next'));
    const strict = Object.keys(configRules('strict'));
    for (const id of rec) {
      expect(typed).toContain(id);
      expect(next).toContain(id);
    }
    for (const id of next) expect(strict).toContain(id);
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const inTable = NEXT_RULES.includes(name) || STRICT_RULES.includes(name) || OPT_IN_RULES.includes(name);
      expect(rec.includes(`fn/${name}`), name).toBe(rule.meta.docs?.recommended === true && !inTable);
    }
    const typedBlock = plugin.configs['recommended-type-checked'].find((b) => b.name?.endsWith('/typescript'));
    expect(typedBlock?.languageOptions?.parserOptions).toMatchObject({ projectService: true });
  });
});

describe.each(RULE_FILES)('rule file rules/%s.ts', (name) => {
  const docPath = join(ROOT, 'docs', 'rules', `${name}.md`);

  it('is exported by the plugin under its file name', () => {
    expect(Object.keys(plugin.rules)).toContain(name);
  });

  it('has meta.docs.url to its doc page, a description, messages and a schema', () => {
    const rule = plugin.rules[name];
    expect(rule?.meta.docs?.url).toBe(`${DOCS_BASE_URL}${name}.md`);
    expect(rule?.meta.docs?.description).toMatch(/\S/);
    expect(Object.keys(rule?.meta.messages ?? {}).length).toBeGreaterThan(0);
    expect(rule?.meta.schema).toBeDefined();
  });

  it('has a doc page with the required sections', () => {
    expect(existsSync(docPath), docPath).toBe(true);
    const doc = readFileSync(docPath, 'utf8');
    expect(doc.startsWith(`# fn/${name}`)).toBe(true);
    for (const [section, pattern] of Object.entries(DOC_SECTIONS)) expect(doc, `${name}.md: ${section}`).toMatch(pattern);
    expect((doc.match(/^```/gm) ?? []).length, 'at least a wrong and a right code block').toBeGreaterThanOrEqual(4);
  });

  it('has a README row that matches its meta and configs', () => {
    const row = readmeRow(name);
    expect(row, `README row for fn/${name}`).toBeDefined();
    const [, description, configs, fix, typeInfo] = row ?? [];
    const rule = plugin.rules[name];
    expect(description).toBe(rule?.meta.docs?.description);
    const letters = configsOf(name)
      .map((c) => CONFIG_LETTERS[c])
      .join(' ');
    expect(configs).toBe(letters || 'opt-in');
    const fixKinds = [rule?.meta.fixable ? 'autofix' : '', rule?.meta.hasSuggestions ? 'suggestions' : ''].filter(Boolean);
    expect(fix).toBe(fixKinds.join(', ') || 'none');
    expect(typeInfo).toBe(rule?.meta.docs?.requiresTypeChecking ? 'optional' : 'no');
  });

  it("states on its doc page the configs it is in (the page's `In configs:` line)", () => {
    const line = readFileSync(docPath, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('- In configs:'));
    expect(line, `${name}.md has an "- In configs:" line`).toBeDefined();
    const listed = [...(line ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    const expected = configsOf(name);
    expect(listed, `${name}.md`).toEqual(expected.length > 0 ? expected : []);
    if (expected.length === 0) expect(line).toMatch(/opt-in/);
  });

  it('is in a config or listed as opt-in', () => {
    const inConfig = (Object.keys(CONFIG_LETTERS) as ConfigName[]).some((c) => `fn/${name}` in configRules(c));
    expect(inConfig || OPT_IN_RULES.includes(name)).toBe(true);
  });
});

describe('the configs in ESLint', () => {
  const lint = async (config: Linter.Config[], file: string, code: string, cwd = FIXTURES): Promise<ESLint.LintResult> => {
    const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: config });
    const [result] = await eslint.lintText(code, { filePath: file });
    if (!result) throw new Error('no lint result');
    return result;
  };
  const recommended = plugin.configs.recommended as unknown as Linter.Config[];

  it.each([
    ['route.js', `export function GET() { fetch('/x'); return new Response('ok'); }`],
    ['route.jsx', `export function GET() { fetch('/x'); return <div />; }`],
    ['route.ts', `export function GET(): Response { fetch('/x'); return new Response('ok' as string); }`],
    ['route.tsx', `export function GET(): Response { fetch('/x'); return <div /> as unknown as Response; }`],
    ['route.mts', `export function GET(): Response { fetch('/x'); return new Response('ok' as string); }`],
  ])('recommended parses and lints %s', async (file, code) => {
    const result = await lint(recommended, fixture('next-14.2', `app/api/${file}`), code);
    expect(result.messages.map((m) => m.ruleId ?? m.message)).toEqual(['fn/no-floating-background-promise']);
  });

  it('next reports prefer-after in a Next 15.2 route and its fix applies', async () => {
    const eslint = new ESLint({ cwd: FIXTURES, overrideConfigFile: true, overrideConfig: plugin.configs.next as unknown as Linter.Config[], fix: true });
    const code = `import { waitUntil } from '@vercel/functions';\nexport function GET() { waitUntil(fetch('/x')); return new Response('ok'); }\n`;
    const [result] = await eslint.lintText(code, { filePath: fixture('next-15.2', 'app/api/route.ts') });
    expect(result?.output).toBe(`import { after } from 'next/server';\nexport function GET() { after(fetch('/x')); return new Response('ok'); }\n`);
    expect(result?.messages).toEqual([]);
  });

  it('recommended leaves prefer-after off', async () => {
    const code = `import { waitUntil } from '@vercel/functions';\nexport function GET() { waitUntil(fetch('/x')); return new Response('ok'); }\n`;
    const result = await lint(recommended, fixture('next-15.2', 'app/api/route.ts'), code);
    expect(result.messages).toEqual([]);
  });

  it('recommended-type-checked gives the rules type information', async () => {
    const code = `import { saveLater } from '../../../lib/helpers.js';\nexport function POST(): Response { saveLater('x'); return new Response('ok'); }\n`;
    const typed = plugin.configs['recommended-type-checked'] as unknown as Linter.Config[];
    const file = fixture('typed', 'app/api/track/route.ts');
    // Untyped, an imported function is unknown; typed, its Promise return type is seen.
    expect((await lint(recommended, file, code)).messages).toEqual([]);
    const result = await lint(typed, file, code, fixture('typed', ''));
    expect(result.messages.map((m) => m.ruleId ?? m.message)).toEqual(['fn/no-floating-background-promise']);
  });
});
