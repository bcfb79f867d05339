/**
 * The fn-kit ESLint plugin (flat config only; ESLint 9 and 10), used as `plugins: { fn }`.
 *
 * The `rules` map and every config are built from the rule modules' own `meta`:
 * `meta.docs.recommended` puts a rule in `recommended`, and the small tables below decide
 * the rest. Adding a rule is an import line plus an entry in RULE_MODULES (and, unless it
 * is recommended, an entry in one of the tables).
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter } from 'eslint';
import noFloatingBackgroundPromise from './no-floating-background-promise.js';
import noModuleScopeOidcToken from './no-module-scope-oidc-token.js';
import noOidcTokenEnv from './no-oidc-token-env.js';
import noOidcTokenLeak from './no-oidc-token-leak.js';
import noRedundantDecode from './no-redundant-decode.js';
import noUnawaitedOidcToken from './no-unawaited-oidc-token.js';
import noUnknownSystemEnv from './no-unknown-system-env.js';
import preferAfter from './prefer-after.js';
import preferAwsCredentialsProvider from './prefer-aws-credentials-provider.js';
import preferGeolocation from './prefer-geolocation.js';
import preferGetEnv from './prefer-get-env.js';
import preferIpAddress from './prefer-ip-address.js';
import requireUrlScheme from './require-url-scheme.js';
import validAfter from './valid-after.js';
import validRequestArgument from './valid-request-argument.js';
import validWaitUntil from './valid-wait-until.js';
import { DOCS_BASE_URL, type FnRuleDocs } from './utils/create-rule.js';
import { PLUGIN_META } from './utils/plugin-meta.js';

// In the order of SPEC's rule table.
const RULE_MODULES = [
  noFloatingBackgroundPromise,
  validWaitUntil,
  preferAfter,
  validAfter,
  noOidcTokenEnv,
  noModuleScopeOidcToken,
  noOidcTokenLeak,
  noUnawaitedOidcToken,
  preferAwsCredentialsProvider,
  preferGeolocation,
  preferIpAddress,
  noUnknownSystemEnv,
  preferGetEnv,
  requireUrlScheme,
  noRedundantDecode,
  validRequestArgument,
];

export type FnRule = TSESLint.RuleModule<string, readonly unknown[], FnRuleDocs>;

// These tables override `meta.docs.recommended`.
/** Rules for Next.js projects: in `next` and `strict`, not in `recommended`. */
export const NEXT_RULES: readonly string[] = ['prefer-after', 'valid-after'];
/** Rules too opinionated for `recommended` (style, not correctness): only in `strict`. */
export const STRICT_RULES: readonly string[] = ['prefer-get-env'];
/** Rules in no config: the user turns them on. */
export const OPT_IN_RULES: readonly string[] = [];

const inTable = (name: string): boolean => NEXT_RULES.includes(name) || STRICT_RULES.includes(name) || OPT_IN_RULES.includes(name);

/** Files the configs apply to. */
export const SOURCE_FILES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];
const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JSX_CAPABLE_JS_FILES = ['**/*.{js,jsx,mjs}'];

/** `https://…/docs/rules/<name>.md` -> `<name>`: the docs URL is the rule's one name. */
function ruleName(rule: { meta: { docs?: { url?: string } } }): string {
  const url = rule.meta.docs?.url ?? '';
  if (!url.startsWith(DOCS_BASE_URL) || !url.endsWith('.md')) {
    throw new Error(`fn-kit ESLint plugin: a rule's meta.docs.url must be ${DOCS_BASE_URL}<name>.md, got "${url}"`);
  }
  return url.slice(DOCS_BASE_URL.length, -'.md'.length);
}

export const rules: Record<string, FnRule> = Object.fromEntries(
  RULE_MODULES.map((rule) => [ruleName(rule), rule as unknown as FnRule]),
);

export const meta = PLUGIN_META;

const names = Object.keys(rules);
const recommendedNames = names.filter((n) => rules[n]?.meta.docs?.recommended === true && !inTable(n));
// Rules that need type information to be useful at all would sit here without being recommended.
const typeCheckedNames = [
  ...recommendedNames,
  ...names.filter((n) => rules[n]?.meta.docs?.requiresTypeChecking === true && !recommendedNames.includes(n) && !inTable(n)),
];
const nextNames = [...recommendedNames, ...names.filter((n) => NEXT_RULES.includes(n))];
const strictNames = [...new Set([...recommendedNames, ...nextNames, ...names.filter((n) => STRICT_RULES.includes(n))])];

// ESLint's own types for what users put in eslint.config.*: `defineConfig` accepts them as is.
type Config = Linter.Config;

export interface FnPlugin extends ESLint.Plugin {
  readonly meta: typeof PLUGIN_META;
  readonly rules: ESLint.Plugin['rules'] & Record<string, FnRule>;
  readonly configs: {
    readonly recommended: Config[];
    readonly 'recommended-type-checked': Config[];
    readonly next: Config[];
    readonly strict: Config[];
  };
}

const plugin = { meta, rules, configs: {} } as { meta: typeof PLUGIN_META; rules: Record<string, FnRule>; configs: FnPlugin['configs'] };

function buildConfig(configName: string, ruleNames: readonly string[], typed: boolean): Config[] {
  const ruleEntries: Linter.RulesRecord = Object.fromEntries(ruleNames.map((n) => [`fn/${n}`, 'error' as const]));
  return [
    {
      name: `fn/${configName}`,
      files: SOURCE_FILES,
      plugins: { fn: plugin as unknown as ESLint.Plugin },
      rules: ruleEntries,
    },
    {
      name: `fn/${configName}/jsx`,
      files: JSX_CAPABLE_JS_FILES,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    {
      name: `fn/${configName}/typescript`,
      files: TS_FILES,
      languageOptions: {
        parser: tsParser as Linter.Parser,
        parserOptions: typed ? { projectService: true } : {},
      },
    },
  ];
}

plugin.configs = {
  recommended: buildConfig('recommended', recommendedNames, false),
  'recommended-type-checked': buildConfig('recommended-type-checked', typeCheckedNames, true),
  next: buildConfig('next', nextNames, false),
  strict: buildConfig('strict', strictNames, false),
};

export const configs = plugin.configs;

export default plugin as unknown as FnPlugin;
