import type { NextRequest } from "next/server";

export async function POST(req: NextRequest) {
  const { geo, ip: clientIp = "0.0.0.0", nextUrl } = req;
  return Response.json({ geo, clientIp, path: nextUrl.pathname });
}
