import { singleRuns, type SafetyWords } from './text.ts';

// The small term language of crisis.yaml, written for editors rather than programmers:
//
//   ik wil dood            these words, in this order, next to each other
//   vermoord*              a word that starts with "vermoord" (vermoorden, vermoordt, ...)
//   *brief                 a word that ends with "brief" (afscheidsbrief)
//   *pillen*               a word that contains "pillen" (slaappillen, pillenpot)
//   pillen|tabletten       one of these words (each may have a *)
//   strop ... klaar        up to three other words in between
//   kan niet meer $        ... and then the sentence or clause ends ("ik kan niet meer.",
//                          not "ik kan niet meer inloggen")
//
// Text and terms are compared after the same folding: lower case, no accents, no
// punctuation.

const GAP = '...';
const END = '$';
const MAX_GAP = 3;
const MIN_PREFIX = 3;
const MIN_INFIX = 4;

type WordKind = 'exact' | 'prefix' | 'suffix' | 'infix';

interface WordPattern {
  kind: WordKind;
  text: string;
}

type Part = { kind: 'gap' } | { kind: 'end' } | { kind: 'word'; options: WordPattern[] };

export interface CompiledTerm {
  source: string;
  parts: Part[];
}

export interface Hit {
  /** Index of the term list (signal) the term came from. */
  list: number;
  start: number;
  /** One past the last word. */
  end: number;
}

/** Lower case without accents: the folding the text gets in text.ts. */
export function foldTerm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .trim();
}

function wordPattern(raw: string): WordPattern | string {
  const starts = raw.startsWith('*');
  const ends = raw.endsWith('*');
  const text = raw.replace(/^\*|\*$/g, '');
  if (!/^[a-z0-9]+$/.test(text))
    return `"${raw}" mag alleen letters bevatten, met hoogstens een * aan het begin of eind`;
  const kind: WordKind = starts && ends ? 'infix' : starts ? 'suffix' : ends ? 'prefix' : 'exact';
  if (kind === 'prefix' || kind === 'suffix') {
    if (text.length < MIN_PREFIX)
      return `"${raw}": zet een * pas na minstens ${MIN_PREFIX} letters, anders past hij op te veel woorden`;
  }
  if (kind === 'infix' && text.length < MIN_INFIX)
    return `"${raw}": *...* vraagt minstens ${MIN_INFIX} letters, anders past hij op te veel woorden`;
  return { kind, text };
}

/** Compiles one term, or returns a Dutch explanation of what is wrong with it. */
export function compileTerm(source: string): CompiledTerm | string {
  const words = foldTerm(source).split(/\s+/).filter(Boolean);
  if (words.length === 0) return 'de term is leeg';
  if (words[0] === GAP || words[words.length - 1] === GAP)
    return '"..." mag alleen tussen twee woorden staan';
  if (words[0] === END) return '"$" (einde van de zin) kan niet aan het begin staan';
  if (words.slice(0, -1).includes(END)) return '"$" (einde van de zin) hoort aan het eind';
  const parts: Part[] = [];
  for (const word of words) {
    if (word === END) {
      parts.push({ kind: 'end' });
      continue;
    }
    if (word === GAP) {
      if (parts[parts.length - 1]?.kind === 'gap') return 'twee keer "..." achter elkaar';
      parts.push({ kind: 'gap' });
      continue;
    }
    const options: WordPattern[] = [];
    for (const option of word.split('|')) {
      if (option === '') return `"${word}": een | moet tussen twee woorden staan`;
      const pattern = wordPattern(option);
      if (typeof pattern === 'string') return pattern;
      options.push(pattern);
    }
    parts.push({ kind: 'word', options });
  }
  return { source, parts };
}

function fits(pattern: WordPattern, word: string): boolean {
  switch (pattern.kind) {
    case 'exact':
      return word === pattern.text;
    case 'prefix':
      return word.startsWith(pattern.text);
    case 'suffix':
      return word.endsWith(pattern.text);
    case 'infix':
      return word.includes(pattern.text);
  }
}

interface Indexed {
  list: number;
  term: CompiledTerm;
}

function push<K>(map: Map<K, Indexed[]>, key: K, value: Indexed): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Words remembered per index; past this the memory starts afresh (bounded, and cheap to refill). */
const REMEMBERED = 50_000;

