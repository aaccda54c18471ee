import { readFileSync } from 'node:fs';
import { ConversationState, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter, type BureauAdapter } from './bot-framework.ts';
import type { BureauBot } from '../../dialogs/bot.ts';
import type { BotConfig } from '../services/config.ts';
import { KnowledgeService } from '../services/knowledge/service.ts';
import { resolveKnowledgeDir } from '../services/knowledge/paths.ts';
import { describeError, type Logger } from '../services/logger.ts';
import { BotServer, type HealthInfo } from './server.ts';
import { createStores } from '../services/stores/factory.ts';
import type { Stores } from '../services/stores/stores.ts';
import type { StateStore } from '../services/storage/state-store.ts';
import { RetentionJob } from '../services/privacy/retention.ts';
import { createConversation } from '../../dialogs/conversation.ts';
import { turnErrorHandler } from '../../dialogs/turn-error.ts';
import { STATE } from '../../dialogs/ids.ts';
import { Keyring } from '../services/crypto/keyring.ts';
import { SealedStateStore } from '../services/storage/sealed-state-store.ts';
import { createInsight, type Insight } from '../services/insight/factory.ts';
import { createRecordServices, type RecordServices } from '../services/records/services.ts';
import type { RecordRepository } from '../services/records/repository.ts';
import type { ClientAddress } from '../services/security/client-address.ts';
import { httpSecurity } from './http-security.ts';
import { GuardedStateStore } from '../services/security/storage-guard.ts';
import type { DocumentStore } from '../services/storage/document-store.ts';
import { TeamsChannelAlert } from './teams/alert.ts';

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
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
  /** Day counts and the questions kept for the editors. */
  insight: Insight;
  /** Shared small documents (workspace sessions and sign-in lockouts). */
  documents: DocumentStore;
  /** How a new record reaches the bureau at once ("e-mail", "Teams"); empty: nowhere. */
  alerts: string[];
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
  insight: Insight;
  documents: DocumentStore;
  /** Also sends the bureau's Teams alerts (proactive messages). */
  adapter: BureauAdapter;
  alerts: string[];
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

/** How new records reach the bureau, for the start-up log, /healthz and the workspace. */
export function alertRoutes(config: Pick<BotConfig, 'mail' | 'teamsAlert'>): string[] {
  return [...(config.mail ? ['e-mail'] : []), ...(config.teamsAlert ? ['Teams'] : [])];
}

/** /healthz: always 200 while the bot answers; `warnings` say what the bureau should fix. */
function health(knowledge: KnowledgeService, alerts: string[]): HealthInfo {
  const status = knowledge.status();
  const reload = status.lastReload;
  const warnings = [
    ...(alerts.length === 0
      ? ['Nieuwe verzoeken worden niet gemeld: geen e-mail en geen Teams ingesteld.']
      : []),
    ...(reload && !reload.ok
      ? [
          `De laatste wijziging aan de kennisbank is niet geladen (${reload.errors} fout(en)); ` +
            'de bot gebruikt de vorige versie. Zie /beheer/kennisbank of npm run kb:check.',
        ]
      : []),
  ];
  return {
    status: 'ok',
    version: packageJson.version,
    knowledgeEntries: status.entries,
    knowledge: {
      hash: status.hash,
      loadedAt: status.loadedAt.toISOString(),
      ...(reload
        ? { lastReload: { at: reload.at.toISOString(), ok: reload.ok, errors: reload.errors } }
        : {}),
    },
    alerts,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
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
    pollMs: config.knowledgePollMs,
    // In production, TE_VULLEN, open "Controleren vóór livegang" notes, answers too long for a
    // phone and no way to reach a person stop the start (and a reload that brings them back).
    live: config.production,
  });
  await knowledge.load();
  const stores = await createStores(config);
  const { state: rawStorage, records: recordStore } = stores;
  const storage = sealedWithRecordsKey(config, new GuardedStateStore(rawStorage, logger), logger);
  const conversationState = new ConversationState(storage);
  const adapter = createAdapter(config.auth);
  const insight = createInsight(config, stores.documents, knowledge, logger);
  const records = createRecordServices(config, logger, stores, {
    teams: config.teamsAlert
      ? new TeamsChannelAlert({
          adapter,
          appId: config.auth.MicrosoftAppId,
          settings: config.teamsAlert,
          workspaceUrl:
            config.workspace && config.botDomain ? `https://${config.botDomain}/beheer` : undefined,
        })
      : undefined,
    onStored: (record) =>
      record.kind === 'contact'
        ? insight.recorder.contactRequest()
        : insight.recorder.registration(),
  });
  const alerts = alertRoutes(config);
  if (alerts.length === 0) {
    logger.warn(
      'geen meldroute: nieuwe contactverzoeken en aanmeldingen worden niet gemeld (geen ' +
        'SMTP_HOST/BUREAU_EMAIL en geen TEAMS_ALERT_CHANNEL_ID); zie deploy/README.md',
    );
  }
  // Only now: the record services handle a feedback store that cannot be opened, which would
  // otherwise be an unhandled rejection while this waits.
  await prepareDataDir(stores, logger);
  const bot = createConversation({
    conversationState,
    knowledge,
    records,
    logger,
    retention: {
      conversationDays: config.retentionDays,
      recordDays: config.recordRetentionDays,
      ...(insight.questions ? { questionDays: config.insightRetentionDays } : {}),
    },
    mailsBureau: config.mail !== undefined,
    events: insight.recorder,
  });
  const retention = new RetentionJob({
    storage,
    records: recordStore, // sealed fields need no key to be purged
    conversationDays: config.retentionDays,
    recordDays: config.recordRetentionDays,
    logger,
    also: (now) => insight.purge(now),
  });
  if (background) retention.start();
  return {
    bot,
    knowledge,
    storage,
    conversationState,
    records,
    insight,
    documents: stores.documents,
    adapter,
    alerts,
    close: async () => {
      retention.stop();
      await knowledge.close();
      await storage.flush();
      await records.close();
      await insight.recorder.idle();
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
  const { bot, knowledge, adapter } = parts;
  adapter.onTurnError = turnErrorHandler({ logger, conversationState: parts.conversationState });
  const logic = (context: TurnContext): Promise<void> => bot.run(context);
  const security = httpSecurity(config);
  const botServer = new BotServer({
    adapter,
    logic,
    logger,
    security,
    now: options.now,
    health: () => health(knowledge, parts.alerts),
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
    insight: parts.insight,
    documents: parts.documents,
    alerts: parts.alerts,
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
