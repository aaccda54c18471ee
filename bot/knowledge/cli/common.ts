import { resolve } from 'node:path';
import { KnowledgeLoadError, KnowledgeService } from '../service.ts';
import { resolveKnowledgeDir } from '../paths.ts';
import type { KnowledgeLogger } from '../types.ts';

export const quietLogger: KnowledgeLogger = { info() {}, warn() {}, error() {} };

/** npm runs scripts from the package root; INIT_CWD is where the user typed the command. */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
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
