import { Writable } from 'node:stream';
import { TestAdapter, type Activity } from 'botbuilder';
import { buildBot, type BotParts } from '../../bot/hosting/app.ts';
import { loadConfig } from '../../bot/services/config.ts';
import { createLogger, type Logger } from '../../bot/services/logger.ts';

/** Keeps every log line in memory, so tests can assert what is (not) logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

export interface Harness {
  parts: BotParts;
  adapter: TestAdapter;
  logs: LogCapture;
  logger: Logger;
}

export interface HarnessOptions {
  dataDir: string;
  env?: Record<string, string>;
  channelId?: string;
  userName?: string;
  conversationType?: string;
  botId?: string;
}

/** The real bot (real knowledge files, real lowdb storage in `dataDir`) behind a TestAdapter. */
export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const config = loadConfig({ DATA_DIR: options.dataDir, ...options.env });
  const logs = new LogCapture();
  const logger = createLogger('info', logs);
  const parts = await buildBot(config, logger, { background: false });
  const template: Partial<Activity> = {
    channelId: options.channelId ?? 'webchat',
    from: { id: 'user-1', name: options.userName ?? 'Gebruiker' },
    recipient: { id: options.botId ?? 'bot-1', name: 'Bureau De Vertrouwenspersoon' },
    conversation: {
      id: 'conv-1',
      isGroup: false,
      conversationType: options.conversationType ?? 'personal',
      name: '',
    },
  };
  const adapter = new TestAdapter((context) => parts.bot.run(context), template);
  return { parts, adapter, logs, logger };
}

/** Text, suggested actions and cards of a reply as one string, for regular expressions. */
export function rendered(reply: Partial<Activity>): string {
  const actions = (reply.suggestedActions?.actions ?? []).map((a) => `[${a.title}]`).join(' ');
  const cards = (reply.attachments ?? []).map((a) => JSON.stringify(a.content)).join('\n');
  return [reply.text ?? '', actions, cards].filter(Boolean).join('\n');
}
