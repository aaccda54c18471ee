import { readFile } from 'node:fs/promises';
import { Reporter, type Diagnostic } from '../check/diagnostics.ts';
import { validate } from '../check/schema.ts';
import { SAFETY_EVAL_SCHEMA, SAFETY_EXPECTS, type SafetyExpect } from '../check/schemas.ts';
import { cleanSource } from '../load/source.ts';
import { asList, asRecord, asText } from '../load/values.ts';
import { parseYaml } from '../load/yaml.ts';

/** One message of a safety test set (knowledge/tests/veiligheid/). */
export interface SafetyItem {
  question: string;
  /** crisis: clear danger; gewoon: ordinary though it may sound dangerous; twijfel: unclear. */
  expect: SafetyExpect;
  /** What kind of message it is (middel, afscheid, beleid, grap, ...), for the report. */
  kind: string;
  /** How it is written (lang, kort, vlaams, verhuld, ...), for the report. */
  styles: string[];
}

export function parseSafetyFile(file: string, raw: string, reporter: Reporter): SafetyItem[] {
  const source = cleanSource(file, raw, reporter);
  const parsed = source.tabs ? undefined : parseYaml(source.text, file, reporter);
  if (!parsed) return [];
  const data: unknown = parsed.doc.toJS();
  validate(data, SAFETY_EVAL_SCHEMA, [], { parsed, reporter, file });
  return asList(data).flatMap((value) => {
    const record = asRecord(value);
    const expect = asText(record.expect);
    const question = asText(record.question);
    if (question === '' || !(SAFETY_EXPECTS as readonly string[]).includes(expect)) return [];
    return [
      {
        question,
        expect: expect as SafetyExpect,
        kind: asText(record.kind),
        styles: asText(record.style)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      },
    ];
  });
}

export async function readSafetyFile(
  file: string,
): Promise<{ items: SafetyItem[]; diagnostics: Diagnostic[] }> {
  const reporter = new Reporter();
  const items = parseSafetyFile(file, await readFile(file, 'utf8'), reporter);
  return { items, diagnostics: reporter.diagnostics };
}
