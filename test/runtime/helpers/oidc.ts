/** Test tokens with a recognisable signature, and an environment sandbox for the OIDC getters. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every test token's signature starts with this, so a leak is easy to spot. */
export const CANARY = 'FNKITCANARYSIG';

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

export function jwt(claims: Record<string, unknown>, signatureSuffix = 'x'): string {
  return `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}.${CANARY}${signatureSuffix}`;
}

/** A JWT-shaped token whose payload is not JSON (a parser error would quote it). */
export function malformedJwt(payloadText: string, signatureSuffix = 'x'): string {
  return `${b64url('{"alg":"none"}')}.${b64url(payloadText)}.${CANARY}${signatureSuffix}`;
}

export const inOneHour = (): number => Math.floor(Date.now() / 1000) + 3600;

export interface TokenFile {
  path: string;
  write(content: string): void;
  remove(): void;
}

export function tokenFile(): TokenFile {
  const dir = mkdtempSync(join(tmpdir(), 'fn-kit-oidc-'));
  const path = join(dir, 'token');
  return {
    path,
    write: (content) => writeFileSync(path, content),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
