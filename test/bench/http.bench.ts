// npm run bench — turns per second, p50/p99 latency and memory of our bot over real HTTP
// (`/api/messages`, deliveryMode expectReplies), next to botbuilder's echo bot as the floor.
// 100 connections each play a realistic conversation (see conversation-script.ts). Each bot
// runs in its own child process so the load generator (autocannon, in this process) does not
// share its event loop. Figures only, never a pass/fail: a stopwatch on a shared machine is
// not a test. Options: --soak (our bot for 5 minutes, memory each minute), --duration=<s>,
// --connections=<n>, --profile (a CPU profile of our bot, summarised at the end).
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { ChildMessage, ParentMessage } from './bench-child.ts';
import { conversationRequests } from './conversation-script.ts';
import { summariseProfile } from './cpu-profile.ts';

const { values: options } = parseArgs({
  options: {
    soak: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    duration: { type: 'string', default: '12' },
    connections: { type: 'string', default: '100' },
  },
});
const SECONDS = Number(options.duration);
const SOAK_SECONDS = 300;
const WARMUP_SECONDS = 3;
const CONNECTIONS = Number(options.connections);
const MB = 1024 * 1024;
const CHILD = fileURLToPath(new URL('./bench-child.ts', import.meta.url));

/** A bot under test in its own process, spoken to over IPC. */
class BotProcess {
  readonly child: ChildProcess;
  readonly port: number;

  private constructor(child: ChildProcess, port: number) {
    this.child = child;
    this.port = port;
  }

  static async start(args: string[], execArgv: string[] = []): Promise<BotProcess> {
    const child = fork(CHILD, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const [message] = (await once(child, 'message')) as [ChildMessage];
    if (message.type !== 'ready') throw new Error('bench child did not start');
    return new BotProcess(child, message.port);
  }

  async memory(): Promise<{ rss: number; heapUsed: number }> {
    const answer = once(this.child, 'message') as Promise<[ChildMessage]>;
    this.send({ type: 'memory' });
    const [message] = await answer;
    return message.type === 'memory' ? message : { rss: 0, heapUsed: 0 };
  }

  async stop(): Promise<void> {
    const exited = once(this.child, 'exit');
    this.send({ type: 'stop' });
    await exited;
  }

  private send(message: ParentMessage): void {
    this.child.send(message);
  }
}

interface Measured {
  name: string;
  turnsPerSecond: number;
  p50: number;
  p99: number;
  rssPeakMb: number;
  rssEndMb: number;
  failedTurns: number;
  registrations: number;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

/** Drives one bot with the conversation script for `seconds`, sampling its memory. */
async function drive(
  name: string,
  bot: BotProcess,
  seconds: number,
  onMinute?: (minute: number, rssMb: number) => void,
): Promise<Measured> {
  const latencies: number[] = [];
  let failedTurns = 0;
  let registrations = 0;
  let rssPeak = 0;
  const requests = conversationRequests((status, body) => {
    if (status !== 200 || body.includes('foutcode')) failedTurns += 1;
    if (/AAN-[2-9A-Z]{6}/.test(body)) registrations += 1;
  });
  const started = performance.now();
  const sampler = setInterval(() => {
    void bot.memory().then(({ rss }) => {
      rssPeak = Math.max(rssPeak, rss);
      const elapsed = (performance.now() - started) / 1000;
      const minute = Math.round(elapsed / 60);
      if (onMinute && minute >= 1 && Math.abs(elapsed - minute * 60) < 0.5)
        onMinute(minute, rss / MB);
    });
  }, 1000);
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${bot.port}`,
      connections: CONNECTIONS,
      duration: seconds,
      requests,
    },
    () => undefined,
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const [result] = (await once(instance, 'done')) as [autocannon.Result];
  clearInterval(sampler);
  const { rss } = await bot.memory();
  const sorted = Float64Array.from(latencies).sort();
  return {
    name,
    turnsPerSecond: latencies.length / result.duration,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    rssPeakMb: Math.max(rssPeak, rss) / MB,
    rssEndMb: rss / MB,
    failedTurns: failedTurns + result.errors + result.timeouts,
    registrations,
  };
}

async function measure(
  name: string,
  args: string[],
  seconds: number,
  execArgv: string[] = [],
  onMinute?: (minute: number, rssMb: number) => void,
): Promise<Measured> {
  const bot = await BotProcess.start(args, execArgv);
  try {
    await drive(name, bot, WARMUP_SECONDS);
    return await drive(name, bot, seconds, onMinute);
  } finally {
    await bot.stop();
  }
}

function print(rows: Measured[]): void {
  const header = [
    'bot',
    'turns/s',
    'p50 ms',
    'p99 ms',
    'RSS peak MB',
    'RSS end MB',
    'failed',
    'AAN',
  ];
  const table = rows.map((r) => [
    r.name,
    r.turnsPerSecond.toFixed(0),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
    r.rssPeakMb.toFixed(0),
    r.rssEndMb.toFixed(0),
    String(r.failedTurns),
    r.name === 'echo' ? '-' : String(r.registrations),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...table.map((row) => (row[i] ?? '').length)),
  );
  for (const row of [header, ...table]) {
    console.log(row.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  '));
  }
}

async function printProfile(dir: string): Promise<void> {
  const file = (await readdir(dir)).find((name) => name.endsWith('.cpuprofile'));
  if (!file) return;
  const { functions, places, idle } = await summariseProfile(join(dir, file));
  const pct = (share: number): string => `${(share * 100).toFixed(1).padStart(5)}%`;
  console.log(`\nCPU profile of our bot (${join(dir, file)}), idle ${pct(idle)}`);
  console.log('self time by file or package:');
  for (const spot of places) console.log(`  ${pct(spot.share)}  ${spot.name}`);
  console.log('self time by function:');
  for (const spot of functions) console.log(`  ${pct(spot.share)}  ${spot.name}`);
}

const dataDir = await mkdtemp(join(tmpdir(), 'bdv-bench-'));
const profileDir = join(dataDir, 'profile');
try {
  console.log(
    `${CONNECTIONS} conversations at once, ${WARMUP_SECONDS} s warm-up, then ` +
      `${options.soak ? SOAK_SECONDS : SECONDS} s per bot; bots in child processes`,
  );
  const echo = await measure('echo', ['echo'], SECONDS);
  const ours = await measure(
    'ours',
    ['bot', join(dataDir, 'data')],
    options.soak ? SOAK_SECONDS : SECONDS,
    options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    options.soak
      ? (minute, rssMb) => console.log(`  soak minute ${minute}: RSS ${rssMb.toFixed(0)} MB`)
      : undefined,
  );
  print([echo, ours]);
  if (options.profile) await printProfile(profileDir);
  const ratio = ours.turnsPerSecond / echo.turnsPerSecond;
  const p99Ratio = ours.p99 / echo.p99;
  console.log(
    `goal: ratio >= 0.8 (${ratio.toFixed(2)}), p99 <= 1.5x echo (${p99Ratio.toFixed(1)}x)`,
  );
  console.log(
    `bench: ratio ${ratio.toFixed(2)} of echo baseline, ${ours.turnsPerSecond.toFixed(0)} turns/s, ` +
      `p50 ${ours.p50.toFixed(1)} ms, p99 ${ours.p99.toFixed(1)} ms`,
  );
} finally {
  if (!options.profile) await rm(dataDir, { recursive: true, force: true });
}
