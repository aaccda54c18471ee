import { startApp, type RouteInstaller, type RunningApp } from '../../bot/hosting/app.ts';
import { loadConfig } from '../../bot/services/config.ts';
import { createLogger } from '../../bot/services/logger.ts';
import { LogCapture } from './bot-harness.ts';

export interface HttpApp {
  app: RunningApp;
  logs: LogCapture;
}

/** The real server on a free loopback port, logging into memory. */
export async function startHttpApp(
  dataDir: string,
  env: Record<string, string> = {},
  routes: RouteInstaller[] = [],
  options: { now?: () => number } = {},
): Promise<HttpApp> {
  const logs = new LogCapture();
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, ...env });
  const app = await startApp(config, createLogger('info', logs), routes, options);
  return { app, logs };
}

export interface BotReply {
  type: string;
  text?: string;
  suggestedActions?: { actions: Array<{ title: string }> };
}

let counter = 0;

/** Posts one activity with deliveryMode expectReplies and returns the bot's replies. */
export async function postActivity(
  url: string,
  conversationId: string,
  activity: Record<string, unknown>,
): Promise<{ status: number; replies: BotReply[] }> {
  counter += 1;
  const body = {
    type: 'message',
    id: `a${counter}`,
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    from: { id: `user-${conversationId}` },
    recipient: { id: 'bot' },
    conversation: { id: conversationId },
    ...activity,
  };
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, replies: repliesOf(text) };
}

function repliesOf(body: string): BotReply[] {
  try {
    const parsed = JSON.parse(body) as { activities?: BotReply[] } | null;
    return parsed?.activities ?? [];
  } catch {
    return [];
  }
}

export const say = (url: string, conversationId: string, text: string) =>
  postActivity(url, conversationId, { text });

export const texts = (replies: BotReply[]): string => replies.map((r) => r.text ?? '').join('\n');

/** An anonymous contact request by phone, up to (not including) the final consent "ja". */
export const ANONYMOUS_CONTACT_STEPS: readonly string[] = [
  'Contactverzoek doen',
  'Anoniem',
  'Telefoon',
  '06 12345678',
  'Maakt niet uit',
  'Overslaan',
];
