// The floor for npm run bench: botbuilder's own echo sample (CloudAdapter + ActivityHandler on
// restify), with the same body parser and local-mode authentication as our bot, so the
// difference measured is what our bot does in a turn.
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import restify, { type Request, type Response } from 'restify';
import { MAX_BODY_BYTES } from '../../bot/hosting/server.ts';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const others = (context.activity.membersAdded ?? []).filter(
        (member) => member.id !== context.activity.recipient.id,
      );
      if (others.length > 0) await context.sendActivity('Hallo en welkom!');
      await next();
    });
  }
}

export interface EchoServer {
  port: number;
  close(): Promise<void>;
}

export async function startEchoBot(host: string, port: number): Promise<EchoServer> {
  const auth = { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' };
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(
      { ...auth },
      new ConfigurationServiceClientCredentialFactory(auth),
    ),
  );
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => {
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
