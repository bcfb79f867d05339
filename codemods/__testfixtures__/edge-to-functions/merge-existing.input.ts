import { waitUntil } from "@vercel/functions";
import { next, rewrite } from "@vercel/edge";

export default function middleware(request: Request) {
  waitUntil(Promise.resolve());
  return request.url.endsWith("/old") ? rewrite(new URL("/new", request.url)) : next();
}
