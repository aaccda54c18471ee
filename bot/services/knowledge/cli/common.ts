import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { KnowledgeLoadError, KnowledgeService } from '../service.ts';
import { resolveKnowledgeDir } from '../paths.ts';
import type { KnowledgeLogger } from '../types.ts';

export const quietLogger: KnowledgeLogger = { info() {}, warn() {}, error() {} };

/** npm runs scripts from the package root; INIT_CWD is where the user typed the command. */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** Reads a file the user named: from where they typed the command, or else inside the
 *  knowledge folder (so both `knowledge/tests/x.yaml` and `tests/x.yaml` work). Exits with a
 *  Dutch message when neither exists. */
export async function readUserFile(path: string): Promise<{ file: string; raw: string }> {
  for (const file of [userPath(path), resolve(resolveKnowledgeDir(), path)]) {
    try {
      return { file, raw: await readFile(file, 'utf8') };
    } catch {
      // try the next place
    }
  }
  console.error(`Kan ${path} niet lezen: bestaat het bestand?`);
  process.exit(2);
}

/** Opens the knowledge base for a one-shot tool; on invalid content prints why and exits 1. */
export async function openForCli(): Promise<KnowledgeService> {
  try {
    return await KnowledgeService.open({ dir: resolveKnowledgeDir(), logger: quietLogger });
  } catch (error) {
    if (!(error instanceof KnowledgeLoadError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
