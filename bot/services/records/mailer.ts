import nodemailer, { type Transporter } from 'nodemailer';
import type { MailConfig } from '../config.ts';
import type { BureauRecord } from './record-store.ts';

export interface RecordMailer {
  send(record: BureauRecord, lines: string[]): Promise<void>;
  close(): void;
}

export function smtpTransport(config: MailConfig): Transporter {
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    // A mail server that accepts and then hangs must not hold a send (and its retries) for
    // nodemailer's default minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
  });
}

/** Mails the bureau a new record: its reference and only the fields the person shared. */
export class SmtpMailer implements RecordMailer {
  private readonly transport: Transporter;
  private readonly config: MailConfig;

  constructor(config: MailConfig) {
    this.config = config;
    this.transport = smtpTransport(config);
  }

  async send(record: BureauRecord, lines: string[]): Promise<void> {
    const subject =
      record.kind === 'contact'
        ? `Nieuw contactverzoek ${record.ref}`
        : `Nieuwe aanmelding cursus ${record.ref}`;
    await this.transport.sendMail({
      from: this.config.from,
      to: this.config.to,
      subject,
      text: [`Referentie: ${record.ref}`, `Ontvangen: ${record.createdAt}`, '', ...lines].join(
        '\n',
      ),
    });
  }

  close(): void {
    this.transport.close();
  }
}
