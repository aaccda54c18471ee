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
}

export interface AnalyzerWeights {
  compound: number;
  fuzzy: number;
}

const MIN_PART = 3;
const MIN_FUZZY_LENGTH = 5;
const MIN_MODIFIER = 4;

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
  private readonly stemSynonyms = new Map<string, string[]>();
  private readonly fuzzy: FuzzyVocabulary | undefined;

  constructor(options: {
    synonyms: SynonymTable;
    weights: AnalyzerWeights;
    vocabulary?: ReadonlySet<string>;
    fuzzyWords?: Iterable<string>;
  }) {
    this.synonyms = options.synonyms;
    this.weights = options.weights;
    this.vocabulary = options.vocabulary ?? new Set();
    this.fuzzy = options.fuzzyWords ? new FuzzyVocabulary(options.fuzzyWords) : undefined;
    // Inflected variants ("chefs") still reach their term through the stem.
    for (const [variant, to] of this.synonyms.singleWordVariants()) {
      if (to.length !== 1 || stem(variant) !== stem(to[0] ?? '')) {
        this.stemSynonyms.set(stem(variant), to);
      }
    }
  }

  /** Content words after synonyms and stopwords, before stemming. */
  contentWords(text: string): string[] {
    return this.synonyms.apply(tokenize(text)).filter((word) => !isStopword(word));
  }

  analyze(text: string, mode: 'index' | 'query'): AnalyzedText {
    const terms: WeightedTerm[] = [];
    const primaries: WeightedTerm[] = [];
    for (const word of this.contentWords(text)) {
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
    return { terms, bigrams };
  }

  private resolve(word: string, allowFuzzy: boolean): WeightedTerm[] {
    const whole = this.knownTerm(word);
    const parts = word.length >= 2 * MIN_PART ? this.split(word, 0) : undefined;
    if (whole !== undefined) {
      const extra = (parts ?? []).filter((part) => part !== whole);
      return [whole, ...extra].map((term, i) => this.weighted(term, i === 0 ? 1 : this.weights.compound));
    }
    if (parts) return parts.map((term) => this.weighted(term, this.weights.compound));
    const head = this.splitHead(word);
    if (head) return [{ term: stem(head.modifier), weight: 1, known: false }, this.weighted(head.term, this.weights.compound)];
    const near = allowFuzzy && word.length >= MIN_FUZZY_LENGTH ? this.fuzzy?.nearest(word) : undefined;
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
      if (synonym?.length === 1 && synonym[0] !== undefined) return stem(synonym[0]);
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
      const right = this.knownPart(rest);
      if (right !== undefined) return [left, right];
      const deeper = depth < 2 && rest.length >= 2 * MIN_PART ? this.split(rest, depth + 1) : undefined;
      if (deeper) return [left, ...deeper];
    }
    return undefined;
  }

  private knownPart(part: string): string | undefined {
    if (isStopword(part)) return undefined;
    return this.knownTerm(part) ?? (part.endsWith('s') ? this.knownTerm(part.slice(0, -1)) : undefined);
  }

  /** cyberpesten → (cyber) + pest: Dutch compounds are right-headed, so a known head counts. */
  private splitHead(word: string): { modifier: string; term: string } | undefined {
    for (let i = MIN_MODIFIER; i <= word.length - MIN_PART - 1; i++) {
      const term = this.knownPart(word.slice(i));
      if (term !== undefined) return { modifier: word.slice(0, i), term };
    }
    return undefined;
  }
}
