import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { AtomicFiles } from './atomic-file.ts';
import { checkKey, type DocumentStore, type StoredDocument } from './document-store.ts';
import { KeyedLock } from './keyed-lock.ts';

/** Documents as JSON files under a folder (DATA_DIR): `key` + ".json", written atomically.
 *  One process per folder, as for the rest of the lowdb storage; a lock per key makes each
 *  conditional write a single step. */
export class FileDocumentStore implements DocumentStore {
  private readonly root: string;
  private readonly files = new AtomicFiles();
  private readonly lock = new KeyedLock();

  constructor(root: string) {
    this.root = root;
  }

  async read<T>(key: string): Promise<StoredDocument<T> | null> {
    const text = await this.text(key);
    return text === null ? null : { value: JSON.parse(text) as T, version: versionOf(text) };
  }

  writeIf<T>(key: string, value: T, version: string | null): Promise<boolean> {
    return this.lock.run(key, async () => {
      const text = await this.text(key);
      const current = text === null ? null : versionOf(text);
      if (current !== version) return false;
      const path = this.path(key);
      await mkdir(dirname(path), { recursive: true });
      await this.files.write(path, JSON.stringify(value));
      return true;
    });
  }

  delete(key: string): Promise<void> {
    return this.lock.run(key, () => this.files.remove(this.path(key)));
  }

  async list(prefix: string): Promise<string[]> {
    const dir = join(this.root, checkKey(prefix.replace(/\/$/, '')));
    let names: string[];
    try {
      names = await readdir(dir, { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .filter((name) => name.endsWith('.json') && !name.split(sep).some((p) => p.startsWith('.')))
      .map((name) => relative(this.root, join(dir, name)).split(sep).join('/').slice(0, -5));
  }

  private async text(key: string): Promise<string | null> {
    try {
      const text = await readFile(this.path(key), 'utf8');
      return text === '' ? null : text;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private path(key: string): string {
    return join(this.root, `${checkKey(key)}.json`);
  }
}

function versionOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
