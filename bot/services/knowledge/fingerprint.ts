import { createHash } from 'node:crypto';
import type { KnowledgeBase } from './types.ts';

/** A short hash of what is loaded (every entry, the course, contacts, the safety check's texts,
 *  lists and rules, synonyms and out-of-scope examples), so the bureau can tell two versions
 *  apart and see that every instance runs the same one. */
export function contentHash(base: KnowledgeBase): string {
  const content = {
    entries: [...base.entries.values()].map((e) => ({ ...e, file: undefined })),
    course: base.course,
    contacts: base.contacts,
    crisis: base.crisis,
    synonyms: base.synonyms.groups,
    outOfScope: base.outOfScope,
    referrals: base.referrals,
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12);
}
