import { readFileSync } from 'node:fs';
import { ConversationState, UserState, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter, installTurnErrorHandler } from './adapter.ts';
import { BureauBot } from './bot.ts';
import type { BotConfig } from './config.ts';
import { KnowledgeService } from './knowledge/service.ts';
import { resolveKnowledgeDir } from './knowledge/paths.ts';
import { describeError, type Logger } from './logger.ts';
import { BotServer } from './server.ts';
import { createStores, type Stores } from './storage/factory.ts';
import type { StateStore } from './storage/state-store.ts';
import { RetentionJob } from './privacy/retention.ts';
import { createRouter } from '../dialogs/router.ts';
import { STATE } from '../dialogs/ids.ts';
import { Keyring } from './records/keyring.ts';
import { SealedStateStore } from './storage/sealed-state-store.ts';
import { createRecordServices, type RecordServices } from './records/services.ts';
import type { RecordRepository } from './records/repository.ts';
import type { ClientAddress } from './security/client-address.ts';
import { httpSecurity } from './security/http-security.ts';
import { GuardedStateStore } from './security/storage-guard.ts';

const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** Extra HTTP routes (web widget, local Direct Line, Teams tab) get the running app's parts. */
export type RouteInstaller = (server: Server, app: AppParts) => void;

export interface AppParts {
  config: BotConfig;
  logger: Logger;
  knowledge: KnowledgeService;
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  botServer: BotServer;
  /** The client address of a request, for limits per address (TRUST_PROXY). */
  clientAddress: ClientAddress;
  /** Course registrations and contact requests, opened with RECORDS_KEY (bureau access). */
  records: RecordRepository;
}

export interface RunningApp extends AppParts {
  port: number;
  url: string;
  close(): Promise<void>;
}

export interface BotParts {
  bot: BureauBot;
  knowledge: KnowledgeService;
  storage: StateStore;
  conversationState: ConversationState;
  records: RecordServices;
  close(): Promise<void>;
}

/** With RECORDS_KEY, a form in progress (the dialog stack) is sealed in the state store. */
function sealedWithRecordsKey(config: BotConfig, store: StateStore, logger: Logger): StateStore {
  if (config.recordsKey === undefined) return store;
  return new SealedStateStore({
    inner: store,
    keyring: Keyring.fromConfig(config.recordsKey, config.recordsKeyPrevious),
    properties: [STATE.dialogState],
    logger,
  });
}

/** Before the bot writes anything. An unusable DATA_DIR must not stop the start: the bot still
 *  answers questions then. */
async function prepareDataDir(stores: Stores, logger: Logger): Promise<void> {
  const prepared = await stores.prepare().catch((error: unknown) => {
    logger.error(describeError(error), 'could not prepare DATA_DIR');
    return { unfinishedWrites: 0, madePrivate: 0 };
  });
  if (prepared.unfinishedWrites > 0) {
    logger.warn({ removed: prepared.unfinishedWrites }, 'unfinished record writes removed');
  }
  if (prepared.madePrivate > 0) {
    logger.info({ changed: prepared.madePrivate }, 'data files made private to their owner');
  }
}

/** The bot without HTTP: the transcript tests drive this with a TestAdapter. */
export async function buildBot(
  config: BotConfig,
  logger: Logger,
  /** `background: false` (tests) starts no file watcher and no hourly retention job. */
  options: { background?: boolean } = {},
): Promise<BotParts> {
  const background = options.background ?? true;
  const knowledge = new KnowledgeService({
    dir: config.knowledgeDir ?? resolveKnowledgeDir(),
    logger,
    watch: background,
  });
  await knowledge.load();
  const stores = await createStores(config);
  const { state: rawStorage, records: recordStore } = stores;
  const storage = sealedWithRecordsKey(config, new GuardedStateStore(rawStorage, logger), logger);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const records = createRecordServices(config, logger, stores);
  // Only now: the record services handle a feedback store that cannot be opened, which would
  // otherwise be an unhandled rejection while this waits.
  await prepareDataDir(stores, logger);
  const router = createRouter({
    conversationState,
    userState,
    knowledge,
    records,
    logger,
    retention: { conversationDays: config.retentionDays, recordDays: config.recordRetentionDays },
    mailsBureau: config.mail !== undefined,
  });
  const bot = new BureauBot({ conversationState, userState, router });
  const retention = new RetentionJob({
    storage,
    records: recordStore, // sealed fields need no key to be purged
    conversationDays: config.retentionDays,
    recordDays: config.recordRetentionDays,
    logger,
  });
  if (background) retention.start();
  return {
    bot,
    knowledge,
    storage,
    conversationState,
    records,
    close: async () => {
      retention.stop();
      knowledge.close();
      await storage.flush();
      await records.close();
    },
  };
}

/** Wires every part once; the entry point and the HTTP tests both start the bot through here. */
export async function startApp(
  config: BotConfig,
  logger: Logger,
  routes: RouteInstaller[] = [],
  /** `now`: the clock of the HTTP rate limits (tests move it). */
  options: { now?: () => number } = {},
): Promise<RunningApp> {
  const parts = await buildBot(config, logger);
  const { bot, knowledge } = parts;
  const adapter = createAdapter(config.auth);
  installTurnErrorHandler(adapter, { logger, conversationState: parts.conversationState });
  const logic = (context: TurnContext): Promise<void> => bot.run(context);
  const security = httpSecurity(config);
  const botServer = new BotServer({
    adapter,
    logic,
    logger,
    security,
    now: options.now,
    health: () => ({
      status: 'ok',
      version: packageJson.version,
      knowledgeEntries: knowledge.entryCount,
    }),
  });
  const records = parts.records.records.store;
  const { clientAddress } = security;
  const app: AppParts = {
    config,
    logger,
    knowledge,
    adapter,
    logic,
    botServer,
    clientAddress,
    records,
  };
  for (const install of routes) install(botServer.server, app);
  const port = await botServer.listen(config.port, config.host);
  return {
    ...app,
    port,
    url: `http://${config.host}:${port}`,
    close: async () => {
      await botServer.close();
      await parts.close();
    },
  };
}
