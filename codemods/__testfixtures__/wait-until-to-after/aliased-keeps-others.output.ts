import { geolocation } from "@vercel/functions";
import { after } from "next/server";

export async function GET(request: Request) {
  after(log(geolocation(request).city));
  return new Response("ok");
}

async function log(city?: string) {
  console.log(city);
}
