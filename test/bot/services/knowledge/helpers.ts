import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Diagnostic } from '../../../../bot/services/knowledge/check/diagnostics.ts';
import type { KnowledgeLogger } from '../../../../bot/services/knowledge/types.ts';

export const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
export const FIXTURE = join(REPO, 'test', 'fixtures', 'knowledge');
export const REAL_KNOWLEDGE = join(REPO, 'knowledge');

/** `npm run kb:check` on a knowledge folder, as an editor runs it: its exit code and output. */
export async function runCheck(dir: string): Promise<{ code: number; stdout: string }> {
  return promisify(execFile)(process.execPath, ['bot/services/knowledge/cli/check.ts'], {
    cwd: REPO,
    env: { ...process.env, KNOWLEDGE_DIR: dir },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

/** A fresh copy of the fixture knowledge folder in a temporary directory. */
export async function copyFixture(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bdv-kb-'));
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Replaces text in a file of the copied folder; fails loudly when the text is not there. */
export async function edit(
  dir: string,
  file: string,
  from: string | RegExp,
  to: string,
): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  await writeFile(path, next);
}

/** The 1-based line on which `needle` first occurs. */
export async function lineOf(dir: string, file: string, needle: string): Promise<number> {
  const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
  const index = lines.findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`lineOf: ${needle} not in ${file}`);
  return index + 1;
}

export function findDiagnostic(
  diagnostics: readonly Diagnostic[],
  file: string,
  fragment: string,
): Diagnostic {
  const found = diagnostics.find(
    (d) => d.file.replaceAll('\\', '/').endsWith(file) && d.message.includes(fragment),
  );
  if (!found) {
    const list = diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n');
    throw new Error(`no diagnostic "${fragment}" for ${file}; got:\n${list}`);
  }
  return found;
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

/** A logger that remembers what was logged, for assertions. */
export function memoryLogger(): KnowledgeLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
}
