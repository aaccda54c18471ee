import { FuzzyVocabulary } from './fuzzy.ts';
import { baseForms, stem } from './morphology.ts';
import { tokenize } from './normalize.ts';
import { isStopword } from './stopwords.ts';
import type { SynonymTable } from './synonyms.ts';

export interface WeightedTerm {
  term: string;
  weight: number;
  known: boolean;
}

export interface AnalyzedText {
  /** One or more terms per content word: the word itself, or compound parts, or a fuzzy hit. */
  terms: WeightedTerm[];
  /** Adjacent pairs of content words ("groep_app"), known words only on the query side. */
  bigrams: string[];
  /** The content words themselves, before stemming (for the letter n-grams). */
  words: string[];
}

export interface AnalyzerWeights {
  compound: number;
  fuzzy: number;
}

const MIN_PART = 3;
const SHORT_PART = 4;
const MIN_COMPOUND = 7;
const MIN_HEAD = 5;
const MIN_MODIFIER = 4;
const MIN_FUZZY_LENGTH = 5;
const QUERY_CACHE_LIMIT = 20_000;
const PARTICLE_REACH = 6;
const PARTICLES = new Set(
  'aan af achter bij binnen buiten door in los mee na neer om onder op over terug toe uit vast voor weg'.split(
    ' ',
  ),
);

/**
 * Dutch text to index terms: normalise (diacritics first), synonyms on whole words and
 * phrases, stopwords out, then per word: base forms the index knows (diminutive,
 * participle, inflection), the Porter stem, compound parts split against the index
 * vocabulary, and for unknown words of five letters or more the nearest known word.
 */
export class Analyzer {
  private readonly synonyms: SynonymTable;
  private readonly weights: AnalyzerWeights;
  private readonly vocabulary: ReadonlySet<string>;
  private readonly stemSynonyms = new Map<string, { variant: string; to: string[] }>();
  private readonly fuzzy: FuzzyVocabulary | undefined;
  private readonly surfaces: ReadonlySet<string>;
  private readonly queryCache = new Map<string, WeightedTerm[]>();
  private readonly indexCache = new Map<string, WeightedTerm[]>();

  constructor(options: {
    synonyms: SynonymTable;
    weights: AnalyzerWeights;
    vocabulary?: ReadonlySet<string>;
    /** Words as they appear in the index texts, for compound parts and typo correction. */
    surfaces?: ReadonlySet<string>;
    fuzzy?: boolean;
  }) {
    this.synonyms = options.synonyms;
    this.weights = options.weights;
    this.vocabulary = options.vocabulary ?? new Set();
    this.surfaces = options.surfaces ?? new Set();
    this.fuzzy = options.fuzzy ? new FuzzyVocabulary(this.surfaces) : undefined;
    // Inflected variants ("chefs") still reach their term through the stem.
    for (const [variant, to] of this.synonyms.singleWordVariants()) {
      if (to.length !== 1 || stem(variant) !== stem(to[0] ?? '')) {
        this.stemSynonyms.set(stem(variant), { variant, to });
      }
    }
  }

  /** Content words after synonyms and stopwords, before stemming. */
  contentWords(text: string): string[] {
    const words = this.joinParticles(this.synonyms.apply(tokenize(text)));
    return this.synonyms.apply(words).filter((word) => !isStopword(word));
  }

  /**
   * Dutch separable verbs put their particle at the end: "ze sluiten me buiten", "hij lacht
   * me uit". A particle and an earlier word that together form a word the index knows
   * ("buitensluiten", "uitlacht") become that one word.
   */
  private joinParticles(words: string[]): string[] {
    const out = [...words];
    for (let j = 1; j < out.length; j++) {
      if (!PARTICLES.has(out[j] ?? '')) continue;
      for (let i = j - 1; i >= Math.max(0, j - PARTICLE_REACH); i--) {
        const joined = `${out[j] ?? ''}${out[i] ?? ''}`;
        if (isStopword(out[i] ?? '') || !this.isIndexWord(joined)) continue;
        out[i] = joined;
        out[j] = '';
        break;
      }
    }
    return out.filter((word) => word !== '');
  }

  private isIndexWord(word: string): boolean {
    return this.surfaces.has(word) || this.knownTerm(word) !== undefined;
  }

  analyze(text: string, mode: 'index' | 'query'): AnalyzedText {
    const terms: WeightedTerm[] = [];
    const primaries: WeightedTerm[] = [];
    const words = this.contentWords(text);
    for (const word of words) {
      const resolved = this.resolve(word, mode === 'query');
      terms.push(...resolved);
      if (resolved[0]) primaries.push(resolved[0]);
    }
    const bigrams: string[] = [];
    for (let i = 1; i < primaries.length; i++) {
      const a = primaries[i - 1];
      const b = primaries[i];
      if (a && b && (mode === 'index' || (a.known && b.known))) bigrams.push(`${a.term}_${b.term}`);
    }
    return { terms, bigrams, words };
  }

