// Side-by-side A/B timing: runs alternate (A B, B A, A B, ...) so drift on a shared machine
// hits both sides alike; each pair gives one ratio B/A, of wall time and of this process's
// CPU time (meaningful for in-process work only: a child process's CPU is not counted).
import { summary, timeMs } from './stats.mjs';

/**
 * @param {{ pairs: number, runA: () => Promise<unknown>, runB: () => Promise<unknown>,
 *           before?: () => void | Promise<void>, onRun?: (side: 'A'|'B', ms: number, value: unknown) => void }} options
 * `before` runs untimed before every run (e.g. a fresh copy of a tree).
 */
export async function alternate({ pairs, runA, runB, before, onRun, log = () => {} }) {
  const a = [];
  const b = [];
  const ratios = [];
  const cpu = { a: [], b: [], ratios: [] };
  for (let pair = 0; pair < pairs; pair++) {
    const order = pair % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
    const times = {};
    const cpuTimes = {};
    for (const side of order) {
      if (before) await before(side);
      const { ms, cpuMs, value } = await timeMs(side === 'A' ? runA : runB);
      times[side] = ms;
      cpuTimes[side] = cpuMs;
      onRun?.(side, ms, value);
      log(`    pair ${pair + 1}/${pairs} ${side}: ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
    }
    a.push(times.A);
    b.push(times.B);
    ratios.push(times.B / times.A);
    cpu.a.push(cpuTimes.A);
    cpu.b.push(cpuTimes.B);
    cpu.ratios.push(cpuTimes.B / cpuTimes.A);
  }
  return { a: summary(a), b: summary(b), ratio: summary(ratios), cpu: { a: summary(cpu.a), b: summary(cpu.b), ratio: summary(cpu.ratios) } };
}
