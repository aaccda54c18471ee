// Every environment variable the bot reads is validated here once, at start, so a typo in
// production fails loudly with the variable's name instead of misbehaving later.
import { LOG_LEVELS, type LogLevel } from './logger.ts';
import { decodeRecordsKey } from './crypto/keyring.ts';
import { MAX_PROXY_HOPS, parseTrustProxy, type TrustProxy } from './security/client-address.ts';

export interface BotConfig {
  host: string;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  production: boolean;
  knowledgeDir: string | undefined;
  /** 0: follow the knowledge folder by file events. More: look at every file this often (ms),
   *  for a folder on a network share (Azure Files) where file events do not arrive. */
  knowledgePollMs: number;
  auth: BotAuthConfig;
  /** Azure Direct Line secret: when set, the widget gets tokens from Azure instead of the
   *  bot's own local Direct Line endpoint. */
  directLineSecret: string | undefined;
  /** Public host name of the bot (Teams manifest, Content-Security-Policy). */
  botDomain: string | undefined;
  retentionDays: number;
  recordRetentionDays: number;
  storage: StorageConfig;
  /** 32-byte key (base64 or hex) that encrypts records at rest; required in production. */
  recordsKey: string | undefined;
  /** Bearer token for the bureau's records endpoint; without it no endpoint exposes records. */
  adminToken: string | undefined;
  /** Earlier records keys, only for reading until `npm run records -- rotate` has run. */
  recordsKeyPrevious: string[];
  /** Requests a minute per client address and messages a minute per conversation (0: off). */
  rateLimits: { ipPerMinute: number; conversationPerMinute: number };
  /** Which proxies' X-Forwarded-For to believe for the client address (0: none). */
  trustProxy: TrustProxy;
  /** Set only when SMTP_HOST, SMTP_PORT and BUREAU_EMAIL are all set. */
  mail: MailConfig | undefined;
  /** The bureau's workspace under /beheer; undefined: it does not exist. */
  workspace: WorkspaceConfig | undefined;
  /** Days a question kept for the editors is kept (counts are kept longer, see privacy.md). */
  insightRetentionDays: number;
  /** A post in the bureau's Teams channel for each new record; undefined: none. */
  teamsAlert: TeamsAlertSettings | undefined;
}

/** Sign-in to /beheer: the ADMIN_TOKEN as a password, or Microsoft Entra ID through App
 *  Service Authentication for a list of staff (deploy/README.md). */
export type WorkspaceConfig =
  { signIn: 'token'; token: string } | { signIn: 'entra'; staff: string[] };

export interface TeamsAlertSettings {
  /** The channel, as in Teams' "Koppeling naar kanaal ophalen": 19:…@thread.tacv2. */
  channelId: string;
  /** The Bot Connector service for Teams. */
  serviceUrl: string;
  tenantId: string | undefined;
}

/** Microsoft's public global Bot Connector endpoint for proactive messages in Teams. */
export const TEAMS_GLOBAL_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

export type StorageConfig =
  { kind: 'lowdb' } | { kind: 'blobs'; connectionString: string; container: string };

export interface MailConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
  to: string;
}

export interface BotAuthConfig {
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: string;
  MicrosoftAppTenantId: string;
  /** Where the Bot Framework publishes its signing keys, under botbuilder's own setting names;
   *  unset means Microsoft's public cloud (tests point them at a local stand-in). */
  ToBotFromChannelOpenIdMetadataUrl?: string;
  ToBotFromEmulatorOpenIdMetadataUrl?: string;
}

const METADATA_SETTINGS = [
  'ToBotFromChannelOpenIdMetadataUrl',
  'ToBotFromEmulatorOpenIdMetadataUrl',
] as const;

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, problem: string) {
    super(`Configuratiefout in ${variable}: ${problem}`);
    this.variable = variable;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? fallback : value;
}

