import type { SafetyExpect } from '../check/schemas.ts';
import type { SafetyResult } from '../safety/detector.ts';
import type { SafetyOutcome } from '../types.ts';
import type { SafetyItem } from './safety-file.ts';

export interface SafetyTally {
  total: number;
  crisis: number;
  check: number;
}

export interface SafetyItemResult extends SafetyItem {
  got: SafetyOutcome;
  reason?: string;
}

export interface SafetyReport {
  byExpect: Record<SafetyExpect, SafetyTally>;
  /** Keyed "expect/kind" and "expect/style". */
  byKind: Record<string, SafetyTally>;
  byStyle: Record<string, SafetyTally>;
  results: SafetyItemResult[];
}

const empty = (): SafetyTally => ({ total: 0, crisis: 0, check: 0 });

function add(tally: SafetyTally, got: SafetyOutcome): void {
  tally.total += 1;
  if (got === 'crisis') tally.crisis += 1;
  if (got === 'check') tally.check += 1;
}

export function evaluateSafety(
  items: readonly SafetyItem[],
  assess: (text: string) => SafetyResult,
): SafetyReport {
  const report: SafetyReport = {
    byExpect: { crisis: empty(), gewoon: empty(), twijfel: empty() },
    byKind: {},
    byStyle: {},
    results: [],
  };
  for (const item of items) {
    const { outcome, reason } = assess(item.question);
    add(report.byExpect[item.expect], outcome);
    add((report.byKind[`${item.expect}/${item.kind || '-'}`] ??= empty()), outcome);
    for (const style of item.styles)
      add((report.byStyle[`${item.expect}/${style}`] ??= empty()), outcome);
    report.results.push({ ...item, got: outcome, ...(reason ? { reason } : {}) });
  }
  return report;
}

/** The four figures the safety check has goals for, as shares of their group. */
export interface SafetyRates {
  /** Crisis messages that got the full crisis reply. */
  crisisFull: number;
  /** Crisis messages that got the crisis reply or the check question. */
  crisisAny: number;
  /** Ordinary messages that got the full crisis reply. */
  ordinaryCrisis: number;
  /** Ordinary messages that got the check question. */
  ordinaryCheck: number;
}

const share = (part: number, total: number): number => (total === 0 ? 0 : part / total);

export function safetyRates(byExpect: Record<SafetyExpect, SafetyTally>): SafetyRates {
  const { crisis, gewoon } = byExpect;
  return {
    crisisFull: share(crisis.crisis, crisis.total),
    crisisAny: share(crisis.crisis + crisis.check, crisis.total),
    ordinaryCrisis: share(gewoon.crisis, gewoon.total),
    ordinaryCheck: share(gewoon.check, gewoon.total),
  };
}

const pct = (value: number): string => `${(value * 100).toFixed(1)} %`;

export function formatTally(t: SafetyTally): string {
  return `${t.crisis} crisis, ${t.check} check, ${t.total - t.crisis - t.check} niets (van ${t.total})`;
}

/** The summary lines `npm run eval` prints for a safety test set. */
export function safetySummaryLines(report: SafetyReport): string[] {
  const { crisis, gewoon, twijfel } = report.byExpect;
  const rates = safetyRates(report.byExpect);
  const lines = [
    `crisisberichten: ${crisis.crisis + crisis.check}/${crisis.total} crisis of check (${pct(rates.crisisAny)}), ${crisis.crisis}/${crisis.total} volledig crisisantwoord (${pct(rates.crisisFull)})`,
    `gewone berichten: ${gewoon.crisis}/${gewoon.total} vals crisisantwoord (${pct(rates.ordinaryCrisis)}), ${gewoon.check}/${gewoon.total} controlevraag (${pct(rates.ordinaryCheck)})`,
  ];
  if (twijfel.total > 0)
    lines.push(
      `twijfelberichten: ${twijfel.crisis + twijfel.check}/${twijfel.total} crisis of check (${twijfel.crisis} crisis, ${twijfel.check} check)`,
    );
  return lines;
}
