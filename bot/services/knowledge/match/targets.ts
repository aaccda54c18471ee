import type { KnowledgeBase } from '../types.ts';

/** The text a matchable target (entry, course, counsellor) is recognised by. */
export interface TargetText {
  target: string;
  title: string;
  questions: readonly string[];
  keywords: readonly string[];
  /** The answer's own text: a weak extra signal for words no example question uses. */
  body: string;
}

/** The pseudo-target of the out-of-scope examples: its win means fallback. */
export const OUT_OF_SCOPE = 'fallback';

export const ROUTE_TITLES = {
  counsellor: 'Contact met een vertrouwenspersoon',
  crisis: 'Direct hulp',
  'safety-check': 'Even checken of u veilig bent',
  fallback: 'Geen passend antwoord',
} as const;

export function targetTexts(base: KnowledgeBase): TargetText[] {
  const texts: TargetText[] = [...base.entries.values()].map((entry) => ({
    target: entry.id,
    title: entry.title,
    questions: entry.questions,
    keywords: entry.keywords,
    body: entry.body,
  }));
  const { course, contacts } = base;
  texts.push({
    target: 'course',
    title: course.title,
    questions: course.questions,
    keywords: course.keywords,
    body: [course.summary, course.why, course.targetGroup, course.homework, course.registration]
      .concat(course.programme.flatMap((item) => [item.title, item.description]))
      .join('\n'),
  });
  texts.push({
    target: 'counsellor',
    title: ROUTE_TITLES.counsellor,
    questions: contacts.questions,
    keywords: contacts.keywords,
    body: [contacts.intro, ...contacts.channels.flatMap((c) => [c.label, c.note ?? ''])].join('\n'),
  });
  // Out-of-scope examples compete like a target: when they are the closest, the question is
  // about pay, leave or IT, and the bot says so instead of offering the nearest entry.
  if (base.outOfScope.length > 0) {
    texts.push({
      target: OUT_OF_SCOPE,
      title: ROUTE_TITLES.fallback,
      questions: base.outOfScope,
      keywords: [],
      body: '',
    });
  }
  return texts;
}
