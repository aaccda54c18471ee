// CloudAdapter trusts the shape of what it is sent: without a `type` it throws (a 500), a
// `membersAdded` that is not a list crashes the bot class, a `conversation` without an id
// fails deep in the state layer. So the HTTP front checks the shape first and answers 400.
// Problems name the field, never its value: the value may be personal.

export type ActivityCheck =
  | { ok: true; activity: Record<string, unknown>; conversationId: string }
  | { ok: false; field: string };

export interface ActivityRules {
  /** Without Bot Framework authentication nothing proves where a request came from, so the
   *  bot may only send replies (to `serviceUrl`) to this machine. */
  loopbackServiceUrlOnly: boolean;
}

const MAX_ID = 1024;
const DELIVERY_MODES = new Set(['normal', 'notification', 'expectReplies', 'ephemeral']);
const STRING_FIELDS = [
  'id',
  'replyToId',
  'locale',
  'localTimezone',
  'textFormat',
  'inputHint',
  'name',
  'label',
  'valueType',
  'timestamp',
  'localTimestamp',
  'expiration',
  'callerId',
  'action',
  'topicName',
  'summary',
  'speak',
  'importance',
  'text',
] as const;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID;
}

const optional = (value: unknown, check: (v: unknown) => boolean): boolean =>
  value === undefined || value === null || check(value);

function account(value: unknown): boolean {
  if (!isObject(value) || !isId(value.id)) return false;
  return optional(value.name, (name) => typeof name === 'string');
}

function listOf(value: unknown, check: (item: unknown) => boolean): boolean {
  return optional(value, (list) => Array.isArray(list) && list.every(check));
}

/** Replies go to `serviceUrl` unless they come back in the HTTP response (expectReplies), so
 *  without one the turn would wait on a connection that can never be made. */
function serviceUrl(value: unknown, deliveryMode: unknown, rules: ActivityRules): boolean {
  if (value === undefined) return deliveryMode === 'expectReplies';
  if (typeof value !== 'string') return false;
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return false;
  if (!rules.loopbackServiceUrlOnly) return true;
  return LOOPBACK.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

const isString = (value: unknown): boolean => typeof value === 'string';

/** The checks in the order the adapter reads the fields; each runs only if those before it
 *  passed, so a request costs no more checks than it needs. */
const CHECKS: ReadonlyArray<readonly [string, (body: Json, rules: ActivityRules) => boolean]> = [
  ['type', (b) => typeof b.type === 'string' && /^[A-Za-z]{1,64}$/.test(b.type)],
  ['channelId', (b) => typeof b.channelId === 'string' && /^[\w.-]{1,64}$/.test(b.channelId)],
  ['conversation', (b) => isObject(b.conversation) && isId(b.conversation.id)],
  ['from', (b) => account(b.from)],
  // Every Bot Framework channel names the bot as recipient; the bot compares members with it.
  ['recipient', (b) => account(b.recipient)],
  ['serviceUrl', (b, rules) => serviceUrl(b.serviceUrl, b.deliveryMode, rules)],
  ['deliveryMode', (b) => optional(b.deliveryMode, (m) => DELIVERY_MODES.has(String(m)))],
  ['membersAdded', (b) => listOf(b.membersAdded, account)],
  ['membersRemoved', (b) => listOf(b.membersRemoved, account)],
  ['entities', (b) => listOf(b.entities, isObject)],
  ['attachments', (b) => listOf(b.attachments, isObject)],
  ['channelData', (b) => optional(b.channelData, isObject)],
  ...STRING_FIELDS.map((name) => [name, (b: Json) => optional(b[name], isString)] as const),
];

/** The first field that is missing or of the wrong kind, in the order the adapter reads them. */
function badField(body: Json, rules: ActivityRules): string | undefined {
  for (const [name, ok] of CHECKS) {
    if (!ok(body, rules)) return name;
  }
  return undefined;
}

export function checkActivity(body: unknown, rules: ActivityRules): ActivityCheck {
  if (!isObject(body)) return { ok: false, field: 'body' };
  const field = badField(body, rules);
  if (field !== undefined) return { ok: false, field };
  const conversation = body.conversation as { id: string };
  return {
    ok: true,
    activity: body,
    conversationId: `${String(body.channelId)}/${conversation.id}`,
  };
}
