// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Locals {
      user?: { id: string; name: string };
    }
    interface Platform {
      env: Record<string, unknown>;
      ctx: { waitUntil(promise: Promise<unknown>): void };
      /** @deprecated adapter-cloudflare 7: use `ctx` */
      context: { waitUntil(promise: Promise<unknown>): void };
    }
  }
}

export {};
