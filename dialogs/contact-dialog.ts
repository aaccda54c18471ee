import {
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { RecordService } from '../bot/records/services.ts';
import { stripControlChars } from '../bot/security/sanitize.ts';
import { DIALOG } from './ids.ts';
import { userKey } from './identity.ts';
import {
  askChoice,
  askEmail,
  askName,
  askPhone,
  askStory,
  normalisePhone,
  pickChoice,
} from './prompts.ts';
import { CHOICES, CONTACT, FIELD_LABELS } from './strings.ts';

type Step = WaterfallStepContext<Record<string, unknown>>;

interface ContactForm {
  anonymous: boolean;
  name?: string;
  channel: string;
  phone?: string;
  email?: string;
  moments: string;
  description?: string;
}

const ANONYMITY = [CHOICES.anonymous, CHOICES.withName];
const CHANNELS = [CHOICES.phone, CHOICES.email, CHOICES.both];
const YES_NO = [CHOICES.yes, CHOICES.no];

/** Only what the person chose to share goes into the record and the mail. */
function sharedLines(f: ContactForm): string[] {
  const lines = [`- ${FIELD_LABELS.anonymous}: ${f.anonymous ? CHOICES.yes : CHOICES.no}`];
  if (f.name) lines.push(`- ${FIELD_LABELS.name}: ${f.name}`);
  if (f.phone) lines.push(`- ${FIELD_LABELS.phone}: ${f.phone}`);
  if (f.email) lines.push(`- ${FIELD_LABELS.email}: ${f.email}`);
  lines.push(`- ${FIELD_LABELS.moments}: ${f.moments}`);
  if (f.description) lines.push(`- ${FIELD_LABELS.description}: ${f.description}`);
  return lines;
}

function fields(f: ContactForm): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = { anonymous: f.anonymous, moments: f.moments };
  for (const key of ['name', 'phone', 'email', 'description'] as const) {
    const value = f[key];
    if (value) out[key] = value;
  }
  return { ...out, consent: true };
}

const wants = (f: ContactForm, channel: string): boolean =>
  f.channel === channel || f.channel === CHOICES.both;

/** Anonymous or named; phone and/or e-mail; moments; optional description; consent; stored
 *  durably with a reference before the person is told it was received. */
export function contactDialog(
  records: RecordService,
  recordDays: number,
  mailed: boolean,
): WaterfallDialog {
  const form = (step: Step): ContactForm => step.values as unknown as ContactForm;
  const text = (step: Step): string => stripControlChars(String(step.result ?? ''));
  return new WaterfallDialog(DIALOG.contact, [
    async (step) => askChoice(step, CONTACT.anonymity, ANONYMITY),
    async (step) => {
      form(step).anonymous = pickChoice(text(step), ANONYMITY) === CHOICES.anonymous;
      return form(step).anonymous ? step.next() : askName(step, 'contact');
    },
    async (step) => {
      if (!form(step).anonymous) form(step).name = text(step);
      return askChoice(step, CONTACT.channel, CHANNELS);
    },
    async (step) => {
      form(step).channel = pickChoice(text(step), CHANNELS) ?? CHOICES.both;
      return wants(form(step), CHOICES.phone) ? askPhone(step, CONTACT.phone) : step.next();
    },
    async (step) => {
      if (wants(form(step), CHOICES.phone)) form(step).phone = normalisePhone(text(step));
      return wants(form(step), CHOICES.email) ? askEmail(step, CONTACT.email) : step.next();
    },
    async (step) => {
      if (wants(form(step), CHOICES.email)) form(step).email = text(step);
      return askChoice(step, CONTACT.moments, [CHOICES.anyMoment], true);
    },
    async (step) => {
      form(step).moments = text(step);
      return askStory(step, CONTACT.description, [CHOICES.skip]);
    },
    async (step) => {
      if (pickChoice(text(step), [CHOICES.skip]) === undefined) form(step).description = text(step);
      return askChoice(step, CONTACT.consent(recordDays, mailed), YES_NO);
    },
    async (step): Promise<DialogTurnResult> => {
      if (pickChoice(text(step), YES_NO) !== CHOICES.yes) {
        await step.context.sendActivity(CONTACT.noConsent);
        return step.endDialog();
      }
      const f = form(step);
      const record = await records.submit(
        { kind: 'contact', userKey: userKey(step.context.activity), fields: fields(f) },
        sharedLines(f),
      );
      await step.context.sendActivity(CONTACT.done(record.ref, records.alertsBureau));
      return step.endDialog();
    },
  ]);
}
