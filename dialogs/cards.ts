import {
  ActionTypes,
  CardFactory,
  MessageFactory,
  type Activity,
  type CardAction,
} from 'botbuilder';
import type { ContactInfo, CourseInfo } from '../bot/knowledge/types.ts';
import { displayValue } from '../bot/knowledge/placeholder.ts';
import { CARD_ACTIONS } from './ids.ts';
import { CHOICES, CONTACT_HOURS, CONTACT_OFFER, COURSE_INTRO, COURSE_LABELS } from './strings.ts';

export function imBack(title: string): CardAction {
  return { type: ActionTypes.ImBack, title, value: title };
}

/** A message with tappable replies; Teams and Web Chat both show suggested actions. */
export function withChoices(text: string, choices: string[]): Partial<Activity> {
  const activity = MessageFactory.text(text);
  if (choices.length > 0) activity.suggestedActions = { actions: choices.map(imBack), to: [] };
  return activity;
}

const show = (value: string | string[]): string =>
  Array.isArray(value) ? value.map(displayValue).join(', ') : displayValue(value);

/** Adaptive Card 1.5: renders in Teams and Web Chat alike. Registration is a Submit action so
 *  both channels send the same value back. */
export function courseCard(course: CourseInfo): Partial<Activity> {
  const programme = course.programme.map(
    (part, i) => `${i + 1}. **${part.title}**: ${part.description}`,
  );
  const card = CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    body: [
      { type: 'TextBlock', text: course.title, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: course.summary, wrap: true },
      { type: 'TextBlock', text: COURSE_LABELS.targetGroup, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: course.targetGroup, wrap: true },
      { type: 'TextBlock', text: COURSE_LABELS.programme, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: programme.join('\r\r'), wrap: true },
      { type: 'TextBlock', text: COURSE_LABELS.homework, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: course.homework, wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: COURSE_LABELS.dates, value: show(course.dates) },
          { title: COURSE_LABELS.location, value: show(course.location) },
          { title: COURSE_LABELS.price, value: show(course.price) },
          { title: COURSE_LABELS.registration, value: show(course.registration) },
        ],
      },
    ],
    actions: [
      { type: 'Action.Submit', title: CHOICES.register, data: { action: CARD_ACTIONS.register } },
    ],
  });
  const activity = MessageFactory.attachment(card, COURSE_INTRO);
  activity.suggestedActions = { actions: [imBack(CHOICES.register)], to: [] };
  return activity;
}

export function contactsMessage(contacts: ContactInfo): Partial<Activity> {
  const channels = contacts.channels.map((c) => {
    const note = c.note ? ` (${c.note})` : '';
    return `- **${c.label}**: ${displayValue(c.value)}${note}`;
  });
  const text = [
    contacts.intro,
    channels.join('\n'),
    `**${CONTACT_HOURS}**: ${displayValue(contacts.hours)}`,
    CONTACT_OFFER,
  ].join('\n\n');
  return withChoices(text, [CHOICES.contactRequest, CHOICES.noThanks]);
}
