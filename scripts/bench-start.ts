// npm run bench:start [-- --runs=N] [-- --soak]
// Starts the real server as `npm start` does (bot/hosting/main.ts on the embedded lowdb
// default, here with a fresh temporary DATA_DIR and PORT=0, the port read from its log), polls
// /healthz, and prints the time from spawn to the first healthy answer and the resident memory
// (RSS) after a few idle seconds, per run and as the median of several runs. `--soak` then
// keeps one server busy for five minutes with the conversations of `npm run bench` and prints
// its RSS every half minute.
// Figures only, never a pass/fail: a stopwatch on a shared machine is not a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { conversationRequests } from '../test/bench/conversation-script.ts';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    idle: { type: 'string', default: '5' },
    soak: { type: 'boolean', default: false },
    connections: { type: 'string', default: '20' },
  },
});
const RUNS = Number(options.runs);
const IDLE_MS = Number(options.idle) * 1000;
const SOAK_MS = 300_000;
const SOAK_SAMPLE_MS = 30_000;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Resident memory of another process, from /proc (Linux). */
async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

interface Server {
  child: ChildProcess;
  url: string;
  dataDir: string;
  startMs: number;
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/healthz`);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** The arguments of package.json's start script (`node [flags] bot/hosting/main.ts`), so this
 *  measures what `npm start` runs, without npm's own start-up in front of it. */
async function startArguments(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error('npm start does not run node');
  return args;
}

/** Where the server says it listens: the url of its "bot listening" log line. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error('no output from the server'));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.includes('bot listening')) return;
      const { url } = JSON.parse(line) as { url?: string };
      if (url) resolve(url.replace('0.0.0.0', '127.0.0.1'));
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`the server stopped before it listened (${signal ?? code})`)),
    );
  });
}

/** Servers this script stopped (any other exit is reported). */
const stopping = new Set<ChildProcess>();

/** The server as `npm start` runs it; only PORT (0: any free port) and DATA_DIR (and, for the
 *  soak, the per-address limit: all load comes from one loopback address) are set. */
async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bdvp-start-'));
  const args = await startArguments();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // LOG_LEVEL info (the default) for the line with the port.
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.once('exit', (code, signal) => {
    if (!stopping.has(child)) console.error(`the server stopped by itself (${signal ?? code})`);
  });
  const url = await listeningUrl(child);
  while (!(await healthy(url))) await sleep(10);
  return { child, url, dataDir, startMs: performance.now() - started };
}

async function stopServer(server: Server): Promise<void> {
  const exit = once(server.child, 'exit');
  stopping.add(server.child);
  server.child.kill('SIGTERM');
  await exit;
  await rm(server.dataDir, { recursive: true, force: true });
}

async function startRuns(): Promise<void> {
  const times: number[] = [];
  const rss: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const server = await startServer();
    await sleep(IDLE_MS);
    const idle = await rssOf(server.child.pid ?? 0);
    await stopServer(server);
    times.push(server.startMs);
    rss.push(idle);
    console.log(
      `run ${run}: start to /healthz ${server.startMs.toFixed(0)} ms, ` +
        `idle RSS after ${IDLE_MS / 1000} s ${(idle / MB).toFixed(1)} MB`,
    );
  }
  console.log(
    `bench:start: median of ${RUNS}: start to /healthz ${median(times).toFixed(0)} ms, ` +
      `idle RSS ${(median(rss) / MB).toFixed(1)} MB`,
  );
}

async function soak(): Promise<void> {
  const server = await startServer({ RATE_LIMIT_IP: '0' });
  const pid = server.child.pid ?? 0;
  let failures = 0;
  const instance = autocannon({
    url: server.url,
    connections: Number(options.connections),
    duration: SOAK_MS / 1000,
    requests: conversationRequests((status) => {
      if (status !== 200) failures += 1;
    }),
  });
  const started = performance.now();
  console.log(`soak: ${options.connections} conversations at once for ${SOAK_MS / 60_000} min`);
  console.log(`  0:00  RSS ${((await rssOf(pid)) / MB).toFixed(1)} MB`);
  const samples: number[] = [];
  const sampler = setInterval(() => {
    void rssOf(pid).then((rss) => {
      samples.push(rss);
      const s = Math.round((performance.now() - started) / 1000);
      const at = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
      console.log(`  ${at.padStart(4)}  RSS ${(rss / MB).toFixed(1)} MB`);
    });
  }, SOAK_SAMPLE_MS);
  const result = await instance;
  clearInterval(sampler);
  await stopServer(server);
  console.log(
    `bench:start --soak: ${Math.round(result.requests.total / (SOAK_MS / 1000))} turns/s, ` +
      `${failures} failed, RSS ${(Math.min(...samples) / MB).toFixed(1)}–` +
      `${(Math.max(...samples) / MB).toFixed(1)} MB`,
  );
}

if (options.soak) await soak();
else await startRuns();
