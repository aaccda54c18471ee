import type { Activity } from 'botbuilder';

// What the browser may put into an activity. Everything else (from, recipient, conversation,
// channel, service URL, entities, attachments) is set or dropped by the server, so a client
// cannot speak as someone else or smuggle data into another conversation.

export const MAX_TEXT_CHARS = 4000;
const MAX_VALUE_CHARS = 8000;
const MAX_CLIENT_ID_CHARS = 100;

export type ParsedActivity =
  | { ok: true; kind: 'message'; activity: Partial<Activity> }
  | { ok: true; kind: 'typing' }
  | { ok: false; code: string; message: string };

export function parseClientActivity(body: Record<string, unknown> | undefined): ParsedActivity {
  if (body === undefined) return invalid('Stuur een activity als JSON-object.');
  if (body.type === 'typing') return { ok: true, kind: 'typing' };
  if (body.type !== 'message') return invalid('Alleen berichten (type "message") worden verwerkt.');
  if (Array.isArray(body.attachments) && body.attachments.length > 0) {
    return invalid('Bijlagen worden in deze chat niet ondersteund.');
  }
  const text = body.text === undefined ? undefined : body.text;
  if (text !== undefined && typeof text !== 'string') return invalid('"text" moet tekst zijn.');
  if (text !== undefined && text.length > MAX_TEXT_CHARS) {
    return { ok: false, code: 'MessageSizeTooBig', message: tooLong() };
  }
  const value = body.value;
  if (value !== undefined && JSON.stringify(value).length > MAX_VALUE_CHARS) {
    return { ok: false, code: 'MessageSizeTooBig', message: tooLong() };
  }
  if ((text ?? '').trim() === '' && value === undefined) return invalid('Het bericht is leeg.');
  const activity: Partial<Activity> = { type: 'message' };
  if (text !== undefined) activity.text = text;
  if (value !== undefined) activity.value = value;
  if (typeof body.textFormat === 'string') activity.textFormat = body.textFormat;
  if (typeof body.locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(body.locale)) {
    activity.locale = body.locale;
  }
  const clientActivityID = clientActivityId(body.channelData);
  if (clientActivityID !== undefined) activity.channelData = { clientActivityID };
  return { ok: true, kind: 'message', activity };
}

/** Web Chat marks a message as delivered when an activity with its clientActivityID returns. */
function clientActivityId(channelData: unknown): string | undefined {
  if (typeof channelData !== 'object' || channelData === null) return undefined;
  const id = (channelData as Record<string, unknown>).clientActivityID;
  return typeof id === 'string' && id.length <= MAX_CLIENT_ID_CHARS ? id : undefined;
}

function invalid(message: string): ParsedActivity {
  return { ok: false, code: 'BadArgument', message };
}

function tooLong(): string {
  return `Uw bericht is te lang. Houd het onder de ${MAX_TEXT_CHARS} tekens.`;
}
