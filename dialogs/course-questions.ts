import { fold } from './intents.ts';

/** One thing a person can ask about the course: answered on its own, the card one tap away. */
export type CourseAspect =
  'price' | 'dates' | 'location' | 'targetGroup' | 'programme' | 'homework';

const COURSE = /\b(cursus\w*|nascholing\w*|training\w*|bijscholing|opleiding|cursusdag|scholing)\b/;

// First match wins: "voor wie" before "wie", "wat kost" before "wat".
const ASPECTS: readonly [CourseAspect, RegExp][] = [
  ['price', /\b(kost|kosten|prijs|prijzen|tarief|betalen|bedrag|geld|euro|btw|cursusgeld)\b/],
  [
    'targetGroup',
    /\b(voor wie|doelgroep|geschikt|bedoeld voor|mag ik (mee|meedoen)|kan ik meedoen|basisopleiding nodig|toelatings\w*|niveau)\b/,
  ],
  [
    'programme',
    /\b(programma|onderdelen|inhoud|onderwerpen|wat leer|wat komt (er )?aan bod|waar gaat (de|het|die)\b.*\bover|wat doe(n)? (je|we|jullie))\b/,
  ],
  ['homework', /\b(huiswerk\w*|opdracht|voorbereiden|voorbereiding)\b/],
  ['dates', /\b(wanneer|datum|data|start\w*|begint|beginnen|volgende|welke dag\w*|hoe laat)\b/],
  ['location', /\b(waar|locatie|plaats|adres|online|incompany|in company|op locatie)\b/],
];

/** Which single fact a question about the course asks for, if it names the course and one. */
export function courseAspect(text: string, aboutCourse: boolean): CourseAspect | undefined {
  const f = fold(text);
  if (!aboutCourse && !COURSE.test(f)) return undefined;
  return ASPECTS.find(([, pattern]) => pattern.test(f))?.[0];
}
