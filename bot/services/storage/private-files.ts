import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

// What the bot keeps under DATA_DIR is for the account it runs as only: files 0600, folders
// 0700. New files get that from the process's file mode mask, set once at start: lowdb's
// writer (steno) takes no mode of its own. What an older version left readable for others is
// closed at start, once: a folder that is already private is not walked again.

const OTHERS = 0o077;

/** From now on this process creates files 0600 and folders 0700. The mask is the process's:
 *  only the entry points (bot/hosting/main.ts, scripts/records.ts) call this. */
export function createPrivately(): void {
  process.umask(OTHERS);
}

/** Makes each path private that is not: a file 0600, a folder 0700 with all it holds.
 *  Returns how many files and folders were changed; a missing path is skipped. */
export async function makePrivate(paths: readonly string[]): Promise<number> {
  let changed = 0;
  for (const path of paths) changed += await makePrivateOne(path);
  return changed;
}

async function makePrivateOne(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined || (info.mode & OTHERS) === 0) return 0;
  if (info.isDirectory()) return closeFolder(path, info.mode);
  await chmod(path, 0o600);
  return 1;
}

/** The folder and everything in it, private folders inside an open one included. */
async function closeFolder(path: string, mode: number): Promise<number> {
  let changed = 0;
  if ((mode & OTHERS) !== 0) {
    await chmod(path, 0o700);
    changed += 1;
  }
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    const childMode = (await stat(child)).mode;
    if (entry.isDirectory()) {
      changed += await closeFolder(child, childMode);
    } else if (entry.isFile() && (childMode & OTHERS) !== 0) {
      await chmod(child, 0o600);
      changed += 1;
    }
  }
  return changed;
}
