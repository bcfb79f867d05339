// Copyright Acme.
// SPDX-License-Identifier: MIT

import { ipAddress } from "@vercel/functions";

export function GET(request: Request) {
  return new Response(ipAddress(request));
}
