import type { StoreItems } from 'botbuilder';
import { describeError, type Logger } from '../logger.ts';
import type { StateStore, StoredKeyInfo } from '../storage/state-store.ts';

// When DATA_DIR is read-only, full, or not a folder at all, the bot must still answer
// questions from the knowledge base, and tell the person it cannot save (a form or a
// contact request) right now, instead of failing every turn with a generic error.

/** File-system errors that mean "this store cannot be used now", not "a bug". */
const UNAVAILABLE_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'ENOTDIR',
  'EISDIR',
  'EIO',
  // mkdir of a folder where a plain file already stands
  'EEXIST',
]);

export class StorageUnavailableError extends Error {
  readonly code: string | undefined;
  constructor(operation: string, cause: unknown) {
    super(`storage ${operation} failed`, { cause });
    this.name = 'StorageUnavailableError';
    this.code = errorCode(cause);
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The error itself and what it wraps (botbuilder-dialogs wraps errors in `.error`). */
function* chain(error: unknown): Generator<unknown> {
  let current = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    yield current;
    const wrapped = current as { error?: unknown; cause?: unknown };
    current = wrapped.error ?? wrapped.cause;
  }
}

/** The file-system code when `error` (or what it wraps) means storage is unavailable. */
export function storageFailureCode(error: unknown): string | undefined {
  for (const item of chain(error)) {
    if (item instanceof StorageUnavailableError) return item.code ?? 'unavailable';
    const code = errorCode(item);
    if (code !== undefined && UNAVAILABLE_CODES.has(code)) return code;
  }
  return undefined;
}

/** Reads that fail because the store is unusable give empty state (the turn goes on as a new
 *  conversation); failed writes become StorageUnavailableError for the turn error handler. */
export class GuardedStateStore implements StateStore {
  private readonly inner: StateStore;
  private readonly logger: Logger;

  constructor(inner: StateStore, logger: Logger) {
    this.inner = inner;
    this.logger = logger;
  }

  async read(keys: string[]): Promise<StoreItems> {
    try {
      return await this.inner.read(keys);
    } catch (error) {
      if (storageFailureCode(error) === undefined) throw error;
      this.logger.error(
        { ...describeError(error), code: storageFailureCode(error) },
        'state storage unreadable; answering without saved state',
      );
      return {};
    }
  }

  async write(changes: StoreItems): Promise<void> {
    await this.guard('write', () => this.inner.write(changes));
  }

  async delete(keys: string[]): Promise<void> {
    await this.guard('delete', () => this.inner.delete(keys));
  }

  documents(): AsyncIterable<StoredKeyInfo> {
    return this.inner.documents();
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }

  private async guard(operation: string, task: () => Promise<void>): Promise<void> {
    try {
      await task();
    } catch (error) {
      if (storageFailureCode(error) === undefined) throw error;
      throw new StorageUnavailableError(operation, error);
    }
  }
}
