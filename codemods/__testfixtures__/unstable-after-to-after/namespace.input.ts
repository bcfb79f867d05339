import * as server from 'next/server';

export async function GET() {
  server.unstable_after(() => {});
  server['unstable_after'](() => {});
  return server.NextResponse.json({});
}
