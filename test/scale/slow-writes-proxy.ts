import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectionStringFor } from '../helpers/azurite.ts';

export interface SlowWritesProxy {
  connectionString: string;
  /** Holds every conversation-state write this long before passing it on (0: none). */
  holdConversationWrites(ms: number): void;
  close(): Promise<void>;
}

/**
 * A pass-through proxy in front of Azurite that can hold conversation-state writes back. With
 * writes held, every turn of a burst reads the state before any of them has written it, as
 * happens under real load when storage is slower than on this machine; without it the outcome
 * of a race on loopback would depend on luck. Shared Key signatures do not cover the host, so
 * requests pass unchanged.
 */
export async function startSlowWritesProxy(azuritePort: number): Promise<SlowWritesProxy> {
  let holdMs = 0;
  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = request(
      {
        host: '127.0.0.1',
        port: azuritePort,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  const server = createServer((req, res) => {
    const isStateWrite = req.method === 'PUT' && /conversations/.test(req.url ?? '');
    if (isStateWrite && holdMs > 0) setTimeout(() => forward(req, res), holdMs);
    else forward(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    connectionString: connectionStringFor(port),
    holdConversationWrites: (ms) => {
      holdMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
