import type { Reporter } from '../check/diagnostics.ts';
import { validate, type Spec } from '../check/schema.ts';
import {
  COURSE_SCHEMA,
  CONTACTS_SCHEMA,
  CRISIS_SCHEMA,
  OUT_OF_SCOPE_SCHEMA,
  SYNONYMS_SCHEMA,
} from '../check/schemas.ts';
import { normalizeText } from '../text/normalize.ts';
import type { SynonymGroup } from '../text/synonyms.ts';
import type { ContactInfo, CourseInfo, CrisisInfo, SynonymInfo } from '../types.ts';
import { reportMovedFields, type Examples } from './examples-file.ts';
import { locatedList, texts, type Located } from './located.ts';
import { asRecord, readValue } from './values.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

export interface ReadFile<T> {
  value: T;
  parsed: ParsedYaml;
}

/** course.yaml and contacts.yaml: their example questions come from voorbeelden/. */
export interface ReadTarget<T> extends ReadFile<T> {
  followups: Located[];
  /** The file still holds questions or keywords (format 1); that was reported. */
  moved: boolean;
}

function readYaml(
  file: string,
  text: string,
  schema: Spec,
  reporter: Reporter,
  moved?: { target: string },
): (ReadFile<Record<string, unknown>> & { moved: boolean }) | undefined {
  const parsed = parseYaml(text, file, reporter);
  if (!parsed) return undefined;
  const data = asRecord(parsed.doc.toJS());
  const hadMoved = moved ? reportMovedFields(data, parsed, file, moved.target, reporter) : false;
  validate(data, schema, [], { parsed, reporter, file });
  return { value: data, parsed, moved: hadMoved };
}

const NO_EXAMPLES: Examples = { questions: [], keywords: [] };

export function readCourse(
  file: string,
  text: string,
  reporter: Reporter,
  examples: Examples = NO_EXAMPLES,
): ReadTarget<CourseInfo> | undefined {
  const read = readYaml(file, text, COURSE_SCHEMA, reporter, { target: 'course' });
  if (!read) return undefined;
  // The examples come before followups and updated, as they always have (the content hash).
  const { followups, updated, ...head } = readValue(COURSE_SCHEMA, read.value);
  const course: CourseInfo = {
    ...head,
    questions: texts(examples.questions),
    keywords: examples.keywords,
    followups,
    updated,
  };
  const located = locatedList(read.value.followups, read.parsed, ['followups'], file);
  return { value: course, parsed: read.parsed, followups: located, moved: read.moved };
}

export function readContacts(
  file: string,
  text: string,
  reporter: Reporter,
  examples: Examples = NO_EXAMPLES,
): ReadTarget<ContactInfo> | undefined {
  const read = readYaml(file, text, CONTACTS_SCHEMA, reporter, { target: 'counsellor' });
  if (!read) return undefined;
  const { updated, ...head } = readValue(CONTACTS_SCHEMA, read.value);
  const contacts: ContactInfo = {
    ...head,
    questions: texts(examples.questions),
    keywords: examples.keywords,
    updated,
  };
  return { value: contacts, parsed: read.parsed, followups: [], moved: read.moved };
}

export function readSynonyms(
  file: string,
  text: string,
  reporter: Reporter,
): ReadFile<SynonymInfo> | undefined {
  const read = readYaml(file, text, SYNONYMS_SCHEMA, reporter);
  if (!read) return undefined;
  const { groups } = readValue(SYNONYMS_SCHEMA, read.value);
  checkVariantsOnce(groups, file, read.parsed, reporter);
  return { value: { groups: groups.filter((g) => g.term !== '') }, parsed: read.parsed };
}

/** A variant under two terms would be read as whichever comes first: say so instead. */
function checkVariantsOnce(
  groups: readonly SynonymGroup[],
  file: string,
  parsed: ParsedYaml,
  reporter: Reporter,
): void {
  const seen = new Map<string, string>();
  groups.forEach((group, g) => {
    group.variants.forEach((variant, v) => {
      const key = normalizeText(variant);
      const first = seen.get(key);
      if (first !== undefined && first !== group.term) {
        reporter.error(
          file,
          parsed.positionOf(['groups', g, 'variants', v]),
          `de variant "${variant}" staat ook bij "${first}"`,
          'Een variant kan maar bij één term horen; haal hem bij een van beide weg.',
          variant.length,
        );
      } else seen.set(key, group.term);
    });
  });
}

export function readCrisis(
  file: string,
  text: string,
  reporter: Reporter,
): ReadFile<CrisisInfo> | undefined {
  const read = readYaml(file, text, CRISIS_SCHEMA, reporter);
  if (!read) return undefined;
  const crisis: CrisisInfo = readValue(CRISIS_SCHEMA, read.value);
  checkSignalNames(file, crisis, read.parsed, reporter);
  return { value: crisis, parsed: read.parsed };
}

/** Every name a rule or the lowering uses must be a signal, and each signal is defined once. */
function checkSignalNames(
  file: string,
  crisis: CrisisInfo,
  parsed: ParsedYaml,
  reporter: Reporter,
): void {
  const defined = new Set<string>();
  crisis.signals.forEach((signal, index) => {
    if (defined.has(signal.name))
      reporter.error(
        file,
        parsed.positionOf(['signals', index, 'name']),
        `het signaal "${signal.name}" staat er twee keer in`,
        'Geef elk signaal een eigen naam, of voeg de twee lijsten samen.',
        signal.name.length,
      );
    defined.add(signal.name);
  });
  const known = [...defined].join(', ');
  const unknown = (names: string[], path: (string | number)[]): void =>
    names.forEach((name, index) => {
      if (defined.has(name)) return;
      reporter.error(
        file,
        parsed.positionOf([...path, index]),
        `onbekend signaal "${name}"`,
        `Gebruik een naam uit signals: ${known}.`,
        name.length,
      );
    });
  crisis.rules.forEach((rule, index) => unknown(rule.when, ['rules', index, 'when']));
  crisis.lowering.forEach((lowering, index) => {
    unknown(lowering.signals, ['lowering', index, 'signals']);
    unknown(lowering.unless, ['lowering', index, 'unless']);
  });
}

/** out-of-scope.yaml stays a YAML list: its questions keep the place of their own item. */
export function readOutOfScope(
  file: string,
  text: string,
  reporter: Reporter,
): (ReadFile<string[]> & { questions: Located[] }) | undefined {
  const read = readYaml(file, text, OUT_OF_SCOPE_SCHEMA, reporter);
  if (!read) return undefined;
  const questions = locatedList(read.value.questions, read.parsed, ['questions'], file);
  return { value: texts(questions), parsed: read.parsed, questions };
}
