/** What the consumer fixtures print, in any install (the AWS outcome depends on the peer). */
export function expectedConsumerOutput(format: 'esm' | 'cjs', aws: string) {
  return {
    format,
    geo: { city: 'Saint-Étienne', country: 'FR', flag: '🇫🇷', region: 'dev1' },
    ip: '203.0.113.9',
    nodeIp: '198.51.100.4',
    env: { VERCEL_ENV: 'preview' },
    envKeyCount: true,
    cityHeader: 'x-vercel-ip-city',
    headersGeolocationIsRoot: true,
    next: '1',
    rewrite: 'https://example.test/a',
    middlewareIsRoot: true,
    waitUntilError: 'waitUntil can only be called with a Promise, got function',
    body: 'ok',
    drain: { drained: true, pending: 0 },
    events: ['after', 'token header-token header-token', 'waitUntil'],
    missingToken: 'missing',
    aws,
  };
}
