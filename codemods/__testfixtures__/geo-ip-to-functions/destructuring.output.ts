import type { NextRequest } from "next/server";
import { geolocation, ipAddress } from "@vercel/functions";

export async function POST(req: NextRequest) {
  const { nextUrl } = req;
  const geo = geolocation(req);
  const clientIp = ipAddress(req) ?? "0.0.0.0";
  return Response.json({ geo, clientIp, path: nextUrl.pathname });
}
