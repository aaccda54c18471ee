import type { KnowledgeBase, KnowledgeEntry } from '../types.ts';
import { tokenize } from '../text/normalize.ts';

/** A small seeded generator, so every bench run measures the same queries. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  next(): number {
    // xorshift32
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    const item = list[this.int(list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

function allQuestions(base: KnowledgeBase): string[] {
  return [...base.entries.values()]
    .flatMap((e) => e.questions)
    .concat(base.course.questions, base.contacts.questions);
}

/** Made-up words from Dutch-looking syllables: the synthetic base needs a large vocabulary. */
function makeWords(count: number, random: Random): string[] {
  const onsets = [
    'b',
    'd',
    'g',
    'k',
    'l',
    'm',
    'p',
    'r',
    's',
    't',
    'v',
    'w',
    'st',
    'sp',
    'gr',
    'kl',
    'br',
    'sch',
  ];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'oo', 'ui', 'ij', 'ou', 'ie'];
  const codas = ['', 'n', 'r', 'l', 'k', 't', 'st', 'ng', 'rd', 'ld', 'ns'];
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = 2 + random.int(3);
    let word = '';
    for (let s = 0; s < syllables; s++)
      word += random.pick(onsets) + random.pick(vowels) + random.pick(codas);
    words.add(word);
  }
  return [...words];
}

/** Zipf-like choice: a few words are very common, most are rare, as in real questions. */
function zipf(words: readonly string[], random: Random): string {
  return words[Math.floor(words.length * random.next() ** 3)] ?? '';
}

/** A base of `count` entries: real words mixed with made-up ones, ten questions each. */
export function syntheticBase(real: KnowledgeBase, count: number, random: Random): KnowledgeBase {
  const realWords = [...new Set(allQuestions(real).flatMap(tokenize))];
  const madeUp = makeWords(20_000, random);
  const sentence = (length: number) =>
    Array.from({ length }, () =>
      random.next() < 0.4 ? random.pick(realWords) : zipf(madeUp, random),
    ).join(' ');
  const entries = new Map<string, KnowledgeEntry>();
  for (let i = 0; i < count; i++) {
    const id = `synthetisch-${i}`;
    entries.set(id, {
      id,
      title: sentence(4),
      questions: Array.from({ length: 10 }, () => sentence(5 + random.int(8))),
      keywords: Array.from({ length: 8 }, () => zipf(madeUp, random)),
      followups: [],
      updated: '2026-11-24',
      body: sentence(120),
      file: `${id}.md`,
    });
  }
  return { ...real, entries, loadedAt: new Date() };
}

/** Example questions with a typo, a dropped word or an extra word; and some word salad. */
export function queriesFrom(base: KnowledgeBase, count: number, random: Random): string[] {
  const questions = allQuestions(base);
  const words = questions.flatMap(tokenize);
  return Array.from({ length: count }, () => {
    const tokens = tokenize(random.pick(questions));
    const roll = random.next();
    if (roll < 0.25 && tokens.length > 1) tokens.splice(random.int(tokens.length), 1);
    else if (roll < 0.5) tokens.push(random.pick(words));
    else if (roll < 0.75) {
      const i = random.int(tokens.length);
      const word = tokens[i] ?? '';
      if (word.length > 4)
        tokens[i] = word.slice(0, 2) + (word[3] ?? '') + (word[2] ?? '') + word.slice(4);
    } else return Array.from({ length: 3 + random.int(8) }, () => random.pick(words)).join(' ');
    return tokens.join(' ');
  });
}
