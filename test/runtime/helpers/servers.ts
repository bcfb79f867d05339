/** Real HTTP servers on 127.0.0.1 for the request-context tests. */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function listen(listener: RequestListener): Promise<RunningServer> {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What the fetch adapter has done with the current response. */
export interface AdapterState {
  ended: boolean;
}

/**
 * Serves a fetch-style handler over node:http the way fetch servers do: builds a
 * `Request`, writes the returned `Response`'s status and headers, then streams its body.
 */
export function fetchAdapter(
  handler: (request: Request) => Promise<Response>,
  state: AdapterState = { ended: false },
): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(name, value);
      }
      const response = await handler(new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          res.write(value);
        }
      }
      res.end();
      state.ended = true;
    })();
  };
}
