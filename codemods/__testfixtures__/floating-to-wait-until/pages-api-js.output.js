import { waitUntil } from "@vercel/functions";

export default async function handler(req, res) {
  waitUntil(fetch("https://example.com/ping"));
  res.status(200).end();
}
