import {
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { isPlaceholder } from '../bot/services/knowledge/service.ts';
import type { ContactInfo } from '../bot/services/knowledge/types.ts';
import type { RecordService } from '../bot/services/records/services.ts';
import { inlineUserText, stripControlChars } from '../bot/services/security/sanitize.ts';
import { hasReachableChannel } from './cards.ts';
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

export interface ContactDialogDeps {
  records: RecordService;
  recordDays: number;
  /** Whether the bureau also gets the request by e-mail (said in the consent question). */
  mailed: boolean;
  /** The contact details loaded now (a reload brings new ones). */
  contacts: () => ContactInfo;
}

const ANONYMITY = [CHOICES.anonymous, CHOICES.withName];
const CHANNELS = [CHOICES.phone, CHOICES.email, CHOICES.both];
const CONFIRM = [CHOICES.yesSend, CHOICES.change, CHOICES.noStore];

/** What the person can change from the summary, by the label it has there. */
const CHANGE = {
  name: FIELD_LABELS.name,
  anonymous: 'Anoniem blijven',
  giveName: 'Naam geven',
  phone: FIELD_LABELS.phone,
  email: FIELD_LABELS.email,
  moments: FIELD_LABELS.moments,
  description: FIELD_LABELS.description,
} as const;

/** Only what the person chose to share goes into the record and the mail. `show` escapes
 *  values for a Markdown message; the plain-text mail takes them as they are. */
function sharedLines(f: ContactForm, show: (value: string) => string = (v) => v): string[] {
  const lines = [`- ${FIELD_LABELS.anonymous}: ${f.anonymous ? CHOICES.yes : CHOICES.no}`];
  if (f.name) lines.push(`- ${FIELD_LABELS.name}: ${show(f.name)}`);
  if (f.phone) lines.push(`- ${FIELD_LABELS.phone}: ${show(f.phone)}`);
  if (f.email) lines.push(`- ${FIELD_LABELS.email}: ${show(f.email)}`);
  lines.push(`- ${FIELD_LABELS.moments}: ${show(f.moments)}`);
  if (f.description) lines.push(`- ${FIELD_LABELS.description}: ${show(f.description)}`);
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

function changeOptions(f: ContactForm): string[] {
  return [
    ...(f.anonymous ? [CHANGE.giveName] : [CHANGE.name, CHANGE.anonymous]),
    CHANGE.phone,
    CHANGE.email,
    CHANGE.moments,
    CHANGE.description,
  ];
}

/** A phone number or e-mail address added later also becomes a way to reach the person. */
function withChannel(f: ContactForm, added: 'phone' | 'email'): string {
  const other = added === 'phone' ? f.email : f.phone;
  if (other) return CHOICES.both;
  return added === 'phone' ? CHOICES.phone : CHOICES.email;
}

const text = (step: Step): string => stripControlChars(String(step.result ?? ''));

/** Anonymous or named; phone and/or e-mail; moments; optional description; then the summary
 *  with consent (contactReviewDialog), where any answer can be changed. */
export function contactDialog(): WaterfallDialog {
  const form = (step: Step): ContactForm => step.values as unknown as ContactForm;
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
      return step.replaceDialog(DIALOG.contactReview, { form: { ...form(step) } });
    },
  ]);
}

/**
 * "Klopt dit?" with the answers and the consent question in one message: "ja" stores the
 * request durably with a reference before the person is told it was received; "Iets
 * aanpassen" asks one answer again and comes back here.
 */
export function contactReviewDialog(deps: ContactDialogDeps): WaterfallDialog {
  const values = (step: Step) => step.values as { form: ContactForm; change?: string };
  return new WaterfallDialog(DIALOG.contactReview, [
    async (step) => {
      const { form } = step.options as { form: ContactForm };
      values(step).form = form;
      const lines = sharedLines(form, inlineUserText);
      return askChoice(step, CONTACT.consent(lines, deps.recordDays, deps.mailed), CONFIRM);
    },
    async (step): Promise<DialogTurnResult> => {
      const { form } = values(step);
      const choice = pickChoice(text(step), CONFIRM);
      if (choice === CHOICES.change) return askChoice(step, CONTACT.change, changeOptions(form));
      if (choice !== CHOICES.yesSend) {
        await step.context.sendActivity(CONTACT.noConsent(hasReachableChannel(deps.contacts())));
        return step.endDialog();
      }
      const record = await deps.records.submit(
        { kind: 'contact', userKey: userKey(step.context.activity), fields: fields(form) },
        sharedLines(form),
      );
      const { responseTime } = deps.contacts();
      const time = responseTime && !isPlaceholder(responseTime) ? responseTime : undefined;
      await step.context.sendActivity(CONTACT.done(record.ref, deps.records.alertsBureau, time));
      return step.endDialog();
    },
    async (step) => {
      const { form } = values(step);
      const change = pickChoice(text(step), changeOptions(form)) ?? CHANGE.description;
      values(step).change = change;
      switch (change) {
        case CHANGE.anonymous:
          return step.next();
        case CHANGE.name:
        case CHANGE.giveName:
          return askName(step, 'contact');
        case CHANGE.phone:
          return askPhone(step, CONTACT.phone);
        case CHANGE.email:
          return askEmail(step, CONTACT.email);
        case CHANGE.moments:
          return askChoice(step, CONTACT.moments, [CHOICES.anyMoment], true);
        default:
          return askStory(step, CONTACT.description, [CHOICES.skip]);
      }
    },
    async (step) => {
      const { form, change } = values(step);
      const answer = text(step);
      const next: ContactForm = { ...form };
      if (change === CHANGE.anonymous) {
        next.anonymous = true;
        delete next.name;
      } else if (change === CHANGE.name || change === CHANGE.giveName) {
        next.anonymous = false;
        next.name = answer;
      } else if (change === CHANGE.phone) {
        next.phone = normalisePhone(answer);
        next.channel = withChannel(form, 'phone');
      } else if (change === CHANGE.email) {
        next.email = answer;
        next.channel = withChannel(form, 'email');
      } else if (change === CHANGE.moments) {
        next.moments = answer;
      } else if (pickChoice(answer, [CHOICES.skip]) === undefined) {
        next.description = answer;
      } else {
        delete next.description;
      }
      return step.replaceDialog(DIALOG.contactReview, { form: next });
    },
  ]);
}
