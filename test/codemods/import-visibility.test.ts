/**
 * ImportEditor.ensure with `at`: an existing import binding is reused only where no inner
 * binding hides it (scope lookup at each place); else the export is imported again under a
 * free name. The same check (utils/scope isVisibleAt) is what the transforms that leave a
 * hidden site with a note use.
 */
import type { ASTPath, FileInfo } from 'jscodeshift';
import { describe, expect, it } from 'vitest';
import { jscodeshiftFor } from '../../cli/runner/parsers.js';
import { ImportEditor } from '../../codemods/utils/imports.js';
import { isVisibleAt } from '../../codemods/utils/scope.js';

function setup(source: string) {
  const j = jscodeshiftFor('ts');
  const root = j(source);
  const file: FileInfo = { path: '/virtual-project/a.ts', source };
  const editor = new ImportEditor(j, root, file);
  /** The path of the n-th call of `marker()` in the file. */
  const site = (n = 0): ASTPath => root.find(j.CallExpression, { callee: { name: 'marker' } }).paths()[n] as ASTPath;
  return { editor, site };
}

const SOURCE = `import { ipAddress } from '@vercel/functions';
import * as fns from '@fn-kit/functions';

export function hidden(request: Request) {
  const ipAddress = marker();
  return ipAddress;
}

export function open() {
  return marker();
}
`;

describe('ImportEditor.ensure({ at })', () => {
  it('reuses the binding where it is visible', () => {
    const { editor, site } = setup(SOURCE);
    expect(editor.ensure({ module: '@vercel/functions', name: 'ipAddress', at: site(1) })).toBe('ipAddress');
  });

  it('falls back to another existing binding, then to a new import under a free name, where a local hides it', () => {
    const { editor, site } = setup(SOURCE);
    const accept = (s: string) => s === '@fn-kit/functions';
    expect(editor.ensure({ module: '@vercel/functions', name: 'ipAddress', reuseFrom: accept, at: site(0) })).toBe('fns.ipAddress');
    expect(editor.ensure({ module: '@vercel/functions', name: 'ipAddress', at: site(0) })).toBe('ipAddressFn');
    expect(editor.ensure({ module: '@vercel/functions', name: 'ipAddress', at: [site(1), site(0)] })).toBe('ipAddressFn');
    expect(editor.print()).toContain("import { ipAddress, ipAddress as ipAddressFn } from '@vercel/functions';");
  });

  it('without `at` keeps reusing the first binding (callers that check visibility themselves)', () => {
    const { editor } = setup(SOURCE);
    expect(editor.ensure({ module: '@vercel/functions', name: 'ipAddress' })).toBe('ipAddress');
  });

  it('checks an imported type against inner type aliases', () => {
    const { editor, site } = setup(`import type { Geo } from '@vercel/functions';

export function f() {
  type Geo = string;
  return marker();
}
`);
    expect(isVisibleAt(site(), 'Geo')).toBe(true);
    expect(isVisibleAt(site(), 'Geo', 'type')).toBe(false);
    expect(editor.ensure({ module: '@vercel/functions', name: 'Geo', typeOnly: true, at: site() })).toBe('GeoFn');
  });
});
