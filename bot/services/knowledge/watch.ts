import { watch, type FSWatcher } from 'chokidar';
import { basename, relative, sep } from 'node:path';
import { FILES, isTemporaryFile } from './load/files.ts';

export interface WatchOptions {
  dir: string;
  debounceMs: number;
  /** 0: the system's file events. More: look at every file this often, in ms, for folders
   *  whose events do not reach this machine (an Azure Files or other SMB share). */
  pollMs: number;
  onChange: () => void;
  onError: (error: unknown) => void;
}

/**
 * Calls onChange once after a burst of changes in the knowledge folder (an editor's save is
 * several events). chokidar watches the folders, follows a file that an editor or sync tool
 * replaces by a rename (so later saves in place are still seen), and picks up folders that
 * are removed and put back; with `pollMs` it compares every file's stat instead.
 */
export class FolderWatcher {
  /** Resolves once the folder is being watched: a save after this is never missed. */
  readonly ready: Promise<void>;
  private readonly options: WatchOptions;
  private readonly watcher: FSWatcher;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: WatchOptions) {
    this.options = options;
    const polling = options.pollMs > 0;
    this.watcher = watch(options.dir, {
      ignoreInitial: true,
      ignored: (path) => !relevant(options.dir, path),
      usePolling: polling,
      ...(polling ? { interval: options.pollMs, binaryInterval: options.pollMs } : {}),
    });
    this.watcher.on('all', () => this.changed());
    this.watcher.on('error', (error) => options.onError(error));
    this.ready = new Promise((resolve) => this.watcher.once('ready', () => resolve()));
  }

  private changed(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.options.onChange(), this.options.debounceMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher.close();
  }
}

/** Evaluation files, the README and editors' temporary files do not change what the bot
 *  answers. */
function relevant(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  if (rel === '') return true;
  const parts = rel.split(sep);
  if (parts[0] === FILES.tests) return false;
  const name = basename(path);
  return name !== 'README.md' && !parts.some(isTemporaryFile);
}
