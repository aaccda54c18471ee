import { join } from 'node:path';
import type { BotConfig } from '../config.ts';
import { describeError, type Logger } from '../logger.ts';
import { FeedbackStore } from './feedback-store.ts';
import { SmtpMailer, type RecordMailer } from './mailer.ts';
import type { BureauRecord, NewRecord, RecordRepository } from './repository.ts';

/** Stores a record first, then mails it; a mail failure never loses the record. */
export class RecordService {
  readonly store: RecordRepository;
  private readonly mailer: RecordMailer | undefined;
  private readonly logger: Logger;

  constructor(deps: { store: RecordRepository; mailer: RecordMailer | undefined; logger: Logger }) {
    this.store = deps.store;
    this.mailer = deps.mailer;
    this.logger = deps.logger;
  }

  async submit(record: NewRecord, mailLines: string[]): Promise<BureauRecord> {
    const saved = await this.store.create(record);
    this.logger.info({ ref: saved.ref, kind: saved.kind }, 'record stored');
    if (this.mailer) {
      try {
        await this.mailer.send(saved, mailLines);
        await this.store.update(saved.ref, { mailedAt: new Date().toISOString() });
        this.logger.info({ ref: saved.ref }, 'record mailed');
      } catch (error) {
        this.logger.error({ ref: saved.ref, ...describeError(error) }, 'record mail failed');
      }
    }
    return saved;
  }

  close(): void {
    this.mailer?.close();
  }
}

export interface RecordServices {
  records: RecordService;
  feedback: FeedbackStore;
  close(): Promise<void>;
}

export function createRecordServices(
  config: BotConfig,
  logger: Logger,
  store: RecordRepository,
): RecordServices {
  const records = new RecordService({
    store,
    mailer: config.mail ? new SmtpMailer(config.mail) : undefined,
    logger,
  });
  const feedback = new FeedbackStore(join(config.dataDir, 'feedback.json'));
  return {
    records,
    feedback,
    close: async () => {
      await feedback.counts();
      records.close();
    },
  };
}
