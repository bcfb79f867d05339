import { NextRequest as Req } from 'next/server';
import type { Geo } from '@vercel/functions';

type Location = Geo;
type Address = string | undefined;

export function describe(where: Location, ip: Address): string {
  return `${where?.city} ${ip}`;
}