/** `map`'s value for `key`, made once by `make(key)` (a function made once, not per call: this
 *  runs for every word of every message). */
export function remembered<T>(map: Map<string, T>, key: string, make: (key: string) => T): T {
  const known = map.get(key);
  if (known !== undefined) return known;
  if (map.size >= REMEMBERED) map.clear();
  const value = make(key);
  map.set(key, value);
  return value;
}

// Words that glue to others in chat ("ikwildood", "mijnvriendslaatmij"): persons first, since
// a split must hold one (see unglue), then other short words.
const PRONOUNS = new Set(
  'ik je jij hij ze zij we wij me mij mezelf mijzelf zich zichzelf mijn mn my im'.split(' '),
);
const GLUE = [
  ...PRONOUNS,
  ...(
    'k u het t de een er wil wou ga gaat gaan niet nie meer nooit nu echt gewoon zo van aan ' +
    'zijn haar is ben was i want to just gonna wanna dont heb dat en maar als dan op in naar ' +
    'met voor doe durf elke avond dag alles iedereen weg'
  ).split(' '),
];
const GLUE_SET = new Set(GLUE);

/** Whether b is a with two neighbouring letters swapped. */
function swapped(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return (
    i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  );
}

/**
 * Term lists with one index: every term is looked up by its first word, so a long message
 * costs a few map lookups per word, whatever the number of terms.
 */
export class TermIndex {
  private readonly exact = new Map<string, Indexed[]>();
  private readonly prefix = new Map<string, Indexed[]>();
  private readonly suffix = new Map<string, Indexed[]>();
  private readonly infix: { text: string; entry: Indexed }[] = [];
  /** Whole words the terms spell out, for censored ("su*cide") and glued words. */
  private readonly vocabulary = new Set<string>();
  /** Word starts, ends and middles of every word of every term, for `known`. */
  private readonly partial = {
    prefix: new Set<string>(),
    suffix: new Set<string>(),
    infix: new Set<string>(),
  };
  private readonly vocabularyList: string[];
  private readonly glue: Set<string>;
  /** What each word of a message resolved to and which terms start with it: a message is
   *  mostly words that earlier messages had too. */
  private readonly resolved = new Map<string, string[]>();
  private readonly found = new Map<string, Indexed[]>();
  /** Each vocabulary word of seven letters or more, by every form with one letter left out. */
  private readonly typos = new Map<string, string>();
  private readonly longestPrefix: number;

  constructor(lists: readonly (readonly CompiledTerm[])[]) {
    let longest = 0;
    lists.forEach((terms, list) => {
      for (const term of terms) {
        const first = term.parts[0];
        if (first?.kind !== 'word') continue;
        for (const option of first.options) {
          const entry = { list, term };
          if (option.kind === 'exact') push(this.exact, option.text, entry);
          else if (option.kind === 'prefix') push(this.prefix, option.text, entry);
          else if (option.kind === 'suffix') push(this.suffix, option.text, entry);
          else this.infix.push({ text: option.text, entry });
          if (option.kind === 'prefix') longest = Math.max(longest, option.text.length);
        }
        for (const part of term.parts) {
          if (part.kind !== 'word') continue;
          for (const option of part.options) {
            if (option.kind === 'exact') this.vocabulary.add(option.text);
            else this.partial[option.kind].add(option.text);
          }
        }
      }
    });
    this.longestPrefix = longest;
    this.vocabularyList = [...this.vocabulary];
    // Single letters glue everything to everything; only "k" ('k wil) and "i" stay.
    this.glue = new Set(
      [...GLUE, ...this.vocabulary].filter((w) => w.length > 1 || w === 'k' || w === 'i'),
    );
    for (const word of this.vocabularyList) {
      if (word.length < 7) continue;
      for (let i = 1; i < word.length; i++) {
        const shorter = word.slice(0, i) + word.slice(i + 1);
        if (!this.typos.has(shorter)) this.typos.set(shorter, word);
      }
    }
  }

