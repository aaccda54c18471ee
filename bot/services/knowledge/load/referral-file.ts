import type { Reporter } from '../check/diagnostics.ts';
import { validate } from '../check/schema.ts';
import { REFERRALS_SCHEMA } from '../check/schemas.ts';
import type { ReferralInfo } from '../types.ts';
import type { ReadFile } from './data-files.ts';
import { readValue } from './values.ts';
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
  const { referrals, ownTerms } = readValue(REFERRALS_SCHEMA, data);
  const seen = new Set<string>();
  referrals.forEach(({ id }, index) => {
    if (id !== '' && seen.has(id))
      reporter.error(
        file,
        parsed.positionOf(['referrals', index, 'id']),
        `de verwijzing "${id}" staat er twee keer in`,
        'Geef elke verwijzing een eigen id, of voeg de twee samen.',
        id.length,
      );
    seen.add(id);
  });
  return { value: { referrals, ownTerms }, parsed };
}