function optional(env: Env, name: string): string | undefined {
  const value = text(env, name, '');
  return value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name, String(fallback));
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is geen geheel getal.`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `${value} ligt niet tussen ${min} en ${max}.`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env, name, fallback);
  const found = allowed.find((option) => option === raw);
  if (found === undefined) {
    throw new ConfigError(name, `"${raw}" is niet toegestaan; kies uit ${allowed.join(', ')}.`);
  }
  return found;
}

function readAuth(env: Env, production: boolean): BotAuthConfig {
  const auth: BotAuthConfig = {
    MicrosoftAppId: text(env, 'MicrosoftAppId', ''),
    MicrosoftAppPassword: text(env, 'MicrosoftAppPassword', ''),
    MicrosoftAppType: oneOf(env, 'MicrosoftAppType', APP_TYPES, 'MultiTenant'),
    MicrosoftAppTenantId: text(env, 'MicrosoftAppTenantId', ''),
  };
  for (const name of METADATA_SETTINGS) {
    const url = optional(env, name);
    if (url === undefined) continue;
    if (!/^https?:$/.test(URL.parse(url)?.protocol ?? '')) {
      throw new ConfigError(name, 'is geen http(s)-adres.');
    }
    auth[name] = url;
  }
  if (production && auth.MicrosoftAppId === '') {
    throw new ConfigError(
      'MicrosoftAppId',
      'NODE_ENV=production vereist de gegevens van de Azure Bot: zet MicrosoftAppId, ' +
        'MicrosoftAppPassword (niet bij UserAssignedMSI), MicrosoftAppType en, bij SingleTenant, ' +
        'MicrosoftAppTenantId.',
    );
  }
  if (auth.MicrosoftAppId !== '' && auth.MicrosoftAppType !== 'UserAssignedMSI') {
    if (auth.MicrosoftAppPassword === '') {
      throw new ConfigError('MicrosoftAppPassword', 'is verplicht zodra MicrosoftAppId is gezet.');
    }
  }
  if (auth.MicrosoftAppType === 'SingleTenant' && auth.MicrosoftAppTenantId === '') {
    throw new ConfigError(
      'MicrosoftAppTenantId',
      'is verplicht bij MicrosoftAppType=SingleTenant.',
    );
  }
  return auth;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function email(env: Env, name: string, fallback: string): string {
  const value = text(env, name, fallback);
  if (!EMAIL.test(value)) throw new ConfigError(name, 'is geen geldig e-mailadres.');
  return value;
}

function readMail(env: Env): MailConfig | undefined {
  const host = optional(env, 'SMTP_HOST');
  const to = optional(env, 'BUREAU_EMAIL');
  const port = optional(env, 'SMTP_PORT');
  if (host === undefined && to === undefined && port === undefined) return undefined;
  if (host === undefined || to === undefined || port === undefined) {
    const missing = [
      ['SMTP_HOST', host],
      ['SMTP_PORT', port],
      ['BUREAU_EMAIL', to],
    ].find(([, value]) => value === undefined);
    throw new ConfigError(
      missing?.[0] ?? 'SMTP_HOST',
      'ontbreekt: voor e-mail aan het bureau zijn SMTP_HOST, SMTP_PORT en BUREAU_EMAIL samen nodig.',
    );
  }
  return {
    host,
    port: integer(env, 'SMTP_PORT', 587, 1, 65535),
    secure: oneOf(env, 'SMTP_SECURE', ['true', 'false'], 'false') === 'true',
    user: optional(env, 'SMTP_USER'),
    password: optional(env, 'SMTP_PASSWORD'),
    from: email(env, 'SMTP_FROM', 'chatbot@localhost.localdomain'),
    to: email(env, 'BUREAU_EMAIL', ''),
  };
}

function readStorage(env: Env): StorageConfig {
  const kind = oneOf(env, 'STORAGE', ['lowdb', 'blobs'], 'lowdb');
  if (kind === 'lowdb') return { kind };
  const connectionString = optional(env, 'BLOB_CONNECTION_STRING');
  if (connectionString === undefined) {
    throw new ConfigError('BLOB_CONNECTION_STRING', 'is verplicht bij STORAGE=blobs.');
  }
  const container = text(env, 'BLOB_CONTAINER', 'bdv-chatbot');
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
    throw new ConfigError(
      'BLOB_CONTAINER',
      `"${container}" is geen geldige containernaam (3-63 tekens: kleine letters, cijfers, -).`,
    );
  }
  return { kind, connectionString, container };
}

const KEY_HOWTO = 'maak er een met: openssl rand -base64 32';

function recordsKey(env: Env, production: boolean): string | undefined {
  const value = optional(env, 'RECORDS_KEY');
  if (value === undefined && production) {
    throw new ConfigError(
      'RECORDS_KEY',
      'NODE_ENV=production vereist een sleutel die aanmeldingen en contactverzoeken ' +
        `versleutelt: 32 willekeurige bytes als base64 of hex; ${KEY_HOWTO}.`,
    );
  }
  if (value !== undefined && decodeRecordsKey(value) === undefined) {
    throw new ConfigError('RECORDS_KEY', `is geen 32 bytes als base64 of hex; ${KEY_HOWTO}.`);
  }
  return value;
}

function previousRecordsKeys(env: Env): string[] {
  const keys = text(env, 'RECORDS_KEY_PREVIOUS', '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  keys.forEach((key, index) => {
    if (decodeRecordsKey(key) === undefined) {
      throw new ConfigError(
        'RECORDS_KEY_PREVIOUS',
        `sleutel ${index + 1} is geen 32 bytes als base64 of hex (scheid sleutels met komma's).`,
      );
    }
  });
  return keys;
}

