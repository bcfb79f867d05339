import { geolocation, waitUntil as wu } from "@vercel/functions";

export async function GET(request: Request) {
  wu(log(geolocation(request).city));
  return new Response("ok");
}

async function log(city?: string) {
  console.log(city);
}