  /** The words of the text with censored, stretched and glued words resolved. */
  resolve(text: SafetyWords): SafetyWords {
    let changed = false;
    const all = text.words.map((word, i) => {
      const pieces = this.resolveWord(word, text.spelled[i] ?? false);
      if (pieces.length !== 1 || pieces[0] !== word) changed = true;
      return pieces;
    });
    // Most messages have no disguised word at all: then the words stay as they are.
    if (!changed) return text;
    const words: string[] = [];
    const ends: boolean[] = [];
    all.forEach((pieces, i) => {
      pieces.forEach((piece, j) => {
        words.push(piece);
        ends.push(j === pieces.length - 1 && (text.ends[i] ?? false));
      });
    });
    return { words, ends, spelled: words.map(() => false) };
  }

  private resolveWord(word: string, spelled: boolean): string[] {
    if (spelled) return this.resolveFresh(word, true);
    return remembered(this.resolved, word, this.resolveKnown);
  }

  private readonly resolveKnown = (word: string): string[] => this.resolveFresh(word, false);

  private resolveFresh(word: string, spelled: boolean): string[] {
    if (word.includes('*')) return [this.uncensor(word)];
    if (this.known(word)) return [word];
    const respelled = this.respell(word);
    if (respelled) return [respelled];
    return (word.length >= 8 && word.length <= 60 && this.unglue(word, spelled)) || [word];
  }

  /** Whether any word of any term fits this word (not only the first words). */
  private known(word: string): boolean {
    if (this.vocabulary.has(word)) return true;
    for (let n = MIN_PREFIX; n <= word.length; n++) {
      if (this.partial.prefix.has(word.slice(0, n))) return true;
      if (this.partial.suffix.has(word.slice(word.length - n))) return true;
    }
    for (const middle of this.partial.infix) if (word.includes(middle)) return true;
    return false;
  }

  /**
   * A known word for a misspelt one: stretched letters ("diiee"), a dropped final n
   * ("liggen" typed "ligge"), "y" for "ij", a final d/t slip, or one letter too many, too
   * few or two swapped (words of seven letters or more, same first letter).
   */
  private respell(word: string): string | undefined {
    // The d/t at the end is the most common Dutch spelling slip ("gespaart", "word").
    const tries = [
      singleRuns(word),
      `${word}n`,
      word.replace(/y/g, 'ij'),
      word.replace(/t$/, 'd'),
      word.replace(/d$/, 't'),
      word.replace(/dt$/, 'd'),
      `${word}t`,
    ];
    const plain = tries.find((t) => t !== word && this.known(t));
    if (plain) return plain;
    // Shorter words are too often other real words ("werken" is not "weken").
    if (word.length < 7) return undefined;
    const direct = this.typos.get(word);
    if (direct) return direct;
    for (let i = 1; i < word.length; i++) {
      const shorter = word.slice(0, i) + word.slice(i + 1);
      if (this.vocabulary.has(shorter)) return shorter;
      // Two neighbouring letters swapped ("vanavnod"); a wrong letter is not enough
      // ("thread" is not "threat").
      const near = this.typos.get(shorter);
      if (near && near.length === word.length && swapped(word, near)) return near;
    }
    return undefined;
  }

  /** "su*cide", "k*ll", "zelfm**rd": letters for the stars that make a known word. */
  private uncensor(word: string): string {
    const stars = (word.match(/\*/g) ?? []).length;
    const plain = word.replace(/\*/g, '');
    if (plain.length < 2) return plain;
    if (stars <= 2) {
      let forms = [word];
      for (let n = 0; n < stars; n++)
        forms = forms.flatMap((form) => [...LETTERS].map((letter) => form.replace('*', letter)));
      const found = forms.find((form) => this.known(form));
      if (found) return found;
    }
    const shape = new RegExp(
      `^${word.replace(/\*+/g, (run) => `[a-z]{${run.length},${run.length + 1}}`)}$`,
    );
    return this.vocabularyList.find((known) => shape.test(known)) ?? plain;
  }

