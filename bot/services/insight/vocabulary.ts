import type { KnowledgeBase } from '../knowledge/types.ts';

// The words the bureau's own knowledge files use in lower case: the example questions,
// keywords, synonyms, titles and answers. Typed with a capital ("WhatsApp", "Teams", "Ik" after
// a comma) they are still not names. Words the files only ever write with a capital (a person
// or organisation in an answer) are left out, so they stay names.

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;
const cache = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

function texts(base: KnowledgeBase): string[] {
  const out: string[] = [...base.outOfScope];
  for (const entry of base.entries.values()) {
    out.push(entry.title, entry.body, ...entry.questions, ...entry.keywords);
  }
  const { course, contacts, synonyms } = base;
  out.push(course.title, course.summary, course.why, ...course.questions, ...course.keywords);
  out.push(contacts.intro, ...contacts.questions, ...contacts.keywords);
  for (const group of synonyms.groups) out.push(group.term, ...group.variants);
  return out;
}

export function knowledgeVocabulary(base: KnowledgeBase): ReadonlySet<string> {
  let words = cache.get(base);
  if (!words) {
    const found = new Set<string>();
    for (const text of texts(base)) {
      for (const [word] of text.matchAll(WORD)) {
        for (const part of word.split('-')) {
          if (part !== '' && part === part.toLowerCase()) found.add(part.replace(/’/g, "'"));
        }
      }
    }
    words = found;
    cache.set(base, words);
  }
  return words;
}
