// npm run kb:check [-- --live] — checks the knowledge folder like a compiler; exit 1 on any
// error. It also lists what must be settled before going live; with --live (what a production
// start does) those fail the check too, one line each.
import { checkKnowledgeDir } from '../check/check-all.ts';
import { errorCount, formatDiagnostic } from '../check/diagnostics.ts';
import { formatGoLive } from '../go-live.ts';
import { resolveKnowledgeDir } from '../paths.ts';

const live = process.argv.slice(2).includes('--live');
const dir = resolveKnowledgeDir();
const { diagnostics, summary, goLive } = await checkKnowledgeDir(dir);
for (const diagnostic of diagnostics) console.log(`${formatDiagnostic(diagnostic)}\n`);
const errors = errorCount(diagnostics);
const warnings = diagnostics.length - errors;

if (errors > 0) {
  console.log(
    `${errors} fout(en) en ${warnings} waarschuwing(en). Los de fouten op en controleer opnieuw met: npm run kb:check`,
  );
  process.exitCode = 1;
} else {
  if (goLive.length > 0) {
    console.log(live ? 'Niet klaar voor livegang:' : 'Nog te doen vóór livegang:');
    for (const warning of goLive) console.log(`  ${formatGoLive(warning, dir)}`);
    console.log('');
  }
  const s = summary;
  console.log(
    `Kennisbank in orde: ${s.entries} onderwerpen, ${s.questions} voorbeeldvragen (met course en counsellor), ` +
      `${s.synonymGroups} synoniemgroepen, ${s.crisisRules} crisisregels, ` +
      `${s.testFiles} testbestand(en) met ${s.testQuestions} vragen; ${warnings} waarschuwing(en); ` +
      `${goLive.length} punt(en) vóór livegang.`,
  );
  if (live && goLive.length > 0) {
    console.log(
      `De kennisbank is niet klaar voor livegang: ${goLive.length} punt(en) hierboven. ` +
        'De bot start zo niet met NODE_ENV=production.',
    );
    process.exitCode = 1;
  } else if (live) console.log('Klaar voor livegang.');
}
