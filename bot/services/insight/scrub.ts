import type { WordList } from './dutch-words.ts';

// A question is scrubbed before it is kept for the editors: everything that could point to a
// person becomes a placeholder in square brackets. What stays is the wording of the question,
// which is what an editor needs to add it as an example.

export const PLACEHOLDERS = {
  email: '[e-mail]',
  link: '[link]',
  phone: '[telefoon]',
  number: '[nummer]',
  postcode: '[postcode]',
  name: '[naam]',
} as const;

export interface ScrubContext {
  words: WordList;
  /** Words of the bot's own knowledge base, lower case: never names ("whatsapp", "teams"). */
  vocabulary: ReadonlySet<string>;
  /** Names the channel told us (the person's Teams name, @mentioned people). */
  names: readonly string[];
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const URL =
  /\b(?:https?:\/\/|www\.)\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:nl|be|com|org|net|eu|info|io|app)(?:\/\S*)?/giu;
// An IBAN (NL91 ABNA 0417 1643 00) before the phone numbers, which would take its digits.
const IBAN = /\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b/gi;
// Phone numbers: +31 6 12345678, 0031 20 1234567, 06-12345678, (020) 123 45 67, 0612345678.
const PHONE = /(?:\+|00)\d{2}[\s().-]*\d(?:[\s().-]*\d){7,11}|\(?0\d(?:[\s().-]*\d){8}\b/g;
// Any other run of at least five digits, also with single separators between them: a BSN,
// a case or personnel number, an amount, and a date of birth such as 01-02-1990.
const LONG_NUMBER = /\d(?:[\s./-]?\d){4,}/g;
// Postcodes: 1234 AB, 1234AB, 1234ab (not "2024 en": lower-case letters only when joined).
const POSTCODE = /\b[1-9]\d{3}(?:\s?[A-Z]{2}|[a-z]{2})\b/g;
const MENTION = /@[\p{L}\p{N}_.-]+/gu;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The parts of known names, longest first, as whole words in any case. */
function replaceKnownNames(text: string, names: readonly string[]): string {
  const parts = [
    ...new Set(names.flatMap((n) => n.split(/[\s,]+/)).filter((p) => p.length >= 2)),
  ].sort((a, b) => b.length - a.length);
  let result = text;
  for (const part of parts) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`, 'giu');
    result = result.replace(pattern, PLACEHOLDERS.name);
  }
  return result;
}

function isSentenceStart(text: string, index: number): boolean {
  const before = text.slice(0, index).trimEnd();
  return before === '' || /[.!?:;"'“‘(]$/.test(before);
}

/**
 * Whether a word typed with a capital is a name rather than an ordinary word. Words the
 * knowledge base itself uses are never names. Mid-sentence, a capital marks a proper noun in
 * Dutch, so any other capitalised word there counts as a name (an organisation or a brand
 * is removed too: safer than keeping a surname that is also a word, such as "Bakker"). At
 * the start of a sentence only a word that is not in the Dutch word list, or that the list
 * marks as a proper noun ("Roos", "Bas"), is a name.
 */
function looksLikeName(word: string, sentenceStart: boolean, context: ScrubContext): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  if (letters === letters.toUpperCase() && letters.length <= 4) return false; // HR, AVG, BSN
  return word.split('-').some((part) => {
    if (part.length < 2 || !/^\p{Lu}/u.test(part)) return false;
    const lower = part.toLowerCase().replace(/’/g, "'");
    if (context.vocabulary.has(lower)) return false;
    if (!sentenceStart || !context.words.isWord(lower)) return true;
    return context.words.isProperNoun(part);
  });
}

function replaceNames(text: string, context: ScrubContext): string {
  return text.replace(WORD, (word, offset: number) =>
    /^\p{Lu}/u.test(word) && looksLikeName(word, isSentenceStart(text, offset), context)
      ? PLACEHOLDERS.name
      : word,
  );
}

/** The question without e-mail addresses, links, phone and other long numbers, postcodes,
 *  @mentions and recognisable names; white space folded to single spaces. */
export function scrubQuestion(text: string, context: ScrubContext): string {
  let result = text.replace(/\s+/g, ' ').trim();
  result = result.replace(EMAIL, PLACEHOLDERS.email);
  result = result.replace(URL, PLACEHOLDERS.link);
  result = result.replace(IBAN, PLACEHOLDERS.number);
  result = result.replace(PHONE, PLACEHOLDERS.phone);
  result = result.replace(LONG_NUMBER, PLACEHOLDERS.number);
  result = result.replace(POSTCODE, PLACEHOLDERS.postcode);
  result = result.replace(MENTION, PLACEHOLDERS.name);
  result = replaceKnownNames(result, context.names);
  result = replaceNames(result, context);
  return result.replace(/\[naam\](?:\s+\[naam\])+/g, PLACEHOLDERS.name);
}