  private resolve(word: string, allowFuzzy: boolean): WeightedTerm[] {
    const cache = allowFuzzy ? this.queryCache : this.indexCache;
    const cached = cache.get(word);
    if (cached) return cached;
    const resolved = this.resolveUncached(word, allowFuzzy);
    // The index cache lives as long as one build. The query cache keeps only words that
    // resolved to known terms (bounded by the vocabulary): caching every typo a user ever
    // made would only grow the heap and the garbage collector's pauses.
    if (allowFuzzy && !resolved.every((term) => term.known && term.weight === 1)) return resolved;
    if (allowFuzzy && cache.size >= QUERY_CACHE_LIMIT) cache.clear();
    cache.set(word, resolved);
    return resolved;
  }

  private resolveUncached(word: string, allowFuzzy: boolean): WeightedTerm[] {
    const whole = this.knownTerm(word);
    if (whole !== undefined) return [this.weighted(whole, 1)];
    // Only words the index does not know are split: a known compound is its own term.
    const parts = word.length >= MIN_COMPOUND ? this.split(word, 0) : undefined;
    if (parts) return parts.map((term) => this.weighted(term, this.weights.compound));
    const head = this.splitHead(word);
    if (head) {
      const modifier = { term: stem(head.modifier), weight: 1, known: false };
      return [modifier, this.weighted(head.term, this.weights.compound)];
    }
    const near =
      allowFuzzy && word.length >= MIN_FUZZY_LENGTH ? this.fuzzy?.nearest(word) : undefined;
    const nearTerm = near === undefined ? undefined : this.knownTerm(near);
    if (nearTerm !== undefined) return [this.weighted(nearTerm, this.weights.fuzzy)];
    return [{ term: stem(word), weight: 1, known: this.vocabulary.has(stem(word)) }];
  }

  private weighted(term: string, weight: number): WeightedTerm {
    return { term, weight, known: this.vocabulary.has(term) };
  }

  /** The index term for a word, trying synonyms by stem and base forms first. */
  knownTerm(word: string): string | undefined {
    if (word.length < MIN_PART && !/^\d+$/.test(word)) return undefined;
    for (const form of [...baseForms(word), word]) {
      const s = stem(form);
      const synonym = this.stemSynonyms.get(s);
      // By stem only when the stem is not also an ordinary index word's, or when the word
      // is plainly an inflection of the variant.
      const safe = synonym && (inflectionOf(form, synonym.variant) || !this.vocabulary.has(s));
      if (synonym && safe && synonym.to.length === 1) {
        return stem(synonym.to[0] ?? '');
      }
      if (this.vocabulary.has(s)) return s;
    }
    return undefined;
  }

  /** pestgedrag → pest + gedrag, socialemediabeleid → social + media + beleid. */
  private split(word: string, depth: number): string[] | undefined {
    for (let i = word.length - MIN_PART; i >= MIN_PART; i--) {
      const left = this.knownPart(word.slice(0, i));
      if (left === undefined) continue;
      const rest = word.slice(i);
      // The head may be inflected ("facebookvrienden"): only it is worth a stemmer call.
      const right =
        this.knownPart(rest) ?? (rest.length >= SHORT_PART ? this.knownTerm(rest) : undefined);
      if (right !== undefined) return [left, right];
      const deeper =
        depth < 2 && rest.length >= 2 * MIN_PART ? this.split(rest, depth + 1) : undefined;
      if (deeper) return [left, ...deeper];
    }
    return undefined;
  }

  /**
   * A compound part: a word the index has as it stands, or as a stem (pest), with the
   * linking s of "groeps" allowed; three-letter parts only as exact words ("app"). Only
   * set lookups here, no stemming: a long unknown word has hundreds of substrings.
   */
  private knownPart(part: string): string | undefined {
    if (isStopword(part)) return undefined;
    if (part.length < SHORT_PART) return this.surfaces.has(part) ? this.knownTerm(part) : undefined;
    for (const candidate of part.endsWith('s') ? [part, part.slice(0, -1)] : [part]) {
      if (this.vocabulary.has(candidate)) return candidate;
      if (this.surfaces.has(candidate)) return this.knownTerm(candidate);
    }
    return undefined;
  }

  /** cyberpesten → (cyber) + pest: Dutch compounds are right-headed, so a known head counts
   *  when the index has it as a whole word of five letters or more. */
  private splitHead(word: string): { modifier: string; term: string } | undefined {
    for (let i = MIN_MODIFIER; i <= word.length - MIN_HEAD; i++) {
      const head = word.slice(i);
      if (!this.surfaces.has(head)) continue;
      const term = this.knownTerm(head);
      if (term !== undefined) return { modifier: word.slice(0, i), term };
    }
    return undefined;
  }
}

/** "chefs" is an inflection of "chef"; "vertrouwens" is not one of "vertrouwelijk", even
 *  though the stemmer gives both "vertrouw". */
function inflectionOf(word: string, variant: string): boolean {
  const [short, long] = word.length <= variant.length ? [word, variant] : [variant, word];
  return long.startsWith(short) && long.length - short.length <= 3;
}
