import { NextRequest as Req } from 'next/server';

type Location = Req['geo'];
type Address = Req['ip'];

export function describe(where: Location, ip: Address): string {
  return `${where?.city} ${ip}`;
}
