/**
 * What the host passes a handler besides the request, read per call:
 * - the host's own keeper: an argument with a `waitUntil` method that is neither the
 *   request nor a Node response (Workers' `ctx` in `(request, env, ctx)`, Netlify's
 *   `context` in `(request, context)`, the Pages Functions `context` in `(context)`);
 * - the request whose headers the context reads: the first argument, or the `request`
 *   of a Pages-style context object passed in its place.
 */
import { isNodeResponse } from './response-completion.js';

/** A host's `waitUntil`: keeps the invocation alive until the promise settles. */
export type HostWaitUntil = (promise: Promise<unknown>) => void;

interface WithWaitUntil {
  waitUntil(promise: Promise<unknown>): unknown;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;

function isRequest(value: object): boolean {
  return typeof Request !== 'undefined' && value instanceof Request;
}

function hasWaitUntil(value: unknown): value is WithWaitUntil {
  return isObject(value) && typeof (value as { waitUntil?: unknown }).waitUntil === 'function';
}

/**
 * The first argument that is a host execution context, as a function that calls its
 * `waitUntil` as a method (workerd rejects a detached `ctx.waitUntil`); `undefined` when
 * the host passed none (Node, Bun, Deno).
 */
export function findHostWaitUntil(args: readonly unknown[]): HostWaitUntil | undefined {
  const keeper = args.find(
    (arg): arg is WithWaitUntil => hasWaitUntil(arg) && !isRequest(arg) && !isNodeResponse(arg),
  );
  if (keeper === undefined) return undefined;
  return (promise) => {
    keeper.waitUntil(promise);
  };
}

/** The request a call is about: `args[0]`, or the `request` of a Pages-style context. */
export function requestOf(args: readonly unknown[]): unknown {
  const first = args[0];
  if (!isObject(first) || 'headers' in first) return first;
  const nested = (first as { request?: unknown }).request;
  return isObject(nested) && 'headers' in nested ? nested : first;
}
