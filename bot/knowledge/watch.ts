import { watch, type FSWatcher } from 'node:fs';
import { basename, sep } from 'node:path';
import { isTemporaryFile } from './load/loader.ts';

export interface WatchOptions {
  dir: string;
  debounceMs: number;
  onChange: () => void;
  onError: (error: unknown) => void;
}

const RETRY_MS = 2000;

/**
 * Calls onChange once after a burst of file events in the knowledge folder (an editor's save
 * is several events). Node 24's recursive fs.watch uses inotify, so nothing is polled; if
 * the watch breaks (folder replaced), it is set up again.
 */
export class FolderWatcher {
  private readonly options: WatchOptions;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: WatchOptions) {
    this.options = options;
    this.start();
  }

  private start(): void {
    if (this.closed) return;
    try {
      this.watcher = watch(this.options.dir, { recursive: true }, (_event, name) =>
        this.changed(name),
      );
      this.watcher.on('error', (error) => this.restart(error));
    } catch (error) {
      this.restart(error);
    }
  }

  private restart(error: unknown): void {
    this.options.onError(error);
    this.watcher?.close();
    this.watcher = undefined;
    if (!this.closed) setTimeout(() => this.start(), RETRY_MS).unref();
  }

  private changed(name: string | null): void {
    if (name !== null && !relevant(name)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.options.onChange(), this.options.debounceMs);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.watcher?.close();
  }
}

/** Evaluation files and the README do not change what the bot answers. */
function relevant(name: string): boolean {
  const first = name.split(sep)[0];
  return first !== 'tests' && basename(name) !== 'README.md' && !isTemporaryFile(basename(name));
}
