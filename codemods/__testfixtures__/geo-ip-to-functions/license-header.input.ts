// Copyright Acme.
// SPDX-License-Identifier: MIT

export function GET(request: Request) {
  return new Response(request.headers.get("x-real-ip"));
}
