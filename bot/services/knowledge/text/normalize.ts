// One normalisation for everything that compares text: matching, crisis phrases, and the
// checker's duplicate-question test. Diacritics go first because natural's tokenizers split
// words at accented letters ("privé" would become "priv").

const COMBINING_MARKS = /\p{M}+/gu;
// "collega's" and "foto's" are plurals: keep them one word ("collegas") so the morphology
// can strip the s; a lone "'s" ("'s avonds") simply disappears with the punctuation.
const APOSTROPHE_PLURAL = /(\p{L})['’]s\b/gu;
const NOT_WORD = /[^a-z0-9]+/g;

export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHE_PLURAL, '$1s')
    .replace(/ß/g, 'ss')
    .replace(NOT_WORD, ' ')
    .trim();
}

// E-mail addresses, links and phone numbers name no topic; a bare address typed in the
// middle of a registration must not match "voorbeeld" in some entry.
const CONTACT_DETAILS = /\S+@\S+|\bhttps?:\/\/\S+|\bwww\.\S+|\+?\d[\d\s-]{7,}\d/gi;

export function tokenize(text: string): string[] {
  const normal = normalizeText(text.replace(CONTACT_DETAILS, ' '));
  return normal === '' ? [] : normal.split(' ');
}
