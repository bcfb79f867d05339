import { NextResponse } from "next/server";
import { after as later } from "next/server";

const log = (path) => new Promise((resolve) => setTimeout(() => resolve(path), 1));

export function middleware(request) {
  later(log("seen"));
  log(request.nextUrl.pathname);
  return NextResponse.next();
}
