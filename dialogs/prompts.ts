import type { TurnContext } from 'botbuilder';
import {
  TextPrompt,
  type Dialog,
  type PromptOptions,
  type PromptValidatorContext,
  type WaterfallStepContext,
  type DialogTurnResult,
} from 'botbuilder-dialogs';
import { inlineUserText } from '../bot/services/security/sanitize.ts';
import { withChoices } from './cards.ts';
import { teamsName } from './identity.ts';
import { fold, isNo, isYes } from './intents.ts';
import { CONTACT, REGISTRATION, RETRY } from './strings.ts';

export const PROMPT = {
  text: 'textPrompt',
  name: 'namePrompt',
  email: 'emailPrompt',
  phone: 'phonePrompt',
  choice: 'choicePrompt',
  /** The person's own account of what happened: whatever they write is the answer, a crisis
   *  in it too (the router shows the crisis information first and then accepts it). */
  story: 'storyPrompt',
} as const;

/** Which form asks for the name: the question is worded for it. */
export type NameQuestion = 'registration' | 'contact';

const NAME_QUESTIONS: Record<NameQuestion, { plain: string; offer: (name: string) => string }> = {
  registration: { plain: REGISTRATION.name, offer: REGISTRATION.nameTeams },
  contact: { plain: CONTACT.name, offer: CONTACT.nameTeams },
};

/**
 * Asks for a name; in Teams it also offers the name Teams gives. A prompt's options are kept
 * in the conversation state until it is answered, so the offer is not put there: it is made
 * from the message being answered each time the question is shown (first, after "help", and
 * on a retry). The name is stored only once the person gives it as their answer.
 */
class NamePrompt extends TextPrompt {
  protected override onPrompt(
    context: TurnContext,
    state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const question = NAME_QUESTIONS[(options.validations as { question: NameQuestion }).question];
    const name = teamsName(context.activity);
    const offer = name === undefined ? [] : [name];
    const text = name === undefined ? question.plain : question.offer(inlineUserText(name));
    const shown: PromptOptions = {
      ...options,
      prompt: withChoices(text, offer),
      retryPrompt: withChoices(RETRY.text, offer),
    };
    return super.onPrompt(context, state, shown, isRetry);
  }
}

const MAX_FIELD = 300;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

export function isEmail(text: string): boolean {
  return EMAIL.test(text.trim()) && text.trim().length <= 254;
}

/** Dutch numbers (06…, 0xx…, +31…, 0031…) and other international numbers with a plus. */
export function normalisePhone(text: string): string | undefined {
  const digits = text.replace(/[\s().-]/g, '');
  if (/^0[1-9]\d{8}$/.test(digits)) return digits;
  if (/^(\+|00)31[1-9]\d{8}$/.test(digits))
    return `0${digits.slice(digits.startsWith('+') ? 3 : 4)}`;
  if (/^\+[1-9]\d{7,14}$/.test(digits)) return digits;
  return undefined;
}

/** Which of `options` the person chose, by the button text or a clear ja/nee. */
export function pickChoice(text: string, options: readonly string[]): string | undefined {
  const f = fold(text);
  const exact = options.find((option) => fold(option) === f);
  if (exact) return exact;
  // "ja"/"nee" and their variants answer any option that starts with Ja or Nee.
  if (isYes(text)) return options.find((option) => fold(option).startsWith('ja'));
  if (isNo(text)) return options.find((option) => fold(option).startsWith('nee'));
  const starts = options.filter((option) => fold(option).startsWith(f) && f.length >= 3);
  return starts.length === 1 ? starts[0] : undefined;
}

function recognized(prompt: PromptValidatorContext<string>): string {
  return prompt.recognized.succeeded ? (prompt.recognized.value ?? '').trim() : '';
}

/** Registers the prompts with whatever holds the dialogs (the router's DialogSet, or a
 *  ComponentDialog in tests). */
export function addPrompts(add: (dialog: Dialog) => void): void {
  const someText = (p: PromptValidatorContext<string>): Promise<boolean> => {
    const value = recognized(p);
    return Promise.resolve(value.length > 0 && value.length <= MAX_FIELD);
  };
  add(new TextPrompt(PROMPT.text, someText));
  add(new NamePrompt(PROMPT.name, someText));
  add(new TextPrompt(PROMPT.email, (p) => Promise.resolve(isEmail(recognized(p)))));
  add(
    new TextPrompt(PROMPT.phone, (p) =>
      Promise.resolve(normalisePhone(recognized(p)) !== undefined),
    ),
  );
  const choice = (p: PromptValidatorContext<string>): Promise<boolean> => {
    const { options, open } = p.options.validations as ChoiceValidation;
    const value = recognized(p);
    const ok = pickChoice(value, options) !== undefined;
    return Promise.resolve(ok || (open && value.length > 0 && value.length <= MAX_FIELD));
  };
  add(new TextPrompt(PROMPT.choice, choice));
  add(new TextPrompt(PROMPT.story, choice));
}

/** Carried in the prompt options so one choice prompt serves every question. */
interface ChoiceValidation {
  options: string[];
  open: boolean;
}

type Step = WaterfallStepContext<Record<string, unknown>>;

export function askText(
  step: Step,
  text: string,
  suggestions: string[] = [],
): Promise<DialogTurnResult> {
  return step.prompt(PROMPT.text, {
    prompt: withChoices(text, suggestions),
    retryPrompt: withChoices(RETRY.text, suggestions),
  });
}

/** The name question of a form; see NamePrompt for the name from Teams. */
export function askName(step: Step, question: NameQuestion): Promise<DialogTurnResult> {
  return step.prompt(PROMPT.name, { validations: { question } });
}

export function askEmail(step: Step, text: string): Promise<DialogTurnResult> {
  return step.prompt(PROMPT.email, { prompt: text, retryPrompt: RETRY.email });
}

export function askPhone(step: Step, text: string): Promise<DialogTurnResult> {
  return step.prompt(PROMPT.phone, { prompt: text, retryPrompt: RETRY.phone });
}

/** `open`: any text is accepted too (e.g. preferred moments), the options are shortcuts. */
export function askChoice(
  step: Step,
  text: string,
  options: string[],
  open = false,
): Promise<DialogTurnResult> {
  return step.prompt(PROMPT.choice, {
    prompt: withChoices(text, options),
    retryPrompt: withChoices(RETRY.choice, options),
    validations: { options, open } satisfies ChoiceValidation,
  });
}

/** The person's own story, in their words; the options (such as "Overslaan") are shortcuts. */
export function askStory(step: Step, text: string, options: string[]): Promise<DialogTurnResult> {
  return step.prompt(PROMPT.story, {
    prompt: withChoices(text, options),
    retryPrompt: withChoices(RETRY.choice, options),
    validations: { options, open: true } satisfies ChoiceValidation,
  });
}
