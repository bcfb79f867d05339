import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { getEnv } from '@fn-kit/functions';
import { GET_ENV_KEYS, SYSTEM_ENV_VARS } from '@fn-kit/functions/catalog';

const systemEnvSource = fileURLToPath(new URL('../../packages/functions/src/system-env.ts', import.meta.url));

/** The members of the hand-written `SystemEnv` interface, with their JSDoc text. */
function systemEnvMembers(): { name: string; doc: string }[] {
  const file = ts.createSourceFile(systemEnvSource, readFileSync(systemEnvSource, 'utf8'), ts.ScriptTarget.Latest, true);
  const decl = file.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'SystemEnv',
  );
  if (!decl) throw new Error('interface SystemEnv not found in system-env.ts');
  return decl.members.map((member) => {
    const name = member.name && ts.isIdentifier(member.name) ? member.name.text : '<computed>';
    const docs = ts.getJSDocCommentsAndTags(member).map((d) => d.getText());
    return { name, doc: docs.join('\n') };
  });
}

describe('getEnv', () => {
  it("the SystemEnv type's keys are exactly the catalog's GET_ENV_KEYS, in order", () => {
    expect(systemEnvMembers().map((m) => m.name)).toEqual([...GET_ENV_KEYS]);
  });

  it('documents every key, with the example the catalog gives', () => {
    for (const { name, doc } of systemEnvMembers()) {
      const entry = SYSTEM_ENV_VARS.find((v) => v.name === name);
      expect(doc.length, `${name} has no JSDoc`).toBeGreaterThan(20);
      if (entry?.example) expect(doc, name).toContain(`@example "${entry.example}"`);
    }
  });

  it('returns exactly the catalog keys, reading each from the given env', () => {
    const env = Object.fromEntries(GET_ENV_KEYS.map((k, i) => [k, `value-${i}`]));
    const result = getEnv({ ...env, VERCEL_OIDC_TOKEN: 'not-part-of-getEnv', VERCEL_PROJECT_ID: 'prj_1' });
    expect(Object.keys(result)).toEqual([...GET_ENV_KEYS]);
    expect(result).toEqual(env);
  });

  it('reads an empty string as undefined', () => {
    const result = getEnv({ VERCEL_GIT_PULL_REQUEST_ID: '', VERCEL_ENV: 'preview' });
    expect(result.VERCEL_GIT_PULL_REQUEST_ID).toBeUndefined();
    expect(result.VERCEL_ENV).toBe('preview');
    expect(result.VERCEL_URL).toBeUndefined();
  });

  it('defaults to process.env', () => {
    const before = process.env.VERCEL_REGION;
    process.env.VERCEL_REGION = 'dev1';
    try {
      expect(getEnv().VERCEL_REGION).toBe('dev1');
    } finally {
      if (before === undefined) delete process.env.VERCEL_REGION;
      else process.env.VERCEL_REGION = before;
    }
  });
});
