import type { Reporter } from '../check/diagnostics.ts';
import { validate } from '../check/schema.ts';
import { REFERRALS_SCHEMA } from '../check/schemas.ts';
import type { Referral, ReferralInfo } from '../types.ts';
import type { ReadFile } from './data-files.ts';
import { asList, asRecord, asText, asTexts } from './values.ts';
import { parseYaml } from './yaml.ts';

/** verwijzingen.yaml: per kind of question outside the bureau's field, the reply and its words. */
export function readReferrals(
  file: string,
  text: string,
  reporter: Reporter,
): ReadFile<ReferralInfo> | undefined {
  const parsed = parseYaml(text, file, reporter);
  if (!parsed) return undefined;
  const data: unknown = parsed.doc.toJS();
  validate(data, REFERRALS_SCHEMA, [], { parsed, reporter, file });
  const seen = new Set<string>();
  const record = asRecord(data);
  const referrals = asList(record.referrals).map((item, index): Referral => {
    const r = asRecord(item);
    const id = asText(r.id);
    if (id !== '' && seen.has(id))
      reporter.error(
        file,
        parsed.positionOf(['referrals', index, 'id']),
        `de verwijzing "${id}" staat er twee keer in`,
        'Geef elke verwijzing een eigen id, of voeg de twee samen.',
        id.length,
      );
    seen.add(id);
    return { id, answer: asText(r.answer), terms: asTexts(r.terms), always: asTexts(r.always) };
  });
  return { value: { referrals, ownTerms: asTexts(record.ownTerms) }, parsed };
}
