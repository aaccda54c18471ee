import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function repoRoot(): string {
  return REPO_ROOT;
}

/** KNOWLEDGE_DIR when set, else the repository's knowledge/ folder (wherever we run from). */
export function resolveKnowledgeDir(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const fromEnv = env.KNOWLEDGE_DIR?.trim();
  return fromEnv ? fromEnv : fileURLToPath(new URL('../../../knowledge', import.meta.url));
}
