import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAfterEligiblePath, pathRole } from '../../lib/file-role.js';

const at = (p: string) => resolve('/project', p);

describe('pathRole', () => {
  it('App Router code, route files and src/app', () => {
    expect(pathRole(at('app/api/x/route.ts'))).toEqual({ appRouter: true, pagesApi: false, middleware: false, routeFile: true });
    expect(pathRole(at('src/app/(shop)/cart/page.tsx'))).toMatchObject({ appRouter: true, routeFile: false });
    expect(pathRole(at('app/actions.ts'))).toMatchObject({ appRouter: true, routeFile: false });
  });

  it('Pages Router API routes are not App Router code', () => {
    expect(pathRole(at('pages/api/legacy.ts'))).toEqual({ appRouter: false, pagesApi: true, middleware: false, routeFile: false });
    expect(pathRole(at('src/pages/api/a/b.js'))).toMatchObject({ pagesApi: true });
    expect(pathRole(at('pages/index.tsx'))).toMatchObject({ pagesApi: false, appRouter: false });
  });

  it('middleware and proxy at the project root or in src/, not deeper or in app/', () => {
    expect(pathRole(at('middleware.ts')).middleware).toBe(true);
    expect(pathRole(at('src/proxy.js')).middleware).toBe(true);
    expect(pathRole(at('src/lib/middleware.ts')).middleware).toBe(false);
    expect(pathRole(at('app/middleware.ts')).middleware).toBe(false);
    expect(pathRole(at('middleware.json')).middleware).toBe(false);
  });

  it('after() applies to App Router code and middleware, never to pages/api or plain modules', () => {
    expect(isAfterEligiblePath(at('app/api/x/route.ts'))).toBe(true);
    expect(isAfterEligiblePath(at('middleware.ts'))).toBe(true);
    expect(isAfterEligiblePath(at('pages/api/x.ts'))).toBe(false);
    expect(isAfterEligiblePath(at('src/lib/jobs.ts'))).toBe(false);
  });
});

describe('isPagesRouterPath / isServerComponentFile', () => {
  it('tells Pages Router files by the innermost of app/ and pages/', async () => {
    const { isPagesRouterPath } = await import('../../lib/file-role.js');
    expect(isPagesRouterPath('/p/pages/index.tsx')).toBe(true);
    expect(isPagesRouterPath('/p/src/pages/api/hook.ts')).toBe(true);
    expect(isPagesRouterPath('/p/app/page.tsx')).toBe(false);
    expect(isPagesRouterPath('/home/pages/site/app/page.tsx')).toBe(false);
    expect(isPagesRouterPath('/p/lib/x.ts')).toBe(false);
  });

  it('knows the Server Component file conventions of the App Router', async () => {
    const { isServerComponentFile } = await import('../../lib/file-role.js');
    for (const f of ['page.tsx', 'layout.js', 'template.tsx', 'default.tsx', 'not-found.tsx', 'loading.jsx']) {
      expect(isServerComponentFile(`/p/app/x/${f}`), f).toBe(true);
    }
    for (const f of ['app/api/route.ts', 'app/x/error.tsx', 'app/x/button.tsx', 'pages/page.tsx', 'app/x/page.css']) {
      expect(isServerComponentFile(`/p/${f}`), f).toBe(false);
    }
  });
});
