import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

// The bot as `npm start` runs it: bot/hosting/main.ts in its own process, so a test can see exactly
// what it writes to stdout and stderr, and how much memory it takes.

const main = fileURLToPath(new URL('../../bot/hosting/main.ts', import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Every line on stdout (the JSON log) so far. */
  stdout: string[];
  /** Every line on stderr so far. */
  stderr: string[];
  /** Stops the process (SIGTERM) and resolves when it has exited. */
  stop(): Promise<void>;
}

export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      stdout.push(line);
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'bot listening') resolve(entry.url ?? '');
    });
    void exited.then(() => reject(new Error(`the bot did not start:\n${stderr.join('\n')}`)));
  });
  return {
    child,
    url,
    stdout,
    stderr,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The most memory the process has held so far (VmHWM, Linux), in megabytes. */
export async function peakMemoryMb(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid ?? 0}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error('no VmHWM in /proc status');
  return Number(kb) / 1024;
}
