import { relative } from 'node:path';
import type { Located } from '../load/located.ts';
import { normalizeText } from '../text/normalize.ts';
import type { Position, Reporter } from './diagnostics.ts';

/** What the cross-file checks need from each file that feeds a matchable target. */
export interface TargetSource {
  target: string;
  /** The file that defines the target: the entry, course.yaml, contacts.yaml, out-of-scope.yaml. */
  file: string;
  /** Entries only: where the id is written (checked for duplicates and reserved names). */
  idAt?: Position;
  /** Each question where it is written (for entries, course and counsellor: in voorbeelden/). */
  questions: readonly Located[];
  followups: readonly Located[];
  isEntry: boolean;
}

export const FOLLOWUP_ROUTES = ['course', 'counsellor'] as const;
export const ALL_ROUTES = ['course', 'counsellor', 'crisis', 'safety-check', 'fallback'] as const;

const shortName = (file: string): string => relative(process.cwd(), file) || file;

export function crossCheck(sources: readonly TargetSource[], reporter: Reporter): void {
  checkIds(sources, reporter);
  checkFollowups(sources, reporter);
  checkDuplicateQuestions(sources, reporter);
}

function checkIds(sources: readonly TargetSource[], reporter: Reporter): void {
  const seen = new Map<string, TargetSource>();
  for (const source of sources.filter((s) => s.isEntry)) {
    const at = source.idAt ?? { line: 1, column: 1 };
    if ((ALL_ROUTES as readonly string[]).includes(source.target)) {
      reporter.error(
        source.file,
        at,
        `de id "${source.target}" is de naam van een route`,
        `Kies een andere id; ${ALL_ROUTES.join(', ')} zijn gereserveerd.`,
      );
    }
    const first = seen.get(source.target);
    if (first) {
      reporter.error(
        source.file,
        at,
        `de id "${source.target}" wordt ook gebruikt in ${shortName(first.file)}`,
        'Elke id mag maar één keer voorkomen; geef een van beide een andere id (en bestandsnaam).',
      );
    } else seen.set(source.target, source);
  }
}

function checkFollowups(sources: readonly TargetSource[], reporter: Reporter): void {
  const valid = new Set<string>([
    ...sources.filter((s) => s.isEntry).map((s) => s.target),
    ...FOLLOWUP_ROUTES,
  ]);
  for (const source of sources) {
    for (const followup of source.followups) {
      if (!valid.has(followup.text)) {
        reporter.missing(
          'fout',
          followup.file,
          followup.at,
          followup.text,
          `het vervolgonderwerp "${followup.text}" bestaat niet`,
          `Gebruik de id van een bestand in entries/ (zonder .md), of course of counsellor. Bestaande ids: ${[...valid].sort().join(', ')}.`,
        );
      } else if (followup.text === source.target) {
        reporter.warn(
          followup.file,
          followup.at,
          `"${followup.text}" verwijst naar zichzelf`,
          'Haal deze verwijzing weg: de gebruiker leest dit antwoord al.',
          followup.text.length,
        );
      }
    }
  }
}

function checkDuplicateQuestions(sources: readonly TargetSource[], reporter: Reporter): void {
  const seen = new Map<string, { source: TargetSource; question: Located }>();
  for (const source of sources) {
    for (const question of source.questions) {
      const key = normalizeText(question.text);
      if (key === '') continue;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { source, question });
      } else if (
        first.question.file === question.file &&
        first.question.at.line === question.at.line
      ) {
        // Two entries with one id read the same example file: the id is the mistake.
        continue;
      } else if (first.source.target === source.target) {
        reporter.warn(
          question.file,
          question.at,
          'deze voorbeeldvraag staat twee keer in hetzelfde onderwerp',
          'Haal er een weg, of formuleer hem anders.',
        );
      } else {
        const where = `${shortName(first.question.file)}:${first.question.at.line}`;
        reporter.error(
          question.file,
          question.at,
          `dezelfde voorbeeldvraag staat ook bij "${first.source.target}" (${where})`,
          'Eén vraag kan maar bij één onderwerp horen: laat hem bij het onderwerp dat het beste past en haal hem hier weg.',
        );
      }
    }
  }
}
