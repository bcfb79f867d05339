// Diagnostic (never part of a verdict): one lint run with ESLint's `stats` on, for the time spent
// inside rule listeners, per rule, against the whole lint time (parse + rules + fixes).
import { ESLint } from 'eslint';

/** @returns {Promise<{ total: number, byRule: Map<string, number> }>} milliseconds */
export async function ruleTimes(cwd, files, overrideConfig) {
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig, cache: false, stats: true });
  const results = await eslint.lintFiles(files);
  let total = 0;
  const byRule = new Map();
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      total += pass.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) byRule.set(rule, (byRule.get(rule) ?? 0) + (time.total ?? 0));
    }
  }
  return { total, byRule };
}

/** Sum of the listener times of the rules whose id starts with `prefix`, and the top three of them. */
export function shareOf({ total, byRule }, prefix, top = 3) {
  const mine = [...byRule].filter(([rule]) => rule.startsWith(prefix));
  const ms = mine.reduce((sum, [, time]) => sum + time, 0);
  return {
    ms,
    share: total ? ms / total : 0,
    top: mine.sort((a, b) => b[1] - a[1]).slice(0, top).map(([rule, time]) => `${rule} ${((100 * time) / total).toFixed(1)}%`),
  };
}
