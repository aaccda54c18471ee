import {
  ActionTypes,
  CardFactory,
  MessageFactory,
  type Activity,
  type CardAction,
} from 'botbuilder';
import { isPlaceholder } from '../bot/services/knowledge/service.ts';
import type { ContactChannel, ContactInfo, CourseInfo } from '../bot/services/knowledge/types.ts';
import { CARD_ACTIONS } from './ids.ts';
import {
  CHOICES,
  CONTACT_HOURS,
  CONTACT_NOT_FILLED,
  CONTACT_OFFER,
  CONTACT_RESPONSE,
  COURSE_INTRO,
  COURSE_LABELS,
  courseOnRequest,
} from './strings.ts';

export function imBack(title: string): CardAction {
  return { type: ActionTypes.ImBack, title, value: title };
}

/** A message with tappable replies; Teams and Web Chat both show suggested actions. */
export function withChoices(text: string, choices: string[]): Partial<Activity> {
  const activity = MessageFactory.text(text);
  if (choices.length > 0) activity.suggestedActions = { actions: choices.map(imBack), to: [] };
  return activity;
}

const filled = (value: string | string[]): boolean =>
  Array.isArray(value) ? value.some((v) => !isPlaceholder(v)) : !isPlaceholder(value);

const shown = (value: string | string[]): string =>
  Array.isArray(value) ? value.filter((v) => !isPlaceholder(v)).join(', ') : value;

/** The course's practical facts: the filled-in ones by name, the rest in one sentence. */
function practical(course: CourseInfo): { known: string[]; onRequest: string | undefined } {
  const facts = [
    { label: COURSE_LABELS.dates, value: course.dates, missing: 'de data' },
    { label: COURSE_LABELS.location, value: course.location, missing: 'de plaats' },
    { label: COURSE_LABELS.price, value: course.price, missing: 'de prijs' },
  ];
  const known = facts
    .filter((f) => filled(f.value))
    .map((f) => `**${f.label}:** ${shown(f.value)}`);
  if (filled(course.registration))
    known.push(`**${COURSE_LABELS.registration}:** ${course.registration}`);
  const missing = facts.filter((f) => !filled(f.value)).map((f) => f.missing);
  return { known, onRequest: missing.length > 0 ? courseOnRequest(missing) : undefined };
}

/** Adaptive Card 1.5: renders in Teams and Web Chat alike, in text blocks that wrap at any
 *  width (a fact set breaks its labels on a phone). One "Aanmelden" button, a Submit action,
 *  so both channels send the same value back. */
export function courseCard(course: CourseInfo): Partial<Activity> {
  const programme = course.programme.map(
    (part, i) => `${i + 1}. **${part.title}**: ${part.description}`,
  );
  const { known, onRequest } = practical(course);
  const block = (text: string, bold = false) => ({
    type: 'TextBlock',
    text,
    wrap: true,
    ...(bold ? { weight: 'Bolder' } : {}),
  });
  const card = CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body: [
      { ...block(course.title, true), size: 'Medium' },
      block(course.summary),
      block(COURSE_LABELS.targetGroup, true),
      block(course.targetGroup),
      block(COURSE_LABELS.programme, true),
      block(programme.join('\r\r')),
      block(COURSE_LABELS.homework, true),
      block(course.homework),
      block(COURSE_LABELS.practical, true),
      ...(known.length > 0 ? [block(known.join('\r'))] : []),
      ...(onRequest ? [block(onRequest)] : []),
    ],
    actions: [
      { type: 'Action.Submit', title: CHOICES.register, data: { action: CARD_ACTIONS.register } },
    ],
  });
  return MessageFactory.attachment(card, COURSE_INTRO);
}

const REACHABLE: readonly ContactChannel['type'][] = ['telefoon', 'email', 'chat', 'adres'];

/** Whether contacts.yaml gives a person a way to reach the bureau themselves. */
export function hasReachableChannel(contacts: ContactInfo): boolean {
  return contacts.channels.some((c) => REACHABLE.includes(c.type) && !isPlaceholder(c.value));
}

/** Only what contacts.yaml fills in; without a phone number or e-mail address the message
 *  says so and offers the contact request. */
export function contactsMessage(contacts: ContactInfo): Partial<Activity> {
  const channels = contacts.channels
    .filter((c) => !isPlaceholder(c.value))
    .map((c) => `- **${c.label}**: ${c.value}${c.note ? ` (${c.note})` : ''}`);
  const hours = isPlaceholder(contacts.hours) ? [] : [`**${CONTACT_HOURS}**: ${contacts.hours}`];
  const time = contacts.responseTime;
  const response = time && !isPlaceholder(time) ? [CONTACT_RESPONSE(time)] : [];
  const text = [
    contacts.intro,
    ...(channels.length > 0 ? [channels.join('\n')] : []),
    ...hours,
    ...(hasReachableChannel(contacts) ? [] : [CONTACT_NOT_FILLED]),
    [CONTACT_OFFER, ...response].join(' '),
  ].join('\n\n');
  return withChoices(text, [CHOICES.contactRequest, CHOICES.noThanks]);
}
