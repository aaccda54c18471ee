import { describeError, type Logger } from '../logger.ts';
import type { RecordRepository } from '../records/repository.ts';
import type { StateStore } from '../storage/state-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export interface RetentionDeps {
  storage: StateStore;
  records: RecordRepository;
  conversationDays: number;
  recordDays: number;
  logger: Logger;
  now?: () => Date;
  /** Other stores with their own retention (the insight), purged in the same run. */
  also?: (now: Date) => Promise<Record<string, number>>;
}

/** Deletes conversation/user state and records older than their retention. What the privacy
 *  text promises ("gewist na … dagen") is kept here. */
export class RetentionJob {
  private readonly deps: RetentionDeps;
  private timer: NodeJS.Timeout | undefined;

  constructor(deps: RetentionDeps) {
    this.deps = deps;
  }

  async purge(): Promise<{ states: number; records: number }> {
    const now = (this.deps.now ?? (() => new Date()))().getTime();
    const stateCutoff = now - this.deps.conversationDays * DAY_MS;
    const recordCutoff = now - this.deps.recordDays * DAY_MS;
    const expired: string[] = [];
    for await (const doc of this.deps.storage.documents()) {
      if (Date.parse(doc.savedAt) < stateCutoff) expired.push(doc.key);
    }
    await this.deps.storage.delete(expired);
    let records = 0;
    for (const record of await this.deps.records.list()) {
      if (Date.parse(record.createdAt) >= recordCutoff) continue;
      await this.deps.records.remove(record.ref);
      records += 1;
    }
    const also = this.deps.also ? await this.deps.also(new Date(now)) : {};
    this.deps.logger.info({ states: expired.length, records, ...also }, 'retention purge');
    return { states: expired.length, records };
  }

  /** Purges now and then every hour until stopped. */
  start(): void {
    const run = (): void => {
      this.purge().catch((error: unknown) =>
        this.deps.logger.error(describeError(error), 'retention purge failed'),
      );
    };
    run();
    this.timer = setInterval(run, HOUR_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
