// Runs the generated accessor module (transpiled to JavaScript) against controlled
// environments: parsing, defaults, errors, and that no error or serialisation shows a value.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { GET_ENV_KEYS } from '../../lib/catalog.js';
import { generateRich } from './generate-rich.js';

interface EnvModule {
  env: Record<string, unknown>;
  clientEnv: Record<string, unknown>;
  systemEnv: Record<string, unknown>;
  EnvError: new (variable: string, problem: string) => Error & { variable: string };
}

const compiled = ts.transpileModule(generateRich().module, {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
}).outputText;

/** Loads a fresh copy of the module that sees `env` as process.env. */
function load(env: Record<string, string>): EnvModule {
  const exports: Record<string, unknown> = {};
  const run = new Function('exports', 'process', compiled) as (exports: object, process: { env: object }) => void;
  run(exports, { env });
  return exports as unknown as EnvModule;
}

const REQUIRED = {
  DATABASE_URL: 'postgres://u:SENTINEL_DB_PASSWORD@db.internal:5432/acme',
  SESSION_SECRET: 'SENTINEL_SESSION_SECRET',
  NEXT_PUBLIC_API_URL: 'https://api.example.com',
  NEXT_PUBLIC_SITE_NAME: 'Acme',
};

function thrown(read: () => unknown): Error & { variable?: string } {
  try {
    read();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the read to throw');
}

describe('generated env accessors at run time', () => {
  it('parses every type', () => {
    const { env, clientEnv } = load({
      ...REQUIRED,
      PORT: ' 8080 ',
      LOG_LEVEL: 'warn',
      FEATURE_BETA: 'TRUE',
      SEND_EMAILS: '1',
      RETRY_FACTOR: '-2.5e1',
      WEBHOOK_URL: 'https://hooks.example.com/x',
      NEXT_PUBLIC_ANALYTICS: 'full',
    });
    expect(env.PORT).toBe(8080);
    expect(env.LOG_LEVEL).toBe('warn');
    expect(env.FEATURE_BETA).toBe(true);
    expect(env.SEND_EMAILS).toBe(true);
    expect(env.RETRY_FACTOR).toBe(-25);
    expect(env.WEBHOOK_URL).toBe('https://hooks.example.com/x');
    expect(env.DATABASE_URL).toBe(REQUIRED.DATABASE_URL);
    expect(env.SESSION_SECRET).toBe(REQUIRED.SESSION_SECRET);
    expect(clientEnv.NEXT_PUBLIC_API_URL).toBe('https://api.example.com');
    expect(clientEnv.NEXT_PUBLIC_ANALYTICS).toBe('full');
  });

  it('applies defaults, and reads optional variables as undefined, when unset or empty', () => {
    const unsetForms: Record<string, string>[] = [{}, { PORT: '', LOG_LEVEL: '', SEND_EMAILS: '', WEBHOOK_URL: '', FEATURE_BETA: '', RETRY_FACTOR: '' }];
    for (const unset of unsetForms) {
      const { env, clientEnv } = load({ ...REQUIRED, ...unset });
      expect(env.PORT).toBe(3000);
      expect(env.LOG_LEVEL).toBe('info');
      expect(env.SEND_EMAILS).toBe(false);
      expect(env.WEBHOOK_URL).toBe("https://example.com/hooks?src=env&it's=1");
      expect(env.FEATURE_BETA).toBeUndefined();
      expect(env.RETRY_FACTOR).toBeUndefined();
      expect(env.PRIVATE_KEY).toBeUndefined();
      expect(clientEnv.NEXT_PUBLIC_ANALYTICS).toBeUndefined();
    }
  });

  it('reads false booleans', () => {
    const { env } = load({ ...REQUIRED, FEATURE_BETA: 'false', SEND_EMAILS: '0' });
    expect(env.FEATURE_BETA).toBe(false);
    expect(env.SEND_EMAILS).toBe(false);
  });

  it('throws an EnvError naming a missing required variable', () => {
    for (const name of Object.keys(REQUIRED)) {
      const mod = load({ ...REQUIRED, [name]: '' });
      const error = thrown(() => mod.env[name]);
      expect(error).toBeInstanceOf(mod.EnvError);
      expect(error.variable).toBe(name);
      expect(error.message).toBe(`Environment variable ${name} is not set.`);
    }
  });

  const malformed: [string, string, RegExp][] = [
    ['PORT', 'SENTINEL_PORT_80x', /^Environment variable PORT is not a number\.$/],
    ['PORT', 'Infinity', /is not a number/],
    ['RETRY_FACTOR', '1.5.SENTINEL', /^Environment variable RETRY_FACTOR is not a number\.$/],
    ['FEATURE_BETA', 'SENTINEL_yes_please', /^Environment variable FEATURE_BETA is not a boolean \(use true, 1, false, 0\)\.$/],
    ['SEND_EMAILS', 'SENTINEL_2', /is not a boolean/],
    ['DATABASE_URL', 'SENTINEL_not a url', /^Environment variable DATABASE_URL is not an absolute URL\.$/],
    ['WEBHOOK_URL', '/relative/SENTINEL', /is not an absolute URL/],
    ['LOG_LEVEL', 'SENTINEL_verbose', /^Environment variable LOG_LEVEL must be one of: debug, info, warn, error\.$/],
  ];
  it.each(malformed)('names %s when it is malformed, never its value', (name, value, message) => {
    const mod = load({ ...REQUIRED, [name]: value });
    const error = thrown(() => mod.env[name]);
    expect(error).toBeInstanceOf(mod.EnvError);
    expect(error.variable).toBe(name);
    expect(error.message).toMatch(message);
    const everything = [error.message, error.stack, String(error), JSON.stringify(error), String((error as { cause?: unknown }).cause)].join('\n');
    expect(everything).not.toContain(value);
    expect(everything).not.toContain('SENTINEL');
  });

  it('a malformed client-side value is named in clientEnv as well', () => {
    const mod = load({ ...REQUIRED, NEXT_PUBLIC_API_URL: 'SENTINEL_nope', NEXT_PUBLIC_ANALYTICS: 'SENTINEL_x' });
    expect(thrown(() => mod.clientEnv.NEXT_PUBLIC_API_URL).message).toBe('Environment variable NEXT_PUBLIC_API_URL is not an absolute URL.');
    expect(thrown(() => mod.clientEnv.NEXT_PUBLIC_ANALYTICS).message).toMatch(/^Environment variable NEXT_PUBLIC_ANALYTICS must be one of: off, basic, full\.$/);
  });

  it('reads values on each access (no stale cache)', () => {
    const vars: Record<string, string> = { ...REQUIRED, PORT: '1' };
    const { env } = load(vars);
    expect(env.PORT).toBe(1);
    vars.PORT = '2';
    expect(env.PORT).toBe(2);
  });

  it('never exposes values through serialisation, spreading or key listing', () => {
    const { env, clientEnv, systemEnv } = load({ ...REQUIRED, VERCEL_AUTOMATION_BYPASS_SECRET: 'SENTINEL_BYPASS' });
    for (const object of [env, clientEnv, systemEnv]) {
      expect(JSON.stringify(object)).toBe('{}');
      expect(Object.keys(object)).toEqual([]);
      expect({ ...object }).toEqual({});
      expect(Object.isFrozen(object)).toBe(true);
    }
  });

  it('systemEnv returns the getEnv() variables, reading an empty string as undefined', () => {
    const { systemEnv } = load({ VERCEL_REGION: 'iad1', VERCEL_URL: '', VERCEL_ENV: 'preview' });
    expect(systemEnv.VERCEL_REGION).toBe('iad1');
    expect(systemEnv.VERCEL_ENV).toBe('preview');
    expect(systemEnv.VERCEL_URL).toBeUndefined();
    expect(systemEnv.VERCEL_GIT_COMMIT_SHA).toBeUndefined();
  });

  it('systemEnv has exactly the catalog\'s getEnv() keys, in order', () => {
    const { systemEnv } = load({});
    const keys = Object.getOwnPropertyNames(Object.getPrototypeOf(systemEnv)).filter((k) => k !== 'constructor');
    expect(keys).toEqual([...GET_ENV_KEYS]);
  });
});
