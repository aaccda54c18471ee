import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './logger.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export interface HealthInfo {
  status: 'ok';
  version: string;
  knowledgeEntries: number;
}

export interface BotServerDeps {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  health: () => HealthInfo;
}

/** The HTTP front: the Bot Framework endpoint and a health check. It counts requests in
 *  flight so a shutdown can wait for turns that have started. */
export class BotServer {
  readonly server: Server;
  private readonly deps: BotServerDeps;
  private inFlight = 0;
  private drained: (() => void) | undefined;

  constructor(deps: BotServerDeps) {
    this.deps = deps;
    this.server = restify.createServer({ name: 'bdv-chatbot', handleUncaughtExceptions: false });
    this.server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
    // restify 12 accepts async handlers with two parameters (no `next`).
    this.server.post('/api/messages', async (req: Request, res: Response) => {
      await this.handleMessage(req, res);
    });
    this.server.get('/healthz', async (_req: Request, res: Response) => {
      res.json(200, this.deps.health());
      return Promise.resolve();
    });
  }

  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address();
    return typeof address === 'object' && address !== null ? address.port : port;
  }

  /** Stops accepting connections, then waits for turns in flight (at most `graceMs`). */
  async close(graceMs = 10_000): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.server.close(() => resolve());
    });
    this.server.server.closeIdleConnections();
    if (this.inFlight > 0) {
      const drained = new Promise<void>((resolve) => (this.drained = resolve));
      const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([drained, timer]);
    }
    this.server.server.closeAllConnections();
    await closed;
  }

  private async handleMessage(req: Request, res: Response): Promise<void> {
    this.inFlight += 1;
    try {
      await this.deps.adapter.process(req, res, this.deps.logic);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) this.drained?.();
    }
  }
}
