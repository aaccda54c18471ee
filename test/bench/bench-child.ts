// One bot under test in its own process, so the load generator does not share its event loop.
// `node test/bench/bench-child.ts echo|bot <dataDir>`, started with fork(): it reports its
// port, answers memory questions and stops (writing a --cpu-prof profile) over IPC.
import { startApp } from '../../bot/app.ts';
import { loadConfig } from '../../bot/config.ts';
import { createLogger } from '../../bot/logger.ts';
import { startEchoBot } from './echo-bot.ts';

export type ParentMessage = { type: 'memory' } | { type: 'stop' };
export type ChildMessage =
  { type: 'ready'; port: number } | { type: 'memory'; rss: number; heapUsed: number };

interface Running {
  port: number;
  close(): Promise<void>;
}

async function start(kind: string | undefined, dataDir: string | undefined): Promise<Running> {
  if (kind === 'echo') return startEchoBot('127.0.0.1', 0);
  if (kind !== 'bot' || dataDir === undefined) throw new Error('usage: bench-child echo|bot <dir>');
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
  });
  return startApp(config, createLogger('silent'));
}

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

const running = await start(process.argv[2], process.argv[3]);
process.on('message', (message: ParentMessage) => {
  if (message.type === 'memory') {
    const { rss, heapUsed } = process.memoryUsage();
    send({ type: 'memory', rss, heapUsed });
  } else {
    void running.close().finally(() => process.exit(0));
  }
});
send({ type: 'ready', port: running.port });
