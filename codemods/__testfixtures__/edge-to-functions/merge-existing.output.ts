import { waitUntil, next, rewrite } from "@vercel/functions";

export default function middleware(request: Request) {
  waitUntil(Promise.resolve());
  return request.url.endsWith("/old") ? rewrite(new URL("/new", request.url)) : next();
}
