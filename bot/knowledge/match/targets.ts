import type { KnowledgeBase } from '../types.ts';

/** The text a matchable target (entry, course, counsellor) is recognised by. */
export interface TargetText {
  target: string;
  title: string;
  questions: readonly string[];
  keywords: readonly string[];
}

export const ROUTE_TITLES = {
  counsellor: 'Contact met een vertrouwenspersoon',
  crisis: 'Direct hulp',
  fallback: 'Geen passend antwoord',
} as const;

export function targetTexts(base: KnowledgeBase): TargetText[] {
  const texts: TargetText[] = [...base.entries.values()].map((entry) => ({
    target: entry.id,
    title: entry.title,
    questions: entry.questions,
    keywords: entry.keywords,
  }));
  texts.push({ target: 'course', title: base.course.title, questions: base.course.questions, keywords: base.course.keywords });
  texts.push({ target: 'counsellor', title: ROUTE_TITLES.counsellor, questions: base.contacts.questions, keywords: base.contacts.keywords });
  return texts;
}
