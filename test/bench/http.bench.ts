// npm run bench — turns per second, CPU time per turn, p50/p99 latency and memory (RSS) of our
// bot over real HTTP (`/api/messages`, deliveryMode expectReplies), next to botbuilder's echo
// bot as the floor. 100 autocannon connections each play a realistic conversation again and
// again, each time under a new conversation id (see conversation-script.ts). Each bot runs in
// its own child process, so the load generator (autocannon, in this process) does not share
// its event loop; the two are measured in turns, echo-ours-ours-echo, so a machine that gets
// busier or quieter during the run favours neither. Figures only, never a pass/fail: a
// stopwatch on a shared machine is not a test. Options: --soak (then our bot for 5 minutes,
// memory each minute), --duration=<s> (default 12 per bot), --connections=<n>, --profile (a
// CPU profile of our bot, summarised at the end).
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { ChildMessage, ParentMessage, ProcessStats } from './bench-child.ts';
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

  async stats(): Promise<ProcessStats> {
    const answer = once(this.child, 'message') as Promise<[ChildMessage]>;
    this.send({ type: 'stats' });
    const [message] = await answer;
    return message.type === 'stats' ? message : { rss: 0, heapUsed: 0, cpuMicros: 0 };
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

/** One stretch of load on one bot. */
interface Run {
  latencies: number[];
  seconds: number;
  cpuMicros: number;
  failedTurns: number;
  registrations: number;
  rssPeak: number;
  rssEnd: number;
}

interface Measured {
  name: string;
  turnsPerSecond: number;
  /** CPU time of the bot process per turn: hardly affected by other load on the machine. */
  cpuMsPerTurn: number;
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
  bot: BotProcess,
  seconds: number,
  onMinute?: (minute: number, rssMb: number, heapMb: number) => void,
): Promise<Run> {
  const run: Run = {
    latencies: [],
    seconds: 0,
    cpuMicros: 0,
    failedTurns: 0,
    registrations: 0,
    rssPeak: 0,
    rssEnd: 0,
  };
  const cpuBefore = (await bot.stats()).cpuMicros;
  const requests = conversationRequests((status, body) => {
    if (status !== 200 || body.includes('foutcode')) run.failedTurns += 1;
    if (/AAN-[2-9A-Z]{6}/.test(body)) run.registrations += 1;
  });
  const started = performance.now();
  let minutesReported = 0;
  const sampler = setInterval(() => {
    void bot.stats().then(({ rss, heapUsed }) => {
      run.rssPeak = Math.max(run.rssPeak, rss);
      const minute = Math.floor((performance.now() - started) / 60_000);
      if (onMinute && minute > minutesReported) {
        minutesReported = minute;
        onMinute(minute, rss / MB, heapUsed / MB);
      }
    });
  }, 1000);
  const instance = autocannon(
    { url: `http://127.0.0.1:${bot.port}`, connections: CONNECTIONS, duration: seconds, requests },
    () => undefined,
  );
  instance.on('response', (_client, _status, _bytes, time) => run.latencies.push(time));
  const [result] = (await once(instance, 'done')) as [autocannon.Result];
  clearInterval(sampler);
  run.seconds = result.duration;
  run.failedTurns += result.errors + result.timeouts;
  const after = await bot.stats();
  run.rssEnd = after.rss;
  run.cpuMicros = after.cpuMicros - cpuBefore;
  run.rssPeak = Math.max(run.rssPeak, run.rssEnd);
  return run;
}

function combine(name: string, runs: Run[]): Measured {
  const sorted = Float64Array.from(runs.flatMap((run) => run.latencies)).sort();
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const sum = (pick: (run: Run) => number): number => runs.reduce((t, run) => t + pick(run), 0);
  return {
    name,
    turnsPerSecond: sorted.length / seconds,
    cpuMsPerTurn: sum((run) => run.cpuMicros) / 1000 / Math.max(1, sorted.length),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    rssPeakMb: Math.max(...runs.map((run) => run.rssPeak)) / MB,
    rssEndMb: (runs.at(-1)?.rssEnd ?? 0) / MB,
    failedTurns: sum((run) => run.failedTurns),
    registrations: sum((run) => run.registrations),
  };
}

function print(rows: Measured[]): void {
  const header = [
    'bot',
    'turns/s',
    'CPU ms/turn',
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
    r.cpuMsPerTurn.toFixed(2),
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
  const { functions, places, ownInclusive, idle } = await summariseProfile(join(dir, file));
  const pct = (share: number): string => `${(share * 100).toFixed(1).padStart(5)}%`;
  console.log(`\nCPU profile of our bot (${join(dir, file)}): idle ${pct(idle)} of the time;`);
  console.log('shares below are of the busy time.');
  console.log('self time by file or package:');
  for (const spot of places) console.log(`  ${pct(spot.share)}  ${spot.name}`);
  console.log('self time by function:');
  for (const spot of functions) console.log(`  ${pct(spot.share)}  ${spot.name}`);
  console.log('our functions, including what they call:');
  for (const spot of ownInclusive) console.log(`  ${pct(spot.share)}  ${spot.name}`);
}

const dataDir = await mkdtemp(join(tmpdir(), 'bdv-bench-'));
const profileDir = join(dataDir, 'profile');
const echo = await BotProcess.start(['echo']);
const ours = await BotProcess.start(
  ['bot', join(dataDir, 'data')],
  options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
);
try {
  console.log(
    `${CONNECTIONS} conversations at once; each bot in its own process; ${WARMUP_SECONDS} s ` +
      `warm-up each, then echo, ours, ours, echo for ${SECONDS / 2} s each`,
  );
  await drive(echo, WARMUP_SECONDS);
  await drive(ours, WARMUP_SECONDS);
  const half = SECONDS / 2;
  const e1 = await drive(echo, half);
  const o1 = await drive(ours, half);
  const o2 = await drive(ours, half);
  const e2 = await drive(echo, half);
  const echoResult = combine('echo', [e1, e2]);
  const ourResult = combine('ours', [o1, o2]);
  print([echoResult, ourResult]);
  if (options.soak) {
    console.log(`soak: our bot for ${SOAK_SECONDS / 60} minutes`);
    const soak = await drive(ours, SOAK_SECONDS, (minute, rssMb, heapMb) =>
      console.log(`  minute ${minute}: RSS ${rssMb.toFixed(0)} MB, heap ${heapMb.toFixed(0)} MB`),
    );
    print([combine('ours (soak)', [soak])]);
  }
  await Promise.all([echo.stop(), ours.stop()]);
  if (options.profile) await printProfile(profileDir);
  const ratio = ourResult.turnsPerSecond / echoResult.turnsPerSecond;
  console.log(
    `CPU per turn: ours ${ourResult.cpuMsPerTurn.toFixed(2)} ms, echo ` +
      `${echoResult.cpuMsPerTurn.toFixed(2)} ms (ratio by CPU time, less sensitive to other ` +
      `load on the machine: ${(echoResult.cpuMsPerTurn / ourResult.cpuMsPerTurn).toFixed(2)})`,
  );
  console.log(
    `goal: ratio >= 0.8 (now ${ratio.toFixed(2)}), our p99 <= 1.5x echo's ` +
      `(now ${(ourResult.p99 / echoResult.p99).toFixed(1)}x)`,
  );
  console.log(
    `bench: ratio ${ratio.toFixed(2)} of echo baseline, ${ourResult.turnsPerSecond.toFixed(0)} ` +
      `turns/s, p50 ${ourResult.p50.toFixed(1)} ms, p99 ${ourResult.p99.toFixed(1)} ms`,
  );
} finally {
  for (const bot of [echo, ours]) if (bot.child.exitCode === null) bot.child.kill();
  if (!options.profile) await rm(dataDir, { recursive: true, force: true });
}
