import { relative } from 'node:path';
import type { Reporter } from './diagnostics.ts';
import { normalizeText } from '../text/normalize.ts';
import type { ParsedYaml } from '../load/yaml.ts';

/** What the cross-file checks need from each file that feeds a matchable target. */
export interface TargetSource {
  target: string;
  file: string;
  parsed: ParsedYaml;
  questions: readonly string[];
  followups: readonly string[];
  /** Entries only: the id field is checked for duplicates. */
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
    const at = source.parsed.positionOf(['id']);
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
    source.followups.forEach((followup, index) => {
      const at = source.parsed.positionOf(['followups', index]);
      if (!valid.has(followup)) {
        reporter.error(
          source.file,
          at,
          `het vervolgonderwerp "${followup}" bestaat niet`,
          `Gebruik de id van een bestand in entries/ (zonder .md), of course of counsellor. Bestaande ids: ${[...valid].sort().join(', ')}.`,
          followup.length,
        );
      } else if (followup === source.target) {
        reporter.warn(
          source.file,
          at,
          `"${followup}" verwijst naar zichzelf`,
          'Haal deze verwijzing weg: de gebruiker leest dit antwoord al.',
          followup.length,
        );
      }
    });
  }
}

function checkDuplicateQuestions(sources: readonly TargetSource[], reporter: Reporter): void {
  const seen = new Map<string, { source: TargetSource; index: number }>();
  for (const source of sources) {
    source.questions.forEach((question, index) => {
      const key = normalizeText(question);
      if (key === '') return;
      const first = seen.get(key);
      const at = source.parsed.positionOf(['questions', index]);
      if (!first) {
        seen.set(key, { source, index });
      } else if (first.source.target === source.target) {
        reporter.warn(
          source.file,
          at,
          'deze voorbeeldvraag staat twee keer in hetzelfde onderwerp',
          'Haal er een weg, of formuleer hem anders.',
        );
      } else {
        const line = first.source.parsed.positionOf(['questions', first.index]).line;
        reporter.error(
          source.file,
          at,
          `dezelfde voorbeeldvraag staat ook bij "${first.source.target}" (${shortName(first.source.file)}:${line})`,
          'Eén vraag kan maar bij één onderwerp horen: laat hem bij het onderwerp dat het beste past en haal hem hier weg.',
        );
      }
    });
  }
}
