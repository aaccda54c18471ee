// npm run eval -- FILE [--json] — top-1 accuracy of the engine on a list of {question, expect}.
import { readFile } from 'node:fs/promises';
import { errorCount, formatDiagnostic, Reporter } from '../check/diagnostics.ts';
import { parseEvalFile } from '../eval/eval-file.ts';
import { allTargets, evaluate, type EvalSummary } from '../eval/evaluate.ts';
import { openForCli, userPath } from './common.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const fileArg = args.find((arg) => !arg.startsWith('--'));
if (fileArg === undefined) {
  console.error('Gebruik: npm run eval -- BESTAND.yaml [--json]');
  process.exit(2);
}
const file = userPath(fileArg);

let raw: string;
try {
  raw = await readFile(file, 'utf8');
} catch {
  console.error(`Kan ${fileArg} niet lezen: bestaat het bestand?`);
  process.exit(2);
}

const service = await openForCli();
const reporter = new Reporter();
const items = parseEvalFile(file, raw, allTargets(service.base.entries.keys()), reporter);
if (errorCount(reporter.diagnostics) > 0 || items.length === 0) {
  console.error(`${fileArg} is geen geldig evaluatiebestand (een lijst van {question, expect}):\n`);
  for (const d of reporter.diagnostics) console.error(`${formatDiagnostic(d)}\n`);
  process.exit(2);
}

const summary = evaluate(items, (text) => service.match(text));
if (json) console.log(JSON.stringify(summary, null, 2));
else printReport(summary);

function printReport(s: EvalSummary): void {
  for (const r of s.results) {
    if (r.got !== r.expect)
      console.log(
        `MIS  verwacht ${r.expect}, kreeg ${r.got} (${r.score.toFixed(2)}) : ${r.question}`,
      );
  }
  console.log('\nPer doel:');
  const width = Math.max(...Object.keys(s.byExpect).map((k) => k.length));
  for (const [target, t] of Object.entries(s.byExpect).sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      `  ${target.padEnd(width)}  ${String(t.correct).padStart(3)}/${String(t.total).padEnd(3)} ${(t.correct / t.total).toFixed(3)}`,
    );
  }
  console.log(`accuracy: ${s.accuracy.toFixed(3)} (${s.correct}/${s.total})`);
}
