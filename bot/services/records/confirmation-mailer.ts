import type { Transporter } from 'nodemailer';
import type { MailConfig } from '../config.ts';
import { smtpTransport, type RecordMailer } from './mailer.ts';
import type { BureauRecord } from './repository.ts';

/** The subject and text of the confirmation a person gets after registering for the course:
 *  the reference and what happens next, nothing of what they filled in. */
export function confirmationMail(ref: string): { subject: string; text: string } {
  return {
    subject: `Uw aanmelding voor de cursus (${ref})`,
    text: [
      'Beste deelnemer,',
      '',
      'Dank u wel voor uw aanmelding voor de cursus "De vertrouwenspersoon en social media" ' +
        `van Bureau De Vertrouwenspersoon. Uw aanmelding heeft nummer ${ref}.`,
      '',
      'Het bureau neemt contact met u op over de data en de verdere afspraken. Wilt u iets ' +
        'navragen of uw aanmelding intrekken? Antwoord dan op deze e-mail en noem uw nummer.',
      '',
      'Met vriendelijke groet,',
      'Bureau De Vertrouwenspersoon',
    ].join('\n'),
  };
}

/** Mails the person who registered for the course a confirmation, from the bot's address with
 *  the bureau as the reply address. Other records are not confirmed by mail. */
export class ConfirmationMailer implements RecordMailer {
  private readonly transport: Transporter;
  private readonly config: MailConfig;

  constructor(config: MailConfig) {
    this.config = config;
    this.transport = smtpTransport(config);
  }

  async send(record: BureauRecord): Promise<void> {
    const to = record.fields.email;
    if (record.kind !== 'registration' || typeof to !== 'string' || to === '') return;
    const { subject, text } = confirmationMail(record.ref);
    await this.transport.sendMail({
      from: this.config.from,
      replyTo: this.config.to,
      to,
      subject,
      text,
    });
  }

  close(): void {
    this.transport.close();
  }
}