  /**
   * Splits a word typed without spaces ("ikwilnietmeerleven") into glue and lexicon words.
   * Letters that fit no word may stay between them, but at most three in ten, and the split
   * must hold a person ("ik", "me"), or be letters typed one by one that are all known words:
   * "stropdas", "opgeslagen", "doodgewoon" and "arbeidstherapeutisch" stay whole.
   */
  private unglue(word: string, spelled: boolean): string[] | undefined {
    const n = word.length;
    const cost = new Array<number>(n + 1).fill(Infinity);
    const from = new Array<number>(n + 1).fill(-1);
    cost[0] = 0;
    for (let end = 1; end <= n; end++) {
      // One letter no word explains costs more than any number of known words.
      const skip = (cost[end - 1] ?? Infinity) + 100;
      if (skip < (cost[end] ?? Infinity)) {
        cost[end] = skip;
        from[end] = -(end - 1) - 1;
      }
      for (let start = Math.max(0, end - 14); start < end; start++) {
        const before = cost[start] ?? Infinity;
        if (before === Infinity || !this.glue.has(word.slice(start, end))) continue;
        if (before + 1 < (cost[end] ?? Infinity)) {
          cost[end] = before + 1;
          from[end] = start;
        }
      }
    }
    const pieces: { text: string; known: boolean }[] = [];
    for (let end = n; end > 0;) {
      const link = from[end] ?? 0;
      const known = link >= 0;
      const start = known ? link : -link - 1;
      const text = word.slice(start, end);
      const last = pieces[0];
      if (!known && last && !last.known) last.text = text + last.text;
      else pieces.unshift({ text, known });
      end = start;
    }
    const known = pieces.filter((p) => p.known);
    const unknownLetters = pieces
      .filter((p) => !p.known)
      .reduce((sum, p) => sum + p.text.length, 0);
    const lexical = known.some(
      (p) => p.text.length >= 4 && this.vocabulary.has(p.text) && !GLUE_SET.has(p.text),
    );
    // Glued chat has a person in it ("ikwildood"); letters typed one by one may also be a
    // chain of known words ("w i l d o o d g a a n"), where a compound like "doodgewoon" is not.
    const person = known.some((p) => PRONOUNS.has(p.text) && p.text.length > 1);
    const chain = spelled && unknownLetters === 0;
    if (known.length < 2 || unknownLetters > n * 0.3) return undefined;
    if (!(person && (lexical || known.length >= 4)) && !(chain && lexical)) return undefined;
    return pieces.map((p) => p.text);
  }

  private candidates(word: string): Indexed[] {
    return remembered(this.found, word, this.lookup);
  }

  private readonly lookup = (word: string): Indexed[] => {
    const found: Indexed[] = [];
    const exact = this.exact.get(word);
    if (exact) found.push(...exact);
    const longest = Math.min(word.length, this.longestPrefix);
    for (let n = MIN_PREFIX; n <= longest; n++) {
      const list = this.prefix.get(word.slice(0, n));
      if (list) found.push(...list);
    }
    for (let n = MIN_PREFIX; n <= word.length; n++) {
      const list = this.suffix.get(word.slice(word.length - n));
      if (list) found.push(...list);
    }
    for (const { text, entry } of this.infix) if (word.includes(text)) found.push(entry);
    return found;
  };

  /** Every place where a term matches, as (list, start, end). */
  find(text: SafetyWords): Hit[] {
    const hits: Hit[] = [];
    const { words } = text;
    for (let i = 0; i < words.length; i++) {
      const candidates = this.candidates(words[i] ?? '');
      for (let c = 0; c < candidates.length; c++) {
        const candidate = candidates[c];
        if (!candidate) continue;
        const end = matchFrom(candidate.term.parts, 1, text, i + 1);
        if (end >= 0) hits.push({ list: candidate.list, start: i, end });
      }
    }
    return hits;
  }
}

/** Where the rest of a term ends when it starts at `at`, or -1. */
function matchFrom(parts: readonly Part[], index: number, text: SafetyWords, at: number): number {
  const part = parts[index];
  if (!part) return at;
  if (part.kind === 'end') return text.ends[at - 1] ? at : -1;
  // A term stays inside one clause: "dood, serieus" is not "dood serieus".
  if (text.ends[at - 1]) return -1;
  if (part.kind === 'gap') {
    for (let skip = 0; skip <= MAX_GAP; skip++) {
      if (skip > 0 && text.ends[at + skip - 1]) break;
      const end = matchFrom(parts, index + 1, text, at + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  const word = text.words[at];
  if (word === undefined || !part.options.some((option) => fits(option, word))) return -1;
  return matchFrom(parts, index + 1, text, at + 1);
}