function trustProxy(env: Env): TrustProxy {
  const raw = text(env, 'TRUST_PROXY', '');
  const trust = parseTrustProxy(raw);
  if (trust === undefined) {
    throw new ConfigError(
      'TRUST_PROXY',
      `"${raw}" is geen aantal proxies (0 tot ${MAX_PROXY_HOPS}) en geen lijst van adressen ` +
        "(bijv. 10.0.0.0/8, loopback), gescheiden door komma's.",
    );
  }
  return trust;
}

function adminToken(env: Env): string | undefined {
  const value = optional(env, 'ADMIN_TOKEN');
  if (value !== undefined && value.length < 32) {
    throw new ConfigError('ADMIN_TOKEN', `is te kort: gebruik minstens 32 tekens; ${KEY_HOWTO}.`);
  }
  return value;
}

function workspace(env: Env, token: string | undefined): WorkspaceConfig | undefined {
  const mode = oneOf(env, 'BEHEER_SIGN_IN', ['token', 'entra'], 'token');
  if (mode === 'token') return token === undefined ? undefined : { signIn: 'token', token };
  const staff = text(env, 'BEHEER_STAFF', '')
    .split(',')
    .map((who) => who.trim().toLowerCase())
    .filter(Boolean);
  if (staff.length === 0) {
    throw new ConfigError(
      'BEHEER_STAFF',
      "is verplicht bij BEHEER_SIGN_IN=entra: de e-mailadressen (of object-id's) van de " +
        "medewerkers die de werkplek mogen gebruiken, gescheiden door komma's.",
    );
  }
  return { signIn: 'entra', staff };
}

const TEAMS_CHANNEL = /^19:[^\s@]+@thread\.(tacv2|skype)$/;

function teamsAlert(env: Env, auth: BotAuthConfig): TeamsAlertSettings | undefined {
  const raw = optional(env, 'TEAMS_ALERT_CHANNEL_ID');
  if (raw === undefined) return undefined;
  let channelId = raw;
  try {
    channelId = decodeURIComponent(raw); // as copied from the channel link
  } catch {
    // Not encoded: checked as it is below.
  }
  if (!TEAMS_CHANNEL.test(channelId)) {
    throw new ConfigError(
      'TEAMS_ALERT_CHANNEL_ID',
      'is geen kanaal-id van Teams (19:…@thread.tacv2); zie deploy/README.md.',
    );
  }
  const serviceUrl = text(env, 'TEAMS_ALERT_SERVICE_URL', TEAMS_GLOBAL_SERVICE_URL);
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    throw new ConfigError('TEAMS_ALERT_SERVICE_URL', 'is geen geldig adres.');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    throw new ConfigError('TEAMS_ALERT_SERVICE_URL', 'moet met https:// beginnen.');
  }
  const tenantId =
    optional(env, 'TEAMS_ALERT_TENANT_ID') ?? (auth.MicrosoftAppTenantId || undefined);
  return { channelId, serviceUrl: url.href, tenantId };
}

export function loadConfig(env: Env = process.env): BotConfig {
  const production = text(env, 'NODE_ENV', 'development') === 'production';
  const knowledgeDir = optional(env, 'KNOWLEDGE_DIR');
  const auth = readAuth(env, production);
  const token = adminToken(env);
  return {
    host: text(env, 'HOST', '127.0.0.1'),
    port: integer(env, 'PORT', 3978, 0, 65535),
    dataDir: text(env, 'DATA_DIR', './data'),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    production,
    knowledgeDir,
    knowledgePollMs: integer(env, 'KNOWLEDGE_POLL_MS', 0, 0, 600_000),
    auth,
    directLineSecret: optional(env, 'DIRECTLINE_SECRET'),
    botDomain: optional(env, 'BOT_DOMAIN'),
    mail: readMail(env),
    retentionDays: integer(env, 'RETENTION_DAYS', 30, 1, 3650),
    recordRetentionDays: integer(env, 'RECORD_RETENTION_DAYS', 90, 1, 3650),
    storage: readStorage(env),
    recordsKey: recordsKey(env, production),
    recordsKeyPrevious: previousRecordsKeys(env),
    adminToken: token,
    workspace: workspace(env, token),
    insightRetentionDays: integer(env, 'INSIGHT_RETENTION_DAYS', 30, 1, 365),
    teamsAlert: teamsAlert(env, auth),
    rateLimits: {
      ipPerMinute: integer(env, 'RATE_LIMIT_IP', 3000, 0, 1_000_000),
      conversationPerMinute: integer(env, 'RATE_LIMIT_CONVERSATION', 60, 0, 100_000),
    },
    trustProxy: trustProxy(env),
  };
}

export function isLocalMode(config: BotConfig): boolean {
  return config.auth.MicrosoftAppId === '';
}
