import * as server from 'next/server';

export async function GET() {
  server.after(() => {});
  server.after(() => {});
  return server.NextResponse.json({});
}
