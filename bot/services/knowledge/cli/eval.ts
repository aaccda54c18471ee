// npm run eval -- FILE [--json] [--details]
// An evaluation file ({question, expect: entry id or route}): top-1 accuracy, and how the safety
// check treated its crisis and ordinary questions. A safety test set (expect: crisis, gewoon or
// twijfel, as in tests/veiligheid/): crisis recall two ways and false alarms.
import { parse } from 'yaml';
import { errorCount, formatDiagnostic, Reporter, type Diagnostic } from '../check/diagnostics.ts';
import { SAFETY_EXPECTS } from '../check/schemas.ts';
import { isBlindSet } from '../eval/blind-set.ts';
import { parseEvalFile } from '../eval/eval-file.ts';
import { allTargets, evaluate, type EvalSummary } from '../eval/evaluate.ts';
import { parseSafetyFile } from '../eval/safety-file.ts';
import {
  evaluateSafety,
  formatTally,
  safetySummaryLines,
  type SafetyReport,
  type SafetyTally,
} from '../eval/safety-evaluate.ts';
import type { KnowledgeService } from '../service.ts';
import { openForCli, readUserFile } from './common.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const details = args.includes('--details');
const fileArg = args.find((arg) => !arg.startsWith('--'));
if (fileArg === undefined) {
  console.error('Gebruik: npm run eval -- BESTAND.yaml [--json] [--details]');
  process.exit(2);
}
const { file, raw } = await readUserFile(fileArg);

function stop(diagnostics: Diagnostic[], what: string): never {
  console.error(`${fileArg} is geen geldig ${what}:\n`);
  for (const d of diagnostics) console.error(`${formatDiagnostic(d)}\n`);
  process.exit(2);
}

/** A safety set uses only crisis, gewoon and twijfel, and at least one of the last two. */
function isSafetySet(text: string): boolean {
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return false;
  }
  if (!Array.isArray(data)) return false;
  const expects = data.map((item: unknown) =>
    item && typeof item === 'object' ? (item as Record<string, unknown>).expect : undefined,
  );
  return (
    expects.every((e) => (SAFETY_EXPECTS as readonly unknown[]).includes(e)) &&
    expects.some((e) => e === 'gewoon' || e === 'twijfel')
  );
}

const service = await openForCli();
if (isSafetySet(raw)) runSafety(service);
else runAccuracy(service);

function runSafety(knowledge: KnowledgeService): void {
  const reporter = new Reporter();
  const items = parseSafetyFile(file, raw, reporter);
  if (errorCount(reporter.diagnostics) > 0 || items.length === 0)
    stop(
      reporter.diagnostics,
      'veiligheidstestbestand (een lijst van {question, expect, kind, style})',
    );
  const report = evaluateSafety(items, (text) => knowledge.safety(text));
  if (json) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  // A held-out set stays blind only while nobody who tunes reads its misses.
  const blind = isBlindSet(file);
  if (!blind || details) printSafetyMisses(report);
  else
    console.log(
      'Dit is een blinde meetset: de gemiste berichten worden niet getoond, zodat hij blind blijft.\n' +
        'Wie ze toch bekijkt (--details), noemt de set daarna niet meer blind.\n',
    );
  printTallies('Per soort', report.byKind);
  printTallies('Per schrijfwijze', report.byStyle);
  for (const line of safetySummaryLines(report)) console.log(line);
}

function printSafetyMisses(report: SafetyReport): void {
  for (const r of report.results) {
    const label =
      r.expect === 'crisis' && r.got === 'none'
        ? 'GEMIST     '
        : r.expect === 'crisis' && r.got === 'check'
          ? 'ALLEEN CHECK'
          : r.expect === 'gewoon' && r.got === 'crisis'
            ? 'VALS ALARM '
            : r.expect === 'gewoon' && r.got === 'check'
              ? 'CHECK      '
              : r.expect === 'twijfel' && r.got === 'none'
                ? 'TWIJFEL, NIETS'
                : undefined;
    if (label)
      console.log(
        `${label} [${r.kind}] ${r.reason ? `(${r.reason}) ` : ''}: ${r.question.replace(/\s+/g, ' ')}`,
      );
  }
  console.log('');
}

function printTallies(title: string, tallies: Record<string, SafetyTally>): void {
  console.log(`${title}:`);
  const keys = Object.keys(tallies).sort();
  const width = Math.max(...keys.map((k) => k.length));
  for (const key of keys) {
    const tally = tallies[key];
    if (tally) console.log(`  ${key.padEnd(width)}  ${formatTally(tally)}`);
  }
  console.log('');
}

function runAccuracy(knowledge: KnowledgeService): void {
  const reporter = new Reporter();
  const items = parseEvalFile(file, raw, allTargets(knowledge.base.entries.keys()), reporter);
  if (errorCount(reporter.diagnostics) > 0 || items.length === 0)
    stop(reporter.diagnostics, 'evaluatiebestand (een lijst van {question, expect})');
  const summary = evaluate(items, (text) => knowledge.match(text));
  if (json) console.log(JSON.stringify(summary, null, 2));
  else printReport(summary);
}

function printReport(s: EvalSummary): void {
  for (const r of s.results) {
    const got = r.afterCheck ? `${r.got} → ${r.afterCheck}` : r.got;
    if (!r.correct)
      console.log(
        `MIS  verwacht ${r.expect}, kreeg ${got} (${r.score.toFixed(2)}) : ${r.question}`,
      );
  }
  console.log('\nPer doel:');
  const width = Math.max(...Object.keys(s.byExpect).map((k) => k.length));
  for (const [target, t] of Object.entries(s.byExpect).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      `  ${target.padEnd(width)}  ${String(t.correct).padStart(3)}/${String(t.total).padEnd(3)} ${(t.correct / t.total).toFixed(3)}`,
    );
  }
  const crisis = s.results.filter((r) => r.expect === 'crisis');
  const other = s.results.filter((r) => r.expect !== 'crisis');
  const count = (list: typeof s.results, got: string): number =>
    list.filter((r) => r.got === got).length;
  console.log(
    `veiligheid: crisisvragen ${count(crisis, 'crisis')}/${crisis.length} crisis, ` +
      `${count(crisis, 'safety-check')} check; andere vragen ${count(other, 'crisis')}/${other.length} crisis, ` +
      `${count(other, 'safety-check')} check`,
  );
  console.log(`accuracy: ${s.accuracy.toFixed(3)} (${s.correct}/${s.total})`);
}
