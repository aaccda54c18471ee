// npm run eval:gesprek -- FILE [--details]
// What a person gets for each question of an evaluation file ({question, expect}) as the first
// message of a conversation, decided exactly as the router decides: the safety check, then the
// requests to act (contact request, course, ...), then the course facts, the kind word for
// distress and the knowledge match. `npm run eval` measures the matcher alone; this measures
// the conversation.
//   core topics (expect: an entry or route): answered directly and right, or the right topic
//     offered first ("Bedoelde u…", or the topics a refusal offers); confident wrong answers;
//   out of scope (expect: fallback): refused honestly, with or without where to go instead.
// The misses of blind and holdout files are not printed (counts only), so they stay blind.
import {
  errorCount,
  formatDiagnostic,
  Reporter,
} from '../bot/services/knowledge/check/diagnostics.ts';
import { isBlindSet } from '../bot/services/knowledge/eval/blind-set.ts';
import { parseEvalFile } from '../bot/services/knowledge/eval/eval-file.ts';
import { allTargets } from '../bot/services/knowledge/eval/evaluate.ts';
import { openForCli, readUserFile } from '../bot/services/knowledge/cli/common.ts';
import { emptyTally, entryTitles, outcomeOf, tallyOutcome } from '../dialogs/outcome.ts';
import { ROUTES } from '../bot/services/routes.ts';

const pct = (n: number, of: number): string =>
  `${((100 * n) / Math.max(1, of)).toFixed(1).replace('.', ',')} % (${n})`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const details = args.includes('--details');
  const fileArg = args.find((arg) => !arg.startsWith('--'));
  if (!fileArg) {
    console.error('Gebruik: npm run eval:gesprek -- BESTAND.yaml [--details]');
    process.exit(2);
  }
  const { file, raw } = await readUserFile(fileArg);
  const knowledge = await openForCli();
  const reporter = new Reporter();
  const items = parseEvalFile(file, raw, allTargets(knowledge.base.entries.keys()), reporter);
  if (errorCount(reporter.diagnostics) > 0) {
    for (const d of reporter.diagnostics) console.error(formatDiagnostic(d));
    process.exit(2);
  }
  const titles = entryTitles(knowledge);
  const blind = isBlindSet(file);
  const core = emptyTally();
  const outside = emptyTally();
  for (const item of items) {
    if (item.expect === ROUTES.crisis) continue;
    const got = outcomeOf(knowledge, titles, item.question);
    const right = tallyOutcome(item.expect === ROUTES.fallback ? outside : core, item.expect, got);
    if (!right && (details || !blind)) {
      console.log(`MIS  verwacht ${item.expect}, kreeg ${JSON.stringify(got)} : ${item.question}`);
    }
  }
  if (blind && !details) {
    console.log('Blinde meetset: de missers worden niet getoond (alleen tellingen).\n');
  }
  if (core.total > 0) {
    console.log(`Kernonderwerpen (${core.total} vragen):`);
    console.log(`  direct goed beantwoord          ${pct(core.answeredRight, core.total)}`);
    console.log(`  goed onderwerp als eerste keuze ${pct(core.offeredRight, core.total)}`);
    console.log('    (onder "Bedoelde u…", een weigering of het vriendelijke woord)');
    console.log(
      `  samen                           ${pct(core.answeredRight + core.offeredRight, core.total)}`,
    );
    console.log(`  zeker fout (fout antwoord)      ${pct(core.confidentWrong, core.total)}`);
    console.log(`  "Bedoelde u…"                   ${pct(core.didYouMean, core.total)}`);
    console.log(`  geweigerd                       ${pct(core.refused, core.total)}`);
    console.log(`  vriendelijk woord en een mens   ${pct(core.distress, core.total)}`);
  }
  if (outside.total > 0) {
    console.log(`Buiten ons vak (${outside.total} vragen):`);
    console.log(`  eerlijk geweigerd               ${pct(outside.refused, outside.total)}`);
    console.log(`  waarvan "gaat hier niet over"   ${pct(outside.elsewhere, outside.total)}`);
    console.log(`  "Bedoelde u…"                   ${pct(outside.didYouMean, outside.total)}`);
    console.log(
      `  een antwoord uit de kennisbank  ${pct(outside.total - outside.refused - outside.didYouMean - outside.distress - outside.crisis, outside.total)}`,
    );
    console.log(`  vriendelijk woord en een mens   ${pct(outside.distress, outside.total)}`);
  }
}

await main();
