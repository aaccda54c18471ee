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
import {
  CHANNEL_TYPES,
  type ContactChannel,
  type ContactInfo,
  type CourseInfo,
  type CrisisInfo,
  type SynonymInfo,
} from '../types.ts';
import { reportMovedFields, type Examples } from './examples-file.ts';
import { locatedList, texts, type Located } from './located.ts';
import { asList, asRecord, asText, asTexts } from './values.ts';
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
  const r = read.value;
  const followups = locatedList(r.followups, read.parsed, ['followups'], file);
  const dates = Array.isArray(r.dates) ? asTexts(r.dates) : asText(r.dates);
  const course: CourseInfo = {
    title: asText(r.title),
    summary: asText(r.summary),
    why: asText(r.why),
    targetGroup: asText(r.targetGroup),
    programme: asList(r.programme).map((item) => {
      const p = asRecord(item);
      return { title: asText(p.title), description: asText(p.description) };
    }),
    homework: asText(r.homework),
    dates,
    location: asText(r.location),
    price: asText(r.price),
    registration: asText(r.registration),
    questions: texts(examples.questions),
    keywords: examples.keywords,
    followups: texts(followups),
    updated: asText(r.updated),
  };
  return { value: course, parsed: read.parsed, followups, moved: read.moved };
}

function channelType(value: unknown): ContactChannel['type'] {
  return CHANNEL_TYPES.find((type) => type === value) ?? 'website';
}

export function readContacts(
  file: string,
  text: string,
  reporter: Reporter,
  examples: Examples = NO_EXAMPLES,
): ReadTarget<ContactInfo> | undefined {
  const read = readYaml(file, text, CONTACTS_SCHEMA, reporter, { target: 'counsellor' });
  if (!read) return undefined;
  const r = read.value;
  const channels = asList(r.channels).map((item): ContactChannel => {
    const c = asRecord(item);
    const note = asText(c.note);
    return {
      type: channelType(c.type),
      label: asText(c.label),
      value: asText(c.value),
      ...(note ? { note } : {}),
    };
  });
  const responseTime = asText(r.responseTime);
  const contacts: ContactInfo = {
    intro: asText(r.intro),
    channels,
    hours: asText(r.hours),
    ...(responseTime ? { responseTime } : {}),
    questions: texts(examples.questions),
    keywords: examples.keywords,
    updated: asText(r.updated),
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
  const groups: SynonymGroup[] = asList(read.value.groups).map((item) => {
    const g = asRecord(item);
    return { term: asText(g.term), variants: asTexts(g.variants) };
  });
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

/** Rules and lowering without `within`: signals count together up to this many words apart. */
export const DEFAULT_WITHIN = 10;
export const DEFAULT_LOWER_WITHIN = 20;

export function readCrisis(
  file: string,
  text: string,
  reporter: Reporter,
): ReadFile<CrisisInfo> | undefined {
  const read = readYaml(file, text, CRISIS_SCHEMA, reporter);
  if (!read) return undefined;
  const r = read.value;
  const count = (value: unknown, fallback: number): number =>
    typeof value === 'number' && Number.isInteger(value) ? value : fallback;
  const crisis: CrisisInfo = {
    answer: asText(r.answer),
    check: asText(r.check),
    signals: asList(r.signals).map((item) => {
      const s = asRecord(item);
      return { name: asText(s.name), meaning: asText(s.meaning), terms: asTexts(s.terms) };
    }),
    rules: asList(r.rules).map((item) => {
      const rule = asRecord(item);
      return {
        when: asTexts(rule.when),
        within: count(rule.within, DEFAULT_WITHIN),
        then: asText(rule.then) === 'check' ? 'check' : 'crisis',
        lowerable: rule.lowerable !== false,
      };
    }),
    lowering: asList(r.lowering).map((item) => {
      const lowering = asRecord(item);
      return {
        signals: asTexts(lowering.signals),
        unless: asTexts(lowering.unless),
        within: count(lowering.within, DEFAULT_LOWER_WITHIN),
      };
    }),
    idioms: asTexts(r.idioms),
    updated: asText(r.updated),
  };
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
