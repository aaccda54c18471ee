import stemmer from 'natural/lib/natural/stemmers/porter_stemmer_nl.js';
import { remembered } from '../safety/terms.ts';
import { strongInfinitive } from './strong-verbs.ts';

// The Dutch Porter stemmer leaves diminutives ("appjes"), participles ("gepest", "geappt"),
// verb forms ("appt") and vowel plurals ("collegas") alone. These helpers propose base forms;
// the analyzer keeps a proposal only when the index knows it, so a wrong guess costs nothing.

/** Stems already computed: building the index stems the same words many times, and the
 *  stemmer was the largest cost of a start. */
const stems = new Map<string, string>();

export function stem(word: string): string {
  return remembered(stems, word, stemUncached);
}

function stemUncached(word: string): string {
  if (/^\d+$/.test(word)) return word;
  // Dutch writes a stem-final v/z as f/s ("blijven"/"blijft", "bewijzen"/"bewijs"); the
  // Porter stemmer keeps them apart, so we join them.
  return stemmer.stem(word).replace(/v$/, 'f').replace(/z$/, 's');
}

const DIMINUTIVE_SUFFIXES = [
  'etjes',
  'etje',
  'tjes',
  'tje',
  'pjes',
  'pje',
  'kjes',
  'kje',
  'jes',
  'je',
];

/** "balletje" → "ball" → "bal": a doubled consonant before -etje belongs to the suffix. */
function undouble(word: string): string {
  const n = word.length;
  return n > 3 && word[n - 1] === word[n - 2] ? word.slice(0, -1) : word;
}

function diminutiveBases(word: string): string[] {
  const bases: string[] = [];
  for (const suffix of DIMINUTIVE_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const base = word.slice(0, -suffix.length);
    bases.push(base);
    if (suffix.startsWith('et')) bases.push(undouble(base));
  }
  return bases;
}

/** gepest → pest, geappt → app, gemaild → mail, gestuurd → stuur, gelachen → lach. */
function participleBases(word: string): string[] {
  if (/^ge\w{3,}[dt]$/.test(word)) {
    const inner = word.slice(2);
    return [inner, inner.slice(0, -1)];
  }
  return /^ge\w{3,}en$/.test(word) ? [word.slice(2, -2)] : [];
}

/** appt → app, mailt → mail, collegas → collega, fotos → foto. */
function inflectionBases(word: string): string[] {
  const bases: string[] = [];
  if (/[^aeiou]t$/.test(word) && word.length >= 4) bases.push(word.slice(0, -1));
  if (/[aeiouy]s$/.test(word) && word.length >= 4) bases.push(word.slice(0, -1));
  return bases;
}

const PARTICLES = /^(aan|af|bij|door|in|mee|na|op|over|rond|terug|toe|uit|vast|voor|weg)ge/;

/**
 * A separable verb takes its ge- after the particle: opgezocht → opzoeken and zoeken,
 * doorgestuurd → doorstuur and stuur. The particle-joined form comes first: it is the
 * more specific word when the index has it.
 */
function separableBases(word: string): string[] {
  const particle = PARTICLES.exec(word)?.[1];
  if (particle === undefined) return [];
  const rest = word.slice(particle.length);
  const bases = [...strongBases(rest), ...participleBases(rest)];
  return [...bases.map((base) => particle + base), ...bases];
}

function strongBases(word: string): string[] {
  const infinitive = strongInfinitive(word);
  return infinitive === undefined ? [] : [infinitive];
}

/** Candidate base forms of a word, most specific first; the word itself is not included. */
export function baseForms(word: string): string[] {
  return [
    ...strongBases(word),
    ...separableBases(word),
    ...diminutiveBases(word),
    ...participleBases(word),
    ...inflectionBases(word),
  ];
}
