import { ESLintUtils } from '@typescript-eslint/utils';

export interface FnRuleDocs {
  description: string;
  /** In `configs.recommended` (no type information needed). */
  recommended?: boolean;
  /** Uses type information when available (`recommended-type-checked`). */
  requiresTypeChecking?: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/fn-kit/fn-kit/blob/main/docs/rules/';

export const createRule = ESLintUtils.RuleCreator<FnRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
