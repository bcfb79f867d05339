/** The platform's per-request context, published on `globalThis` by the function runtime. */
import { REQUEST_CONTEXT_SYMBOL_KEY } from '../catalog/index.js';

export interface PlatformContext {
  waitUntil?: (promise: Promise<unknown>) => void;
  headers?: Record<string, string | undefined>;
}

const KEY = Symbol.for(REQUEST_CONTEXT_SYMBOL_KEY);

/** The current platform context; `{}` when there is none (off the platform, in tests). */
export function platformContext(): PlatformContext {
  const host = globalThis as typeof globalThis & { [KEY]?: { get?: () => PlatformContext | undefined } };
  return host[KEY]?.get?.() ?? {};
}
