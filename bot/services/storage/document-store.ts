import { setTimeout as sleep } from 'node:timers/promises';

// Small JSON documents the workspace and the insight share between instances: sessions,
// sign-in lockouts, daily counts and the questions kept for editors. lowdb files under
// DATA_DIR by default, blobs in the shared container with STORAGE=blobs. A change is a read
// followed by a write on condition that nobody wrote in between (optimistic concurrency), so
// two instances never lose each other's changes.

export interface StoredDocument<T> {
  value: T;
  /** Opaque: what `writeIf` compares against. */
  version: string;
}

export interface DocumentStore {
  read<T>(key: string): Promise<StoredDocument<T> | null>;
  /** Writes when the document is still at `version` (`null`: still absent); false when
   *  someone else wrote first. */
  writeIf<T>(key: string, value: T, version: string | null): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Keys under a prefix ("insight/days/"), in no particular order. */
  list(prefix: string): Promise<string[]>;
}

/** Lower-case path segments of letters, digits, '-' and '_': no way out of the folder or
 *  prefix, and the same key is a valid file and blob name. */
const KEY = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;

export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`invalid document key`);
  return key;
}

const ATTEMPTS = 20;

/** Reads, changes and writes back until no other writer came in between. `change` returns
 *  the new value, or undefined to leave the document as it is. */
export async function updateDocument<T>(
  store: DocumentStore,
  key: string,
  change: (current: T | undefined) => T | undefined,
): Promise<T | undefined> {
  for (let attempt = 1; ; attempt += 1) {
    const current = await store.read<T>(key);
    const next = change(current?.value);
    if (next === undefined) return current?.value;
    if (await store.writeIf(key, next, current?.version ?? null)) return next;
    if (attempt >= ATTEMPTS) throw new Error('document changed by others too often');
    await sleep(Math.floor(3 + Math.random() * 10 * attempt));
  }
}
