import { readFile } from 'node:fs/promises';
import { Reporter, type Diagnostic } from '../check/diagnostics.ts';
import { validate } from '../check/schema.ts';
import { EVAL_SCHEMA } from '../check/schemas.ts';
import { cleanSource } from '../load/source.ts';
import { asList, asRecord, asText } from '../load/values.ts';
import { parseYaml } from '../load/yaml.ts';
import { normalizeText } from '../text/normalize.ts';

export interface EvalItem {
  question: string;
  expect: string;
}

/**
 * Reads a list of {question, expect}. Every expect must be a known target: a typo there
 * would silently count as a miss forever.
 */
export function parseEvalFile(
  file: string,
  raw: string,
  targets: ReadonlySet<string>,
  reporter: Reporter,
  examples?: ReadonlyMap<string, string>,
): EvalItem[] {
  const source = cleanSource(file, raw, reporter);
  const parsed = source.tabs ? undefined : parseYaml(source.text, file, reporter);
  if (!parsed) return [];
  const data: unknown = parsed.doc.toJS();
  validate(data, EVAL_SCHEMA, [], { parsed, reporter, file });
  const items: EvalItem[] = [];
  asList(data).forEach((value, index) => {
    const record = asRecord(value);
    const item = { question: asText(record.question), expect: asText(record.expect) };
    if (item.expect !== '' && !targets.has(item.expect)) {
      reporter.missing(
        'fout',
        file,
        parsed.positionOf([index, 'expect']),
        item.expect,
        `onbekend doel "${item.expect}" bij expect`,
        `Gebruik een id uit entries/ of een route: ${[...targets].sort().join(', ')}.`,
      );
    }
    const copied = examples?.get(normalizeText(item.question));
    if (copied !== undefined) {
      reporter.warn(
        file,
        parsed.positionOf([index, 'question']),
        `deze evaluatievraag staat ook als voorbeeldvraag bij "${copied}"`,
        'Een evaluatievraag die de bot al kent, meet geheugen in plaats van begrip: formuleer hem anders of haal hem hier weg.',
      );
    }
    if (item.question !== '' && item.expect !== '') items.push(item);
  });
  return items;
}

/** Reads and checks an evaluation file against the targets of a loaded knowledge base. */
export async function readEvalFile(
  file: string,
  targets: ReadonlySet<string>,
): Promise<{ items: EvalItem[]; diagnostics: Diagnostic[] }> {
  const reporter = new Reporter();
  const items = parseEvalFile(file, await readFile(file, 'utf8'), targets, reporter);
  return { items, diagnostics: reporter.diagnostics };
}
