/**
 * The outputs of the ESLint fixes that introduce or change `after`: every autofix and every
 * suggestion of fn/prefer-after, fn/valid-after and fn/no-floating-background-promise, each
 * applied alone to the input (as an editor's quick fix does), each rule's `eslint --fix`
 * result, and `eslint --fix` with the whole `fn.configs.next` (what a user runs). Linted with
 * ESLint's Linter and the BUILT plugin; the Next.js version comes from the temp project the
 * file sits in (its package.json and node_modules/next), as in a user's project.
 */
import { Linter } from 'eslint';
import fn from '../dist/rules/index.js';
import type { Case } from './cases.js';
import type { OutputSet } from './outputs.js';

export const FIX_RULES = ['prefer-after', 'valid-after', 'no-floating-background-promise'] as const;

/** `fn.configs.next` with only `rule` on (all of the config's rules when `rule` is undefined). */
function configFor(rule: string | undefined): Linter.Config[] {
  if (rule === undefined) return fn.configs.next;
  const rules: Linter.RulesRecord = Object.fromEntries(Object.keys(fn.rules).map((n) => [`fn/${n}`, n === rule ? 'error' : 'off']));
  return [...fn.configs.next, { rules }];
}

/** Applies one fix the way ESLint does: its ranges index the text without a BOM. */
function applyFix(text: string, fix: { range: [number, number]; text: string }): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  return bom + body.slice(0, fix.range[0]) + fix.text + body.slice(fix.range[1]);
}

/**
 * Lints the inputs of `c` (written under `caseRoot`, inside the project `cwd`) and adds every
 * fix output to `outputs`. Returns how often each `fn/<rule>:<messageId>` was reported.
 */
export function collectEslintOutputs(cwd: string, caseRoot: string, c: Case, outputs: OutputSet): Map<string, number> {
  const linter = new Linter({ cwd });
  const reported = new Map<string, number>();
  for (const path of c.inputs) {
    const text = c.files[path] ?? '';
    const filename = `${caseRoot}/${path}`;
    const base = { tool: 'eslint' as const, case: c, path };
    for (const rule of FIX_RULES) {
      const config = configFor(rule);
      for (const m of linter.verify(text, config, filename)) {
        if (m.fatal) throw new Error(`${c.id} ${path}:${m.line}:${m.column}: ${m.message}`);
        if (m.ruleId !== `fn/${rule}`) continue;
        const key = `${m.ruleId}:${m.messageId ?? ''}`;
        reported.set(key, (reported.get(key) ?? 0) + 1);
        if (m.fix) outputs.add({ ...base, text: applyFix(text, m.fix) }, `${m.ruleId} ${m.messageId} (autofix, line ${m.line})`, `${key}:autofix`);
        for (const s of m.suggestions ?? []) {
          outputs.add(
            { ...base, text: applyFix(text, s.fix) },
            `${m.ruleId} ${m.messageId} -> suggestion ${s.messageId ?? s.desc} (line ${m.line})`,
            `${m.ruleId}:${s.messageId ?? ''}:suggestion`,
          );
        }
      }
      const fixed = linter.verifyAndFix(text, config, { filename });
      if (fixed.fixed) outputs.add({ ...base, text: fixed.output }, `fn/${rule} (eslint --fix)`, `fn/${rule}:--fix`, rule === 'valid-after');
    }
    const all = linter.verifyAndFix(text, configFor(undefined), { filename });
    if (all.fixed) outputs.add({ ...base, text: all.output }, 'fn.configs.next (eslint --fix)', 'fn.configs.next:--fix', true);
  }
  return reported;
}
