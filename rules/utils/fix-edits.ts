/**
 * ESLint merges the fixes of one report into a single edit, and refuses overlapping ones.
 * An import-adding fix may insert right after a statement that another fix of the same
 * report removes (with its line break); `separateInsertions` moves such an insertion to the
 * start of the removed range so the two no longer overlap, keeping the line structure.
 */
import type { TSESLint } from '@typescript-eslint/utils';

export function separateInsertions(fixes: readonly TSESLint.RuleFix[]): TSESLint.RuleFix[] {
  const removals = fixes.filter((f) => f.range[0] < f.range[1]);
  return fixes.map((fix) => {
    const [at, end] = fix.range;
    if (at !== end) return fix;
    const host = removals.find((r) => r.range[0] < at && at < r.range[1]);
    if (!host) return fix;
    // `\nimport …` written after a removed line becomes `import …\n` where that line was.
    const text = fix.text.startsWith('\n') ? `${fix.text.slice(1)}\n` : fix.text;
    return { range: [host.range[0], host.range[0]] as const, text };
  });
}
