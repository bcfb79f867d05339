/**
 * Knowing when a response has been sent, for the two handler styles:
 * - Node: the `ServerResponse` emits `finish` (flushed) or `close` (connection gone).
 * - fetch: the returned `Response`'s body has been read to the end (or cancelled) by the
 *   server; a body-less response counts as sent when the handler returns it.
 */

/** The parts of a Node `ServerResponse` the context relies on. */
export interface NodeResponseLike {
  on(event: 'finish' | 'close', listener: () => void): unknown;
  end(...args: never[]): unknown;
  setHeader(name: string, value: never): unknown;
  writableFinished?: boolean;
  destroyed?: boolean;
}

export function isNodeResponse(value: unknown): value is NodeResponseLike {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.on === 'function' &&
    typeof candidate.end === 'function' &&
    typeof candidate.setHeader === 'function'
  );
}

export function whenNodeResponseSent(res: NodeResponseLike, onSent: () => void): void {
  if (res.writableFinished === true || res.destroyed === true) {
    onSent();
    return;
  }
  let called = false;
  const once = (): void => {
    if (called) return;
    called = true;
    onSent();
  };
  res.on('finish', once);
  res.on('close', once);
}

/** Statuses `new Response(body, { status })` accepts. */
const isConstructibleStatus = (status: number): boolean => status >= 200 && status <= 599;

/**
 * Returns a response that calls `onSent` once its body has been consumed. The original
 * is returned unchanged (and `onSent` called now) when it has no body or cannot be
 * re-wrapped.
 */
export function observeFetchResponse(response: unknown, onSent: () => void): unknown {
  if (typeof Response === 'undefined' || !(response instanceof Response)) {
    onSent();
    return response;
  }
  const body = response.body;
  if (body === null || body.locked || response.bodyUsed || !isConstructibleStatus(response.status)) {
    onSent();
    return response;
  }
  const reader = body.getReader();
  const observed = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          onSent();
        } else {
          controller.enqueue(value);
        }
      } catch (error) {
        controller.error(error);
        onSent();
      }
    },
    cancel(reason) {
      onSent();
      return reader.cancel(reason);
    },
  });
  return new Response(observed, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
