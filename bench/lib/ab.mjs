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

/**
 * Like `alternate`, over slices of the work: every round runs each slice as a short A/B pair
 * (order alternating), so a burst of load from other processes hits one short pair, not a
 * whole side. Returns per-round totals (the sum over slices) and every slice pair's ratio.
 * @param {{ rounds: number, slices: unknown[], runA: (slice) => Promise<unknown>, runB: (slice) => Promise<unknown>,
 *           onRun?: (side: 'A'|'B', value: unknown) => void, log?: (line: string) => void }} options
 */
export async function alternateSlices({ rounds, slices, runA, runB, onRun, log = () => {} }) {
  const totals = { a: [], b: [], cpuA: [], cpuB: [] };
  const ratios = { wall: [], cpu: [] };
  let turn = 0;
  for (let round = 0; round < rounds; round++) {
    const sum = { A: 0, B: 0, cpuA: 0, cpuB: 0 };
    for (const slice of slices) {
      const order = turn++ % 2 === 0 ? ['A', 'B'] : ['B', 'A'];
      const pair = {};
      for (const side of order) {
        const { ms, cpuMs, value } = await timeMs(() => (side === 'A' ? runA(slice) : runB(slice)));
        pair[side] = { ms, cpuMs };
        onRun?.(side, value);
      }
      sum.A += pair.A.ms;
      sum.B += pair.B.ms;
      sum.cpuA += pair.A.cpuMs;
      sum.cpuB += pair.B.cpuMs;
      ratios.wall.push(pair.B.ms / pair.A.ms);
      ratios.cpu.push(pair.B.cpuMs / pair.A.cpuMs);
    }
    totals.a.push(sum.A);
    totals.b.push(sum.B);
    totals.cpuA.push(sum.cpuA);
    totals.cpuB.push(sum.cpuB);
    log(`    round ${round + 1}/${rounds}: A ${sum.A.toFixed(0)} ms wall / ${sum.cpuA.toFixed(0)} ms CPU, B ${sum.B.toFixed(0)} ms wall / ${sum.cpuB.toFixed(0)} ms CPU`);
  }
  return {
    a: summary(totals.a),
    b: summary(totals.b),
    ratio: summary(ratios.wall),
    cpu: { a: summary(totals.cpuA), b: summary(totals.cpuB), ratio: summary(ratios.cpu) },
    pairs: ratios.wall.length,
  };
}
