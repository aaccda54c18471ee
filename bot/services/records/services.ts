import type { BotConfig } from '../config.ts';
import { describeError, type Logger } from '../logger.ts';
import { EncryptedRecordRepository } from './encrypted-repository.ts';
import type { FeedbackStore } from './feedback-store.ts';
import { ConfirmationMailer } from './confirmation-mailer.ts';
import { Keyring } from '../crypto/keyring.ts';
import { MailQueue, type RetryPolicy } from './mail-queue.ts';
import { SmtpMailer, type RecordMailer } from './mailer.ts';
import type { BureauRecord, NewRecord, RecordRepository } from './repository.ts';

/** Stores a record first, then tells the bureau in the background (e-mail and/or its Teams
 *  channel): the person's confirmation waits only for the durable write, and a failed alert
 *  never loses the record. */
export class RecordService {
  readonly store: RecordRepository;
  private readonly queues: MailQueue[] = [];
  /** The person's own confirmation of a course registration, when mail is set up. */
  private readonly confirmations: MailQueue | undefined;
  private readonly senders: RecordMailer[] = [];
  private readonly logger: Logger;
  private readonly onStored: ((record: BureauRecord) => void) | undefined;

  constructor(deps: {
    store: RecordRepository;
    mailer: RecordMailer | undefined;
    /** A post in the bureau's Teams channel (bot/hosting/teams/alert.ts). */
    teams?: RecordMailer;
    /** Mails a person their course registration's confirmation. */
    confirmer?: RecordMailer;
    logger: Logger;
    retry?: RetryPolicy;
    /** Told of every stored record (the insight counts). */
    onStored?: (record: BureauRecord) => void;
  }) {
    this.store = deps.store;
    this.logger = deps.logger;
    this.onStored = deps.onStored;
    const common = { store: deps.store, logger: deps.logger, policy: deps.retry };
    if (deps.mailer) {
      this.senders.push(deps.mailer);
      this.queues.push(new MailQueue({ ...common, mailer: deps.mailer }));
    }
    if (deps.confirmer) {
      this.senders.push(deps.confirmer);
      this.confirmations = new MailQueue({
        ...common,
        mailer: deps.confirmer,
        stamp: 'confirmedAt',
        what: 'registration confirmation',
      });
    }
    if (deps.teams) {
      this.senders.push(deps.teams);
      this.queues.push(
        new MailQueue({
          ...common,
          mailer: deps.teams,
          stamp: 'teamsAlertedAt',
          what: 'record teams alert',
        }),
      );
    }
  }

  /** Whether a person who registers for the course gets a confirmation by e-mail. */
  get confirmsRegistrations(): boolean {
    return this.confirmations !== undefined;
  }

  /** Whether any route tells the bureau of a new record at once. */
  get alertsBureau(): boolean {
    return this.queues.length > 0;
  }

  async submit(record: NewRecord, mailLines: string[]): Promise<BureauRecord> {
    const saved = await this.store.create(record);
    this.logger.info({ ref: saved.ref, kind: saved.kind }, 'record stored');
    for (const queue of this.queues) queue.enqueue(saved, mailLines);
    if (saved.kind === 'registration') this.confirmations?.enqueue(saved, []);
    this.onStored?.(saved);
    return saved;
  }

  /** Resolves when no alert is being sent or waiting for a retry. */
  async mailIdle(): Promise<void> {
    await Promise.all(this.all.map((queue) => queue.idle()));
  }

  private get all(): MailQueue[] {
    return this.confirmations ? [...this.queues, this.confirmations] : this.queues;
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((queue) => queue.close()));
    for (const sender of this.senders) sender.close();
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
  stores: { records: RecordRepository; feedback: FeedbackStore },
  options: {
    retry?: RetryPolicy;
    teams?: RecordMailer;
    onStored?: (record: BureauRecord) => void;
  } = {},
): RecordServices {
  const records = new RecordService({
    store: secureRecordStore(config, stores.records, logger),
    mailer: config.mail ? new SmtpMailer(config.mail) : undefined,
    confirmer: config.mail ? new ConfirmationMailer(config.mail) : undefined,
    teams: options.teams,
    logger,
    retry: options.retry,
    onStored: options.onStored,
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
