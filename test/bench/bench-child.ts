// One bot under test in its own process, so the load generator does not share its event loop.
// `node test/bench/bench-child.ts echo|bot <dataDir>`, started with fork(): it reports its
// port, answers memory questions and stops (writing a --cpu-prof profile) over IPC.
import { startApp } from '../../bot/hosting/app.ts';
import { loadConfig } from '../../bot/services/config.ts';
import { createLogger } from '../../bot/services/logger.ts';
import { startEchoBot } from './echo-bot.ts';

export type ParentMessage = { type: 'stats' } | { type: 'stop' };
export interface ProcessStats {
  rss: number;
  heapUsed: number;
  /** User plus system CPU time used so far, in microseconds. */
  cpuMicros: number;
}
export type ChildMessage = { type: 'ready'; port: number } | ({ type: 'stats' } & ProcessStats);

interface Running {
  port: number;
  close(): Promise<void>;
}

async function start(kind: string | undefined, dataDir: string | undefined): Promise<Running> {
  if (kind === 'echo') return startEchoBot('127.0.0.1', 0);
  if (kind !== 'bot' || dataDir === undefined) throw new Error('usage: bench-child echo|bot <dir>');
  // All load comes from one loopback address: the per-address limit would measure itself.
  const config = loadConfig({
    RATE_LIMIT_IP: '0',
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
  if (message.type === 'stats') {
    const { rss, heapUsed } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    send({ type: 'stats', rss, heapUsed, cpuMicros: user + system });
  } else {
    void running.close().finally(() => process.exit(0));
  }
});
send({ type: 'ready', port: running.port });
