import type { Request, Response, Server } from 'restify';
import type { AppParts, RouteInstaller } from '../app.ts';
import type { BotConfig } from '../../services/config.ts';
import { AZURE_DIRECT_LINE, AzureTokenError, exchangeSecret } from './azure-token.ts';
import { ConversationStore } from './conversation-store.ts';
import { handle, sendError, sendJson } from './http.ts';
import { DIRECT_LINE_PATH, LocalDirectLine } from './local-endpoint.ts';
import { TokenSigner } from './token.ts';
import { LocalTurnRunner } from './turn-runner.ts';

/** Where the widget page gets its token, and learns which Direct Line to talk to. */
export const WIDGET_TOKEN_PATH = '/api/directline/token';

export type DirectLineMode = 'local' | 'azure';

export interface DirectLineOptions {
  /** Azure's Direct Line base URL (tests: a local stand-in, as Azure is unreachable there). */
  azureBaseUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
  tokenTtlMs?: number;
  idleMs?: number;
  maxConversations?: number;
  maxPerAddress?: number;
  evictableAfterMs?: number;
  maxActivities?: number;
}

const DEFAULTS = {
  azureBaseUrl: AZURE_DIRECT_LINE,
  tokenTtlMs: 30 * 60_000,
  idleMs: 30 * 60_000,
  maxConversations: 300,
  /** Twice an office of 20 people with the widget open behind one address. */
  maxPerAddress: 40,
  evictableAfterMs: 5 * 60_000,
  maxActivities: 120,
  azureTimeoutMs: 10_000,
};

type Settings = typeof DEFAULTS & Pick<DirectLineOptions, 'fetch' | 'now'>;

/** With a Direct Line secret the widget uses Azure; without one, the bot's own endpoint. */
export function directLineMode(config: BotConfig): DirectLineMode {
  return config.directLineSecret === undefined ? 'local' : 'azure';
}

/** Sources the widget page must be allowed to connect to (Content-Security-Policy). */
export function directLineConnectSources(config: BotConfig, azureBaseUrl = AZURE_DIRECT_LINE) {
  if (directLineMode(config) === 'local') return [];
  const origin = new URL(azureBaseUrl);
  const socket = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  return [origin.origin, `${socket}//${origin.host}`];
}

export function directLineRoutes(options: DirectLineOptions = {}): RouteInstaller {
  const settings: Settings = {
    azureBaseUrl: options.azureBaseUrl ?? DEFAULTS.azureBaseUrl,
    tokenTtlMs: options.tokenTtlMs ?? DEFAULTS.tokenTtlMs,
    idleMs: options.idleMs ?? DEFAULTS.idleMs,
    maxConversations: options.maxConversations ?? DEFAULTS.maxConversations,
    maxPerAddress: options.maxPerAddress ?? DEFAULTS.maxPerAddress,
    evictableAfterMs: options.evictableAfterMs ?? DEFAULTS.evictableAfterMs,
    maxActivities: options.maxActivities ?? DEFAULTS.maxActivities,
    azureTimeoutMs: DEFAULTS.azureTimeoutMs,
    fetch: options.fetch,
    now: options.now,
  };
  return (server: Server, app: AppParts) => {
    const secret = app.config.directLineSecret;
    if (secret !== undefined) {
      installAzureToken(server, app, secret, settings);
      return;
    }
    const local = new LocalDirectLine({
      store: new ConversationStore({
        maxConversations: settings.maxConversations,
        maxPerAddress: settings.maxPerAddress,
        idleMs: settings.idleMs,
        evictableAfterMs: settings.evictableAfterMs,
        maxActivities: settings.maxActivities,
        now: settings.now,
      }),
      signer: new TokenSigner(settings.now),
      runner: new LocalTurnRunner(app.adapter, app.logic, app.config.auth.MicrosoftAppId),
      logger: app.logger,
      limits: app.botServer.limits,
      clientAddress: app.clientAddress,
      tokenTtlMs: settings.tokenTtlMs,
    });
    local.install(server);
    server.post(
      WIDGET_TOKEN_PATH,
      handle((_req, res) => {
        sendJson(res, 200, { mode: 'local', domain: DIRECT_LINE_PATH, ...local.issueToken() });
      }),
    );
  };
}

function installAzureToken(
  server: Server,
  app: AppParts,
  secret: string,
  settings: Settings,
): void {
  server.post(WIDGET_TOKEN_PATH, async (_req: Request, res: Response) => {
    try {
      const grant = await exchangeSecret({
        secret,
        baseUrl: settings.azureBaseUrl,
        timeoutMs: settings.azureTimeoutMs,
        fetch: settings.fetch,
      });
      sendJson(res, 200, { mode: 'azure', domain: settings.azureBaseUrl, ...grant });
    } catch (error) {
      const status = error instanceof AzureTokenError ? error.status : undefined;
      app.logger.error({ status, errorType: 'AzureTokenError' }, 'direct line token failed');
      sendError(res, 502, 'DirectLineUnavailable', 'De chat is even niet bereikbaar.');
    }
  });
}

export const installDirectLineRoutes: RouteInstaller = directLineRoutes();
