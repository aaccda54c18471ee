import {
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { RecordService } from '../bot/services/records/services.ts';
import { inlineUserText, stripControlChars } from '../bot/services/security/sanitize.ts';
import { DIALOG } from './ids.ts';
import { userKey } from './identity.ts';
import { askChoice, askEmail, askName, askText, pickChoice } from './prompts.ts';
import { CHOICES, FIELD_LABELS, REGISTRATION } from './strings.ts';

type Step = WaterfallStepContext<Record<string, unknown>>;

const TRAINING = [CHOICES.trainingDone, CHOICES.trainingOther, CHOICES.trainingNo];
const YES_NO = [CHOICES.yes, CHOICES.no];

interface Registration {
  name: string;
  email: string;
  organisation: string;
  training: string;
}

/** `show` escapes values for a Markdown message; the plain-text mail takes them as they are. */
function summary(r: Registration, show: (value: string) => string = (v) => v): string[] {
  return [
    `- ${FIELD_LABELS.name}: ${show(r.name)}`,
    `- ${FIELD_LABELS.email}: ${show(r.email)}`,
    `- ${FIELD_LABELS.organisation}: ${show(r.organisation)}`,
    `- ${FIELD_LABELS.training}: ${show(r.training)}`,
  ];
}

/** Name, e-mail, organisation, basic training, consent, summary, stored record, confirmation. */
/** `confirms`: a confirmation is mailed to the person, so the e-mail question says so. */
export function registrationDialog(
  records: RecordService,
  recordDays: number,
  confirms = records.confirmsRegistrations,
): WaterfallDialog {
  const form = (step: Step): Registration => step.values as unknown as Registration;
  return new WaterfallDialog(DIALOG.registration, [
    async (step) => askName(step, 'registration'),
    async (step) => {
      form(step).name = stripControlChars(String(step.result));
      return askEmail(step, REGISTRATION.email(confirms));
    },
    async (step) => {
      form(step).email = stripControlChars(String(step.result));
      return askText(step, REGISTRATION.organisation);
    },
    async (step) => {
      form(step).organisation = stripControlChars(String(step.result));
      return askChoice(step, REGISTRATION.training, TRAINING);
    },
    async (step) => {
      form(step).training = pickChoice(String(step.result), TRAINING) ?? String(step.result);
      return askChoice(step, REGISTRATION.consent(recordDays), YES_NO);
    },
    async (step) => {
      if (pickChoice(String(step.result), YES_NO) !== CHOICES.yes) {
        await step.context.sendActivity(REGISTRATION.noConsent);
        return step.endDialog();
      }
      return askChoice(step, REGISTRATION.summary(summary(form(step), inlineUserText)), YES_NO);
    },
    async (step): Promise<DialogTurnResult> => {
      if (pickChoice(String(step.result), YES_NO) !== CHOICES.yes) {
        await step.context.sendActivity(REGISTRATION.notConfirmed);
        return step.endDialog();
      }
      const r = form(step);
      const record = await records.submit(
        {
          kind: 'registration',
          userKey: userKey(step.context.activity),
          fields: { ...r, consent: true },
        },
        summary(r),
      );
      await step.context.sendActivity(REGISTRATION.done(record.ref, confirms));
      return step.endDialog();
    },
  ]);
}
