import { tokenize } from '../text/normalize.ts';
import type { ReferralInfo } from '../types.ts';

/** A word or phrase of verwijzingen.yaml: "*" at the end lets the last word go on
 *  ("verlof*": verlofdagen), "*" at the start lets the first word begin with more ("*app":
 *  groepsapp). */
interface CompiledTerm {
  words: string[];
  longer: boolean;
  compound: boolean;
}

function compile(term: string): CompiledTerm {
  const trimmed = term.trim();
  return {
    words: tokenize(trimmed.replace(/\*/g, ' ')),
    longer: trimmed.endsWith('*'),
    compound: trimmed.startsWith('*'),
  };
}

/** Every [start, end) where the term occurs in the tokens. */
function spans(term: CompiledTerm, tokens: readonly string[]): [number, number][] {
  const { words, longer, compound } = term;
  const last = words.length - 1;
  const found: [number, number][] = [];
  if (last < 0) return found;
  for (let start = 0; start + last < tokens.length; start += 1) {
    const fits = words.every((word, i) => {
      const token = tokens[start + i] ?? '';
      if (token === word) return true;
      if (i === last && longer && token.startsWith(word)) return true;
      return i === 0 && compound && token.endsWith(word);
    });
    if (fits) found.push([start, start + last + 1]);
  }
  return found;
}

/**
 * Which referral a question points to: the first (in file order) with one of its words in it,
 * but only when the rest of the question (the words no referral used) has none of the bureau's
 * own words. "Hoeveel vakantiedagen heb ik" points to HR; "tijdens mijn verlof blijft mijn baas
 * appen" does not, because "appen" is the bureau's field. A referral's `always` words point to
 * it whatever else the question says ("een mail die op phishing lijkt").
 */
export class ReferralIndex {
  private readonly referrals: { id: string; terms: CompiledTerm[]; always: CompiledTerm[] }[];
  private readonly own: CompiledTerm[];

  constructor(info: ReferralInfo) {
    this.referrals = info.referrals.map((r) => ({
      id: r.id,
      terms: r.terms.map(compile),
      always: r.always.map(compile),
    }));
    this.own = info.ownTerms.map(compile);
  }

  /** The referral for a question; `ours` when the rest of it has words of the bureau's own
   *  field (then the referral only names where to go if the question is refused anyway). */
  find(text: string): { id: string; ours: boolean } | undefined {
    const tokens = tokenize(text);
    const always = this.referrals.find((r) => r.always.some((t) => spans(t, tokens).length > 0));
    if (always) return { id: always.id, ours: false };
    const used = new Set<number>();
    let first: string | undefined;
    for (const referral of this.referrals) {
      for (const term of referral.terms) {
        for (const [start, end] of spans(term, tokens)) {
          first ??= referral.id;
          for (let i = start; i < end; i += 1) used.add(i);
        }
      }
    }
    if (first === undefined) return undefined;
    const rest = tokens.filter((_, i) => !used.has(i));
    return { id: first, ours: this.own.some((term) => spans(term, rest).length > 0) };
  }
}
