// Summaries of repeated timings. Machines are noisy: report min / median / max.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summary(values) {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values), runs: values.length };
}

/**
 * Wall time of an async function, in milliseconds, and this process's CPU time (user +
 * system, all threads; child processes not included) over the same span.
 */
export async function timeMs(fn) {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const value = await fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}

export const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
export const fmtRatio = (ratio) => `${ratio.toFixed(2)}x`;
export const fmtRange = (s, fmt) => `${fmt(s.min)} / ${fmt(s.median)} / ${fmt(s.max)}`;
export const fmtRate = (perSecond) =>
  perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : perSecond >= 1e3 ? `${(perSecond / 1e3).toFixed(1)} k/s` : `${perSecond.toFixed(0)} /s`;
