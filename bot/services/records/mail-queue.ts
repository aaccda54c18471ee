import { describeError, type Logger } from '../logger.ts';
import type { RecordMailer } from './mailer.ts';
import type { BureauRecord, RecordRepository } from './repository.ts';

// Mail (or a Teams message) to the bureau is a notification about a record that is already
// stored, so it runs in the background and never delays the person's confirmation. A failed
// send is retried with exponential backoff (with a little jitter, capped) a bounded number of
// times; one that still fails leaves the record without its sent date, which
// `npm run records -- list` and the workspace show.

export interface RetryPolicy {
  /** Sends in total, the first included. */
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_MAIL_RETRY: RetryPolicy = {
  attempts: 8,
  firstDelayMs: 5_000,
  maxDelayMs: 10 * 60_000,
};

/** The wait before send number `attempt + 1` (attempt counts from 1). */
export function backoffDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const exponential = policy.firstDelayMs * 2 ** (attempt - 1);
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.round(Math.min(policy.maxDelayMs, jittered));
}

export interface MailQueueDeps {
  mailer: RecordMailer;
  store: RecordRepository;
  logger: Logger;
  policy?: RetryPolicy;
  now?: () => Date;
  /** The record field that gets the time of a successful send. */
  stamp?: 'mailedAt' | 'teamsAlertedAt' | 'confirmedAt';
  /** What the log lines call a send. */
  what?: string;
}

export class MailQueue {
  private readonly deps: MailQueueDeps;
  private readonly policy: RetryPolicy;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(deps: MailQueueDeps) {
    this.deps = deps;
    this.policy = deps.policy ?? DEFAULT_MAIL_RETRY;
  }

  /** Starts sending now, in the background; returns at once. */
  enqueue(record: BureauRecord, lines: string[]): void {
    this.attempt(record, lines, 1);
  }

  /** Mails waiting for a retry or being sent. */
  get pending(): number {
    return this.timers.size + this.running.size;
  }

  /** Resolves once nothing is being sent or waiting (tests, and a clean shutdown). */
  async idle(): Promise<void> {
    while (this.pending > 0) {
      await Promise.race([...this.running, new Promise((resolve) => setTimeout(resolve, 20))]);
    }
  }

  /** Stops retrying; a send already under way gets `graceMs` to finish. */
  async close(graceMs = 5_000): Promise<void> {
    this.closed = true;
    if (this.timers.size > 0) {
      this.deps.logger.warn({ abandoned: this.timers.size }, 'record mail retries abandoned');
    }
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const grace = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([Promise.allSettled([...this.running]), grace]);
  }

  private attempt(record: BureauRecord, lines: string[], attempt: number): void {
    if (this.closed) return;
    const run = this.send(record, lines, attempt).finally(() => this.running.delete(run));
    this.running.add(run);
  }

  private async send(record: BureauRecord, lines: string[], attempt: number): Promise<void> {
    const { logger, mailer, store } = this.deps;
    try {
      await mailer.send(record, lines);
    } catch (error) {
      this.retryLater(record, lines, attempt, error);
      return;
    }
    const what = this.deps.what ?? 'record mail';
    const stamp = this.deps.stamp ?? 'mailedAt';
    logger.info({ ref: record.ref, attempt }, `${what} sent`);
    const at = (this.deps.now ?? (() => new Date()))().toISOString();
    await store.update(record.ref, { [stamp]: at }).catch((error: unknown) => {
      logger.error({ ref: record.ref, ...describeError(error) }, `record ${stamp} not saved`);
    });
  }

  private retryLater(record: BureauRecord, lines: string[], attempt: number, error: unknown): void {
    const { logger } = this.deps;
    const what = this.deps.what ?? 'record mail';
    const failure = { ref: record.ref, attempt, ...describeError(error) };
    if (attempt >= this.policy.attempts) {
      logger.error(failure, `${what} gave up; the record is stored, but the bureau not told`);
      return;
    }
    const delayMs = backoffDelay(this.policy, attempt);
    logger.warn({ ...failure, retryInMs: delayMs }, `${what} failed; will retry`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.attempt(record, lines, attempt + 1);
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }
}
