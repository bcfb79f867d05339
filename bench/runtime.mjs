// Runtime: geolocation() and getEnv() calls per second, @fn-kit/functions (built ESM) vs.
// @vercel/functions, same inputs, interleaved rounds (order alternates every round).
// Target: no slower (ours / theirs >= 1.00 by the median of the per-round ratios).
import { createRequire } from 'node:module';
import { discoverRuntime } from './lib/discover.mjs';
import { fmtRange, fmtRate, fmtRatio, summary } from './lib/stats.mjs';

export const RUNTIME_TARGET = 1.0;

const GEO_HEADERS = {
  'x-vercel-ip-city': 'S%C3%A3o%20Paulo',
  'x-vercel-ip-country': 'BR',
  'x-vercel-ip-country-region': 'SP',
  'x-vercel-ip-latitude': '-23.5475',
  'x-vercel-ip-longitude': '-46.6361',
  'x-vercel-ip-postal-code': '01000-000',
  'x-vercel-ip-continent': 'SA',
  'x-vercel-id': 'gru1::iad1::abcde-1700000000000-0123456789ab',
};

const ENV = {
  VERCEL: '1',
  CI: '',
  VERCEL_ENV: 'production',
  VERCEL_URL: 'app-abc123.vercel.app',
  VERCEL_REGION: 'gru1',
  VERCEL_GIT_COMMIT_SHA: '0123456789abcdef0123456789abcdef01234567',
  VERCEL_GIT_COMMIT_REF: 'main',
  PATH: '/usr/bin',
  HOME: '/home/app',
};

let sink = 0;
/** Calls `fn` in batches for about `ms` milliseconds; returns calls per second. */
function rate(fn, ms) {
  const batch = 2000;
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < budget) {
    for (let i = 0; i < batch; i++) {
      const value = fn();
      if (value !== undefined) sink++;
    }
    calls += batch;
    elapsed = process.hrtime.bigint() - start;
  }
  return calls / (Number(elapsed) / 1e9);
}

function compare(ours, theirs, rounds, ms) {
  // Untimed warm-up so both are optimised before the first round.
  rate(ours, ms);
  rate(theirs, ms);
  const oursRates = [];
  const theirRates = [];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    let a;
    let b;
    if (round % 2 === 0) {
      a = rate(ours, ms);
      b = rate(theirs, ms);
    } else {
      b = rate(theirs, ms);
      a = rate(ours, ms);
    }
    oursRates.push(a);
    theirRates.push(b);
    ratios.push(a / b);
  }
  return { ours: summary(oursRates), theirs: summary(theirRates), ratio: summary(ratios) };
}

/** @param {{ rounds: number, ms: number, log: (line: string) => void }} options */
export async function benchRuntime({ rounds, ms, log }) {
  const target = `>= ${fmtRatio(RUNTIME_TARGET)}`;
  const section = {
    title: 'Runtime: calls per second vs. @vercel/functions',
    description:
      `Same inputs for both: a \`Request\` with the seven \`x-vercel-ip-*\` headers (a percent-encoded city) and \`x-vercel-id\`; ` +
      `\`getEnv(env)\` on a fixed object with ${Object.keys(ENV).length} variables, and \`getEnv()\` on the process environment. ` +
      `${rounds} rounds of ~${ms} ms each per library, order alternating every round, after a warm-up; the ratio is ours / theirs per round. ` +
      'Rates are min / median / max.',
    table: { head: ['call', '@fn-kit/functions', '@vercel/functions', 'ours / theirs', 'target', 'result'], rows: [] },
    checks: [],
    notes: [],
  };
  const discovered = await discoverRuntime();
  if (!discovered.ok) {
    section.checks.push({ label: 'runtime: geolocation() / getEnv() calls per second vs. @vercel/functions', measured: discovered.reason, target, status: 'N/A' });
    return section;
  }
  const ours = discovered.runtime;
  const theirs = createRequire(import.meta.url)('@vercel/functions');
  const request = new Request('https://example.com/', { headers: GEO_HEADERS });
  const cases = [
    ['geolocation(request)', () => ours.geolocation(request), () => theirs.geolocation(request)],
    ['getEnv(env)', () => ours.getEnv(ENV), () => theirs.getEnv(ENV)],
    ['getEnv() (process.env)', () => ours.getEnv(), () => theirs.getEnv()],
  ];
  for (const [name, oursFn, theirsFn] of cases) {
    log(`  runtime ${name} (${rounds} rounds)`);
    const result = compare(oursFn, theirsFn, rounds, ms);
    const status = result.ratio.median >= RUNTIME_TARGET ? 'PASS' : 'MISS';
    section.table.rows.push([name, fmtRange(result.ours, fmtRate), fmtRange(result.theirs, fmtRate), fmtRange(result.ratio, fmtRatio), target, status]);
    section.checks.push({
      label: `runtime: ${name} calls/s, ours / @vercel/functions`,
      measured: `${fmtRatio(result.ratio.median)} (min ${fmtRatio(result.ratio.min)}, max ${fmtRatio(result.ratio.max)}; ours ${fmtRate(result.ours.median)}, theirs ${fmtRate(result.theirs.median)})`,
      target,
      status,
    });
  }
  if (sink < 0) section.notes.push('unreachable');
  return section;
}
