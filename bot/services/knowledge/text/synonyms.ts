import type { SynonymInfo } from '../types.ts';
import { tokenize } from './normalize.ts';

export type SynonymGroup = SynonymInfo['groups'][number];

interface Rule {
  from: string[];
  to: string[];
}

/**
 * Rewrites variants (single words or phrases) to their group's term before stemming, longest
 * phrase first, so "eigen baas" never half-matches "baas". Synonyms matter most: people write
 * "chef" or "groepsapp" where the entries say "leidinggevende" or "appgroep".
 */
export class SynonymTable {
  private readonly rules = new Map<string, Rule[]>();

  constructor(groups: readonly SynonymGroup[]) {
    for (const group of groups) {
      const to = tokenize(group.term);
      if (to.length === 0) continue;
      for (const variant of group.variants) this.add(tokenize(variant), to);
    }
    for (const list of this.rules.values()) list.sort((a, b) => b.from.length - a.from.length);
  }

  private add(from: string[], to: string[]): void {
    const first = from[0];
    if (first === undefined || from.join(' ') === to.join(' ')) return;
    const list = this.rules.get(first) ?? [];
    list.push({ from, to });
    this.rules.set(first, list);
  }

  /** Single-word variants and their terms, for the fuzzy vocabulary. */
  singleWordVariants(): Array<[string, string[]]> {
    const result: Array<[string, string[]]> = [];
    for (const list of this.rules.values()) {
      for (const rule of list)
        if (rule.from.length === 1) result.push([rule.from[0] ?? '', rule.to]);
    }
    return result;
  }

  apply(tokens: readonly string[]): string[] {
    const out: string[] = [];
    let i = 0;
    while (i < tokens.length) {
      const rule = this.findRule(tokens, i);
      if (rule) {
        out.push(...rule.to);
        i += rule.from.length;
      } else {
        out.push(tokens[i] ?? '');
        i += 1;
      }
    }
    return out;
  }

  private findRule(tokens: readonly string[], at: number): Rule | undefined {
    const candidates = this.rules.get(tokens[at] ?? '');
    return candidates?.find((rule) => rule.from.every((word, k) => tokens[at + k] === word));
  }
}
