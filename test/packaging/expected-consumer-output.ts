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
    // the default export upstream's CommonJS module offers (its module.exports), plus the continent extension
    headersDefault: [
      'CITY_HEADER_NAME',
      'CONTINENT_HEADER_NAME',
      'COUNTRY_HEADER_NAME',
      'EMOJI_FLAG_UNICODE_STARTING_POSITION',
      'IP_HEADER_NAME',
      'LATITUDE_HEADER_NAME',
      'LONGITUDE_HEADER_NAME',
      'POSTAL_CODE_HEADER_NAME',
      'REGION_HEADER_NAME',
      'REQUEST_ID_HEADER_NAME',
      'geolocation',
      'ipAddress',
    ],
    headersDefaultIsNamed: true,
    next: '1',
    rewrite: 'https://example.test/a',
    middlewareIsRoot: true,
    waitUntilError: 'waitUntil can only be called with a Promise, got function',
    body: 'ok',
    handedToHost: 2,
    drain: { drained: true, pending: 0 },
    events: ['after', 'token header-token header-token', 'waitUntil'],
    missingToken: 'missing',
    aws,
  };
}
