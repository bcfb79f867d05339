import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathRole } from '../../lib/file-role.js';
import {
  defaultExportKind,
  defaultExportShape,
  FETCH_HANDLER_SHAPE,
  fetchHandlerShape,
  handlerFile,
  namedExportKind,
  namedExportShape,
} from '../../lib/handler-policy.js';

const fileAt = (p: string, useServer = false) => {
  const abs = resolve('/project', p);
  return handlerFile(abs, pathRole(abs), useServer);
};

describe('handler policy', () => {
  it('route methods and middleware names by export name; other names only in use-server files', () => {
    const route = fileAt('app/api/x/route.ts');
    expect(namedExportKind('GET', route)).toBe('route');
    expect(namedExportKind('middleware', fileAt('middleware.ts'))).toBe('middleware');
    expect(namedExportKind('proxy', fileAt('proxy.ts'))).toBe('middleware');
    expect(namedExportKind('proxy', fileAt('src/proxy.ts'))).toBe('middleware');
    // `export function middleware` anywhere (a module middleware.ts re-exports); `proxy` is too
    // common a name elsewhere (HTTP proxy helpers, reactive proxies).
    expect(namedExportKind('middleware', fileAt('lib/auth.ts'))).toBe('middleware');
    expect(namedExportKind('proxy', fileAt('lib/http/proxy/index.ts'))).toBeUndefined();
    expect(namedExportKind('proxy', fileAt('src/internal/client/proxy.js'))).toBeUndefined();
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

  it('marks the platform request parameter of Next.js / Vercel / Workers handlers, never the keeper', () => {
    expect(namedExportShape('GET', fileAt('app/api/x/route.ts'))).toEqual({ framework: 'next', kind: 'route', request: 0 });
    expect(namedExportShape('middleware', fileAt('middleware.ts'))).toMatchObject({ kind: 'middleware', request: 0, keeper: { param: 1 } });
    expect(namedExportShape('POST', fileAt('app/actions.ts', true))).toEqual({ framework: 'next', kind: 'server-action' });
    expect(defaultExportShape('pages-api')).toMatchObject({ request: 0 });
    expect(defaultExportShape('fetch-handler')).toMatchObject({ framework: 'vercel', request: 0 });
    expect(defaultExportShape('server-action').request).toBeUndefined();
    expect(FETCH_HANDLER_SHAPE).toMatchObject({ request: 0, keeper: { param: 2 } });
    // A file importing srvx (h3 2, Nitro 3): its request has a waitUntil of its own.
    const srvx = handlerFile(resolve('/project/server.ts'), pathRole(resolve('/project/server.ts')), false, ['srvx']);
    expect(fetchHandlerShape(srvx)).toEqual({
      framework: 'workers',
      kind: 'fetch-handler',
      keeper: { param: 2, member: 'waitUntil' },
      bindings: { param: 1, member: '' },
    });
    expect(defaultExportShape('fetch-handler', srvx).request).toBeUndefined();
    expect(fetchHandlerShape(fileAt('src/worker.ts'))).toEqual(FETCH_HANDLER_SHAPE);
    // Other frameworks hand their own object first: no request to check.
    expect(namedExportShape('POST', fileAt('src/routes/api/x/+server.ts'))).toMatchObject({ framework: 'sveltekit' });
    expect(namedExportShape('POST', fileAt('src/routes/api/x/+server.ts'))?.request).toBeUndefined();
  });
});
