import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';

export interface FeedbackCounts {
  helped: number;
  notHelped: number;
}

type FeedbackData = Record<string, FeedbackCounts>;

/** "Heeft dit geholpen?" as two counters per entry id: no text, no user, no time stamp, so
 *  there is nothing personal to keep or erase. */
export class FeedbackStore {
  private readonly db: Low<FeedbackData>;
  private queue: Promise<void> = Promise.resolve();

  constructor(file: string) {
    this.db = new Low<FeedbackData>(new JSONFile(file), {});
    this.ready = mkdir(dirname(file), { recursive: true }).then(() => this.db.read());
  }

  private readonly ready: Promise<void>;

  record(entryId: string, helped: boolean): Promise<void> {
    this.queue = this.queue.then(async () => {
      await this.ready;
      const counts = this.db.data[entryId] ?? { helped: 0, notHelped: 0 };
      if (helped) counts.helped += 1;
      else counts.notHelped += 1;
      this.db.data[entryId] = counts;
      await this.db.write();
    });
    return this.queue;
  }

  async counts(): Promise<FeedbackData> {
    await this.ready;
    await this.queue;
    return { ...this.db.data };
  }
}
