import type { BotConfig } from '../config.ts';
import { describeError, type Logger } from '../logger.ts';
import { EncryptedRecordRepository } from './encrypted-repository.ts';
import type { Stores } from '../storage/factory.ts';
import type { FeedbackStore } from './feedback-store.ts';
import { Keyring } from './keyring.ts';
import { MailQueue, type RetryPolicy } from './mail-queue.ts';
import { SmtpMailer, type RecordMailer } from './mailer.ts';
import type { BureauRecord, NewRecord, RecordRepository } from './repository.ts';

/** Stores a record first, then mails it in the background: the person's confirmation waits
 *  only for the durable write, and a mail failure never loses the record. */
export class RecordService {
  readonly store: RecordRepository;
  private readonly mail: MailQueue | undefined;
  private readonly mailer: RecordMailer | undefined;
  private readonly logger: Logger;

  constructor(deps: {
    store: RecordRepository;
    mailer: RecordMailer | undefined;
    logger: Logger;
    retry?: RetryPolicy;
  }) {
    this.store = deps.store;
    this.mailer = deps.mailer;
    this.logger = deps.logger;
    this.mail = deps.mailer
      ? new MailQueue({
          mailer: deps.mailer,
          store: deps.store,
          logger: deps.logger,
          policy: deps.retry,
        })
      : undefined;
  }

  async submit(record: NewRecord, mailLines: string[]): Promise<BureauRecord> {
    const saved = await this.store.create(record);
    this.logger.info({ ref: saved.ref, kind: saved.kind }, 'record stored');
    this.mail?.enqueue(saved, mailLines);
    return saved;
  }

  /** Resolves when no mail is being sent or waiting for a retry. */
  async mailIdle(): Promise<void> {
    await this.mail?.idle();
  }

  async close(): Promise<void> {
    await this.mail?.close();
    this.mailer?.close();
  }
}

export interface RecordServices {
  records: RecordService;
  feedback: FeedbackStore;
  close(): Promise<void>;
}

/** Records sealed under RECORDS_KEY when it is set. Without it (allowed only outside
 *  production, see config.ts) they are stored as plain JSON, and the log says so at start. */
export function secureRecordStore(
  config: Pick<BotConfig, 'recordsKey' | 'recordsKeyPrevious'>,
  store: RecordRepository,
  logger: Logger,
): RecordRepository {
  if (config.recordsKey === undefined) {
    logger.warn(
      'RECORDS_KEY ontbreekt: aanmeldingen en contactverzoeken worden onversleuteld opgeslagen ' +
        '(alleen toegestaan buiten productie)',
    );
    return store;
  }
  return new EncryptedRecordRepository(
    store,
    Keyring.fromConfig(config.recordsKey, config.recordsKeyPrevious),
  );
}

export function createRecordServices(
  config: BotConfig,
  logger: Logger,
  stores: Pick<Stores, 'records' | 'feedback'>,
  options: { retry?: RetryPolicy } = {},
): RecordServices {
  const records = new RecordService({
    store: secureRecordStore(config, stores.records, logger),
    mailer: config.mail ? new SmtpMailer(config.mail) : undefined,
    logger,
    retry: options.retry,
  });
  const feedback = stores.feedback;
  // The lowdb feedback store prepares its folder at once; when DATA_DIR is unusable that fails
  // before anything awaits it, an unhandled rejection that would end the process.
  feedback.idle().catch((error: unknown) => {
    logger.error({ ...describeError(error) }, 'feedback store unavailable');
  });
  return {
    records,
    feedback,
    close: async () => {
      await feedback.idle().catch(() => undefined);
      await records.close();
    },
  };
}
