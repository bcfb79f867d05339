import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathRole } from '../../lib/file-role.js';
import { defaultExportKind, handlerFile, namedExportKind } from '../../lib/handler-policy.js';

const fileAt = (p: string, useServer = false) => {
  const abs = resolve('/project', p);
  return handlerFile(abs, pathRole(abs), useServer);
};

describe('handler policy', () => {
  it('route methods and middleware names by export name; other names only in use-server files', () => {
    const route = fileAt('app/api/x/route.ts');
    expect(namedExportKind('GET', route)).toBe('route');
    expect(namedExportKind('middleware', fileAt('middleware.ts'))).toBe('middleware');
    expect(namedExportKind('helper', route)).toBeUndefined();
    expect(namedExportKind('save', fileAt('app/actions.ts', true))).toBe('server-action');
    expect(namedExportKind('POST', fileAt('app/actions.ts', true))).toBe('server-action');
  });

  it('default exports: pages/api and middleware always, App Router never, elsewhere request-shaped unless under api/', () => {
    expect(defaultExportKind(fileAt('pages/api/a.ts'))).toEqual({ kind: 'pages-api', needsRequestParam: false });
    expect(defaultExportKind(fileAt('middleware.ts'))).toEqual({ kind: 'middleware', needsRequestParam: false });
    expect(defaultExportKind(fileAt('app/page.tsx'))).toBeUndefined();
    expect(defaultExportKind(fileAt('api/hello.ts'))).toEqual({ kind: 'fetch-handler', needsRequestParam: false });
    expect(defaultExportKind(fileAt('src/worker.ts'))).toEqual({ kind: 'fetch-handler', needsRequestParam: true });
    expect(defaultExportKind(fileAt('app/actions.ts', true))).toEqual({ kind: 'server-action', needsRequestParam: false });
  });
});
