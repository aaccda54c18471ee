import { link, rename, truncate, unlink, writeFile } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// Replaces a file atomically, as lowdb's writer (steno) does: the new text goes to a temporary
// file next to the target, which is then renamed over it, so a reader or a crash sees either
// the old or the new file, never half of one.
//
// Unlike steno it does not create a new temporary file each time. Creating a file (a new
// inode) is by far the slowest step of such a write: measured on our ext4 development machine
// about 0.5 ms of kernel time, against about 0.15 ms for all of the steps below. So the old
// file's inode is kept as the next temporary file: before the rename it gets a second name
// (a hard link), and afterwards it is emptied and renamed to the temporary name. Its old text
// is gone at that point, so no previous version of a document lingers on disk. Where hard
// links are not supported, every write creates its temporary file, as steno does.
//
// Only one writer per file at a time (LowdbStorage holds a lock per key).

const RENAME_ATTEMPTS = 10;
const RENAME_RETRY_MS = 100;
/** link() errors meaning "this file system has no hard links (for us)". */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

type Callback = (error: NodeJS.ErrnoException | null) => void;

function call(operation: (done: Callback) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    operation((error) => (error ? reject(error) : resolve()));
  });
}

const codeOf = (error: unknown): unknown => (error as NodeJS.ErrnoException | null)?.code;

/** The temporary file (lowdb's name for it): empty between writes, or absent. */
export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`);
}

/** The second name the old file has for the moment of the rename. */
export function previousPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.prev`);
}

export interface AtomicFilesOptions {
  /** false: never keep the old inode (always create the temporary file, as steno does). */
  reuseInodes?: boolean;
}

export class AtomicFiles {
  private reuseInodes: boolean;

  constructor(options: AtomicFilesOptions = {}) {
    this.reuseInodes = options.reuseInodes ?? true;
  }

  async write(path: string, text: string): Promise<void> {
    const temp = tempPath(path);
    const previous = previousPath(path);
    await call((done) => writeFile(temp, text, { encoding: 'utf8', mode: 0o600 }, done));
    const kept = this.reuseInodes && (await this.keepOld(path, previous));
    await renameWithRetry(temp, path);
    // The new text is in place: what follows only prepares the next write. A failure here is
    // tidied up by the next write of this file (or removed with it), so it does not fail this
    // one.
    if (!kept) return;
    try {
      await call((done) => rename(previous, temp, done));
      await call((done) => truncate(temp, 0, done));
    } catch {
      // See above.
    }
  }

  /** Removes the file and its hidden companions; a missing file is not an error. */
  async remove(path: string): Promise<void> {
    await Promise.all(
      [path, tempPath(path), previousPath(path)].map((file) =>
        call((done) => unlink(file, done)).catch((error: unknown) => {
          if (codeOf(error) !== 'ENOENT') throw error;
        }),
      ),
    );
  }

  /** Gives the current file a second name, so its inode outlives the rename. */
  private async keepOld(path: string, previous: string): Promise<boolean> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await call((done) => link(path, previous, done));
        return true;
      } catch (error) {
        const code = codeOf(error);
        if (code === 'ENOENT') return false; // the first write of this file
        if (code === 'EEXIST' && attempt === 0) {
          // Left by a crash between two steps of an earlier write.
          await call((done) => unlink(previous, done));
          continue;
        }
        if (typeof code === 'string' && NO_LINKS.has(code)) this.reuseInodes = false;
        return false;
      }
    }
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await call((done) => rename(from, to, done));
      return;
    } catch (error) {
      // As steno does, for file systems that refuse a rename for a moment (Windows).
      if (attempt >= RENAME_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_MS));
    }
  }
}
