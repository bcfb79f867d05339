/**
 * The BUILT package (dist/esm and dist/cjs through the exports map), loaded by real Node
 * processes: ESM import, CommonJS require, both in one process, and background work
 * outside any context.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedConsumerOutput } from './expected-consumer-output.js';
import { buildRuntime, node, repoRoot } from './helpers.js';

const fixtures = join(repoRoot, 'test', 'packaging', 'fixtures');
const parse = (stdout: string): Record<string, unknown> => JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
// In the repo the optional AWS peer is installed (a dev dependency): the provider gets as
// far as looking for a token, and there is none.
const inRepoAws = 'missing';

beforeAll(async () => {
  await buildRuntime();
}, 120_000);

describe('built package', () => {
  it('works through ESM import', () => {
    const out = parse(node(fixtures, join(fixtures, 'esm-consumer.mjs')).stdout);
    expect(out).toMatchObject(expectedConsumerOutput('esm', inRepoAws));
  });

  it('works through CommonJS require', () => {
    const out = parse(node(fixtures, join(fixtures, 'cjs-consumer.cjs')).stdout);
    expect(out).toMatchObject(expectedConsumerOutput('cjs', inRepoAws));
  });

  it('shares one request context between the ESM and CommonJS copies', () => {
    const out = parse(node(fixtures, join(fixtures, 'dual-package.mjs')).stdout);
    expect(out).toEqual({
      distinctCopies: true,
      tokenSeenByCjs: 'shared-context-token',
      pendingBeforeRelease: 1,
      drained: { drained: true, pending: 0 },
      reports: [['from the cjs copy', 'rejected', true]],
    });
  });

  it('never crashes on background rejections outside a context; warns once in development only', () => {
    const dev = node(fixtures, join(fixtures, 'untracked.mjs'), { NODE_ENV: 'development' });
    expect(dev.status).toBe(0);
    expect(dev.stdout).toContain('background finished');
    expect(dev.stderr.match(/was called outside a request context/g)).toHaveLength(1);
    expect(dev.stderr.match(/same failure/g)).toHaveLength(1);
    expect(dev.stderr).toContain('other failure');
    expect(dev.stderr).toContain('after failure');
    expect(dev.stderr).not.toMatch(/UnhandledPromiseRejection|unhandled/i);

    const prod = node(fixtures, join(fixtures, 'untracked.mjs'), { NODE_ENV: 'production' });
    expect(prod.status).toBe(0);
    expect(prod.stderr).not.toContain('outside a request context:');
    expect(prod.stderr.match(/same failure/g)).toHaveLength(1);
  });
});
