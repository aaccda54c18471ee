import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

export interface FeedbackCounts {
  helped: number;
  notHelped: number;
}

export type FeedbackData = Record<string, FeedbackCounts>;

/** "Heeft dit geholpen?" as two counters per entry id: no text, no user, no time stamp, so
 *  there is nothing personal to keep or erase. */
export interface FeedbackStore {
  /** Adds one to a counter of the entry; resolves once that is stored. */
  record(entryId: string, helped: boolean): Promise<void>;
  /** Every entry that has been counted, with its two counters. */
  counts(): Promise<FeedbackData>;
  /** Resolves when every count handed over so far has been stored or has failed; rejects only
   *  when the store cannot be opened at all. */
  idle(): Promise<void>;
}

/** The counters in one lowdb file, DATA_DIR/feedback.json: right for one process per folder. */
export class LowdbFeedbackStore implements FeedbackStore {
  private readonly db: Low<FeedbackData>;
  private readonly ready: Promise<void>;
  private queue: Promise<void> = Promise.resolve();

  constructor(file: string) {
    this.db = new Low<FeedbackData>(new JSONFile(file), {});
    this.ready = mkdir(dirname(file), { recursive: true, mode: 0o700 }).then(() => this.db.read());
  }

  record(entryId: string, helped: boolean): Promise<void> {
    const run = this.queue.then(async () => {
      await this.ready;
      const counts = this.db.data[entryId] ?? { helped: 0, notHelped: 0 };
      if (helped) counts.helped += 1;
      else counts.notHelped += 1;
      this.db.data[entryId] = counts;
      await this.db.write();
    });
    // One failed write fails only its own count, not every count after it.
    this.queue = run.catch(() => undefined);
    return run;
  }

  async counts(): Promise<FeedbackData> {
    await this.idle();
    return structuredClone(this.db.data);
  }

  async idle(): Promise<void> {
    await this.ready;
    await this.queue;
  }
}
