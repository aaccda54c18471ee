import { stringify } from 'yaml';
import {
  COUNTERS,
  emptyTotals,
  type Counter,
  type DayCounts,
  type InsightCounts,
} from '../../services/insight/counts.ts';
import type { QuestionKind, QuestionStore } from '../../services/insight/questions.ts';
import type { TextSealer } from '../../services/insight/sealed-text.ts';
import { blockLine } from '../../services/knowledge/load/examples-file.ts';
import { examplesPath, FILES } from '../../services/knowledge/load/files.ts';
import type { KnowledgeBase } from '../../services/knowledge/types.ts';
import { addDays, isoWeek, localDay, weekStart } from '../../services/time/amsterdam.ts';
import { ROUTES } from '../../services/routes.ts';
import { MENU } from '../../../dialogs/strings.ts';

// The figures and questions of the insight page, gathered from the stores for one request.

export const DAYS_SHOWN = 14;
export const WEEKS_SHOWN = 8;

export interface WeekRow {
  start: string;
  week: number;
  totals: Record<Counter, number>;
}

export interface EntryRow {
  id: string;
  title: string;
  answered: number;
  helped: number;
  notHelped: number;
}

export interface QuestionRow {
  id: string;
  day: string;
  kind: QuestionKind;
  closestTitle: string | undefined;
  /** Where an example for that entry goes, relative to the knowledge folder. */
  file: string;
  /** Undefined when it cannot be opened (its key is gone). */
  text: string | undefined;
  /** The text as a line to paste under `questions:` in that file, in that file's form. */
  example: string | undefined;
  handledBy: string | undefined;
}

export interface InsightData {
  days: DayCounts[];
  weeks: WeekRow[];
  entries: EntryRow[];
  questions: QuestionRow[];
  openQuestions: number;
}

function titleOf(base: KnowledgeBase, id: string): string {
  if (id === ROUTES.course) return `Cursus: ${base.course.title}`;
  if (id === ROUTES.counsellor) return MENU.counsellor;
  return base.entries.get(id)?.title ?? id;
}

/** The example file of the closest target; with none, the out-of-scope examples. */
function fileOf(base: KnowledgeBase, id: string | undefined): string {
  if (
    id === ROUTES.course ||
    id === ROUTES.counsellor ||
    (id !== undefined && base.entries.has(id))
  )
    return examplesPath(id);
  return FILES.outOfScope;
}

/** A line under "questions: |" in voorbeelden/, or a YAML list item (quoted where YAML
 *  needs it) in out-of-scope.yaml. */
export function exampleLine(file: string, text: string): string {
  if (file !== FILES.outOfScope) return blockLine(text);
  return `  ${stringify([text], { lineWidth: 0 }).trimEnd()}`;
}

function weeksOf(days: DayCounts[]): WeekRow[] {
  const weeks = new Map<string, WeekRow>();
  for (const day of days) {
    const start = weekStart(day.day);
    const row = weeks.get(start) ?? { start, week: isoWeek(start), totals: emptyTotals() };
    for (const counter of COUNTERS) row.totals[counter] += day.totals[counter];
    weeks.set(start, row);
  }
  return [...weeks.values()].sort((a, b) => a.start.localeCompare(b.start));
}

function entriesOf(days: DayCounts[], base: KnowledgeBase): EntryRow[] {
  const rows = new Map<string, EntryRow>();
  for (const day of days) {
    for (const [id, counts] of Object.entries(day.entries)) {
      const row = rows.get(id) ?? {
        id,
        title: titleOf(base, id),
        answered: 0,
        helped: 0,
        notHelped: 0,
      };
      row.answered += counts.answered;
      row.helped += counts.helped;
      row.notHelped += counts.notHelped;
      rows.set(id, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) => b.answered - a.answered || a.title.localeCompare(b.title),
  );
}

export async function gatherInsight(deps: {
  counts: InsightCounts;
  questions: QuestionStore | undefined;
  sealer: TextSealer | undefined;
  base: KnowledgeBase;
  now: Date;
  showHandled: boolean;
}): Promise<InsightData> {
  const today = localDay(deps.now);
  const firstWeek = addDays(weekStart(today), -7 * (WEEKS_SHOWN - 1));
  const all = await deps.counts.range(firstWeek, today);
  const days = all.filter((d) => d.day > addDays(today, -DAYS_SHOWN)).reverse();
  const stored = deps.questions ? await deps.questions.list() : [];
  const questions = stored
    .filter((q) => (q.handledAt !== undefined) === deps.showHandled)
    .map((q): QuestionRow => {
      const text = deps.sealer?.open(q.text);
      return {
        id: q.id,
        day: q.day,
        kind: q.kind,
        closestTitle: q.closest === undefined ? undefined : titleOf(deps.base, q.closest),
        file: fileOf(deps.base, q.closest),
        text,
        example: text === undefined ? undefined : exampleLine(fileOf(deps.base, q.closest), text),
        handledBy: q.handledBy,
      };
    });
  return {
    days,
    weeks: weeksOf(all),
    entries: entriesOf(all, deps.base),
    questions,
    openQuestions: stored.filter((q) => q.handledAt === undefined).length,
  };
}
