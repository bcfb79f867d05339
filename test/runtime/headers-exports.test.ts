import { describe, expect, it } from 'vitest';
import * as root from '@fn-kit/functions';
import * as headers from '@fn-kit/functions/headers';
import headersDefault from '@fn-kit/functions/headers';
import upstreamHeadersDefault from '@vercel/functions/headers';
import * as middleware from '@fn-kit/functions/middleware';
import * as oidc from '@fn-kit/functions/oidc';
import { EMOJI_FLAG_UNICODE_STARTING_POSITION, HEADER_CONSTANTS, MIDDLEWARE_HEADERS, SUBPATH_EXPORTS } from '@fn-kit/functions/catalog';

describe('entry points', () => {
  it('./headers exports the catalog constants with the catalog values', () => {
    for (const [name, value] of Object.entries(HEADER_CONSTANTS)) {
      expect((headers as Record<string, unknown>)[name], name).toBe(value);
    }
    expect(headers.EMOJI_FLAG_UNICODE_STARTING_POSITION).toBe(EMOJI_FLAG_UNICODE_STARTING_POSITION);
  });

  it('each entry point exports every value the catalog lists for its subpath', () => {
    const modules = { '': root, '/headers': headers, '/oidc': oidc, '/middleware': middleware } as const;
    for (const [subpath, names] of Object.entries(SUBPATH_EXPORTS)) {
      const mod = modules[subpath as keyof typeof modules] as Record<string, unknown>;
      for (const name of names) expect(mod[name], `${subpath || '.'} ${name}`).toBeDefined();
    }
  });

  it('./headers exports nothing beyond its catalog list (and the default export)', () => {
    const { default: _default, ...named } = headers;
    expect(Object.keys(named).sort()).toEqual([...SUBPATH_EXPORTS['/headers']].sort());
  });

  it('./headers has a default export holding every named value, as upstream\'s CommonJS module does', () => {
    const { default: _default, ...named } = headers;
    expect({ ...headersDefault }).toEqual(named);
    expect(Object.isFrozen(headersDefault)).toBe(true);
    // upstream's default (its module.exports) has the same names with the same values, plus
    // nothing fn-kit lacks; fn-kit adds CONTINENT_HEADER_NAME
    const upstream = upstreamHeadersDefault as unknown as Record<string, unknown>;
    const { CONTINENT_HEADER_NAME: _continent, ...ours } = headersDefault as Record<string, unknown>;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(upstream).sort());
    for (const [name, value] of Object.entries(upstream)) {
      if (typeof value !== 'function') expect(ours[name], name).toBe(value);
      else expect(typeof ours[name], name).toBe('function');
    }
  });

  it('next() and rewrite() set the middleware instruction headers', () => {
    const overrides = new Headers({ 'x-user-id': 'u_1' });
    const continued = middleware.next({ headers: { 'x-a': '1' }, request: { headers: overrides } });
    expect(continued.headers.get(MIDDLEWARE_HEADERS.next)).toBe('1');
    expect(continued.headers.get('x-a')).toBe('1');
    expect(continued.headers.get(`${MIDDLEWARE_HEADERS.requestHeaderPrefix}x-user-id`)).toBe('u_1');
    expect(continued.headers.get(MIDDLEWARE_HEADERS.overrideHeaders)).toBe('x-user-id');
    const rewritten = middleware.rewrite(new URL('https://example.test/x'), { status: 202 });
    expect(rewritten.status).toBe(202);
    expect(rewritten.headers.get(MIDDLEWARE_HEADERS.rewrite)).toBe('https://example.test/x');
    const notHeaders = () => middleware.next({ request: { headers: { a: 'b' } as unknown as Headers } });
    expect(notHeaders).toThrow(
      'request.headers must be an instance of Headers. next()/rewrite(): pass init.request.headers as a Headers object, e.g. new Headers(request.headers).',
    );
    // upstream's class: a plain Error, not a TypeError
    expect(notHeaders).toThrow(expect.objectContaining({ constructor: Error }));
  });
});
