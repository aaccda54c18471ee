import unhomoglyph from 'unhomoglyph';
import { CHAT_WORDS, JOINED, JOINED_FIRST } from './chat-words.ts';

// The safety check reads text that people may have disguised, on purpose or by habit:
// "z e l f m o o r d", "z3lfm00rd", "su*cide", a zero-width space inside a word, Cyrillic
// look-alike letters, "doooood", "ikwildood". This file turns such text into plain lower-case
// words with their clause ends; terms.ts does the rest (censored and glued words need the
// lexicon's vocabulary).

/** Teams accepts bot-sized messages of about 100 KB (UTF-16), the widget 4,000 characters:
 *  the safety check reads everything up to this length, whatever the rest of the bot reads. */
export const MAX_SAFETY_CHARS = 50_000;

export interface SafetyWords {
  words: string[];
  /** Whether a clause ends after the word (a full stop, comma, line end or the end). */
  ends: boolean[];
  /** Whether the word was typed letter by letter ("z e l f"): it may hold several words. */
  spelled: boolean[];
}

// A laughing face turns a threat into a joke often enough to lower it (never to silence it):
// it becomes the word "haha", which the lexicon lists as a joke signal.
const LAUGHING =
  /[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F480}\u{1F639}\u{1F61C}\u{1F61D}\u{1F61B}\u{1F609}\u{1F601}\u{1F604}]|[:;x]-?[dp]\b/giu;
// Format characters (zero-width space and joiners, soft hyphen, BOM) hide inside words.
const FORMAT = /\p{Cf}/gu;
const MARKS = /\p{M}+/gu;
// Single letters separated by one or two spaces, dots, dashes or similar: "z.e.l.f".
const SPACED = /(?<![a-z0-9])[a-z](?:[\s.\-_·•/|,]{1,2}[a-z](?![a-z0-9])){2,}/g;
const SPACED_GAPS = /[\s.\-_·•/|,]+/g;
// Sentence ends: . ! ? ; : and line breaks, and a dash between spaces.
const SENTENCE_CODES = new Set([46, 33, 63, 59, 58, 10, 13]);
const DASHES = new Set([45, 0x2013, 0x2014]);
// Leet digits and symbols, only inside words that also have letters: "z3lfm00rd".
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '€': 'e',
};
const LEET_WORD = /[a-z0-9@$!€*#]*[0-9@$!€][a-z0-9@$!€*#]*/g;
const HAS_LETTER = /[a-z]/;
const HAS_LEET = /[0-9@$!€]/;
const LONG_RUN = /([a-z])\1{2,}/g;
// Stars that censor a letter stay ("su*cide"); stars around a word go ("*zucht*").
const LOOSE_STARS = /(^|[^a-z0-9*])\*+|\*+(?=[^a-z0-9*]|$)/g;
const NON_ASCII = /[^ -~\s]/;
// "m'n", "z'n", "collega's": one word, as people read them. English "he'll" and "I'd" first
// become "he will" and "I would", so "he'll" is not "hell".
const APOSTROPHE = /([a-z])['’`´]([a-z])/g;
const APOSTROPHES = /['’`´]/;
const ENGLISH_WILL = /([a-z])['’]ll\b/g;
const ENGLISH_WOULD = /([a-z])['’]d\b/g;

/** Non-ASCII letters that look like Latin ones become those (Cyrillic "а", Greek "ο"). */
function unconfuse(text: string): string {
  return text.replace(/[^ -~\s]/gu, (char) => {
    const plain = unhomoglyph(char);
    if (/^[a-z]+$/i.test(plain)) return plain;
    const upper = unhomoglyph(char.toUpperCase());
    return /^[a-z]+$/i.test(upper) ? upper : char;
  });
}

// A number with a unit or an ordinal keeps its digits: "3x", "16e", "2de", "10km", "24u".
const NUMBER_WITH_UNIT = /^\d+(x|e|ste|de|km|kg|cm|mm|m|u|uur|min|am|pm|k|jr|j)$/i;

function unleet(word: string): string {
  if (!HAS_LETTER.test(word) || !HAS_LEET.test(word) || NUMBER_WITH_UNIT.test(word)) return word;
  return word.replace(/[0-9@$!€]/g, (c) => LEET[c] ?? c);
}

/** Chat spellings become the lexicon's words; "me zelf" becomes "mezelf". */
function standardWords(raw: readonly string[]): string[] {
  const words: string[] = [];
  for (const word of raw) {
    const standard = CHAT_WORDS.get(word);
    if (standard === undefined) words.push(word);
    else if (standard.includes(' ')) words.push(...standard.split(' '));
    else words.push(standard);
  }
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const pair = JOINED_FIRST.has(word) ? JOINED.get(`${word} ${words[i + 1] ?? ''}`) : undefined;
    if (pair) {
      out.push(pair);
      i += 1;
    } else out.push(word);
  }
  return out;
}

/** Plain lower-case words with their clause ends; '*' is kept inside a word for terms.ts. */
export function safetyWords(raw: string): SafetyWords {
  const joined = new Set<string>();
  let text = raw.slice(0, MAX_SAFETY_CHARS).replace(LAUGHING, ' haha ');
  // Most messages are plain ASCII: the Unicode steps only run where they can change something.
  if (NON_ASCII.test(text))
    text = unconfuse(
      text.normalize('NFKC').replace(FORMAT, '').normalize('NFKD').replace(MARKS, '').toLowerCase(),
    );
  // Letters that matter to the lexicon are a to z from here on: plain ASCII patterns are fast.
  text = text.toLowerCase();
  if (APOSTROPHES.test(text))
    text = text
      .replace(ENGLISH_WILL, '$1 will')
      .replace(ENGLISH_WOULD, '$1 would')
      .replace(APOSTROPHE, '$1$2');
  text = text.replace(SPACED, (run) => {
    const word = run.replace(SPACED_GAPS, '');
    joined.add(word);
    return word;
  });
  if (HAS_LEET.test(text)) text = text.replace(LEET_WORD, unleet);
  if (text.includes('*')) text = text.replace(LOOSE_STARS, '$1 ');
  const words: string[] = [];
  const ends: boolean[] = [];
  const spelled: boolean[] = [];
  let clause: string[] = [];
  const flush = (): void => {
    for (const word of standardWords(clause)) {
      words.push(word);
      ends.push(false);
      spelled.push(joined.has(word));
    }
    if (ends.length > 0) ends[ends.length - 1] = true;
    clause = [];
  };
  // One pass over the characters: words, and clause ends (a comma or the end of a sentence).
  // A letter typed three times or more ("doooood") is noted on the way and kept twice.
  let start = -1;
  let stretched = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const inWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 42;
    if (inWord) {
      if (start < 0) start = i;
      else if (i - start >= 2 && code === text.charCodeAt(i - 1) && code === text.charCodeAt(i - 2))
        stretched = true;
      continue;
    }
    if (start >= 0) {
      const word = text.slice(start, i);
      clause.push(stretched ? word.replace(LONG_RUN, '$1$1') : word);
      start = -1;
      stretched = false;
    }
    if (code === 44) flush();
    else if (
      SENTENCE_CODES.has(code) ||
      (code === 32 && DASHES.has(text.charCodeAt(i + 1)) && text.charCodeAt(i + 2) === 32)
    ) {
      flush();
    }
  }
  flush();
  return { words, ends, spelled };
}

/** "dood" from "doooood" is found by safetyWords; "die" from "diieee" needs runs of one. */
export function singleRuns(word: string): string {
  return word.replace(/(\p{L})\1+/gu, '$1');
}
