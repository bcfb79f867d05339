/**
 * RuleTester wired to vitest. `createRuleTester()` parses with @typescript-eslint/parser
 * (TS/TSX, and JS through it); give a case `languageOptions: jsLanguageOptions` to parse it
 * with espree, ESLint's own JavaScript parser, as a plain-JS project would.
 */
import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const jsLanguageOptions = {
  parser: espree,
  parserOptions: { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } },
} as const;

export function createRuleTester(settings?: Record<string, unknown>): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    ...(settings ? { settings } : {}),
  });
}
