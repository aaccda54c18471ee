// npm run kb:check — checks the knowledge folder like a compiler; exit 1 on any error.
import { checkKnowledgeDir } from '../check/check-all.ts';
import { errorCount, formatDiagnostic } from '../check/diagnostics.ts';
import { resolveKnowledgeDir } from '../paths.ts';

const dir = resolveKnowledgeDir();
const { diagnostics, summary } = await checkKnowledgeDir(dir);
for (const diagnostic of diagnostics) console.log(`${formatDiagnostic(diagnostic)}\n`);
const errors = errorCount(diagnostics);
const warnings = diagnostics.length - errors;

if (errors > 0) {
  console.log(
    `${errors} fout(en) en ${warnings} waarschuwing(en). Los de fouten op en controleer opnieuw met: npm run kb:check`,
  );
  process.exitCode = 1;
} else {
  const s = summary;
  console.log(
    `Kennisbank in orde: ${s.entries} onderwerpen, ${s.questions} voorbeeldvragen (met course en counsellor), ` +
      `${s.synonymGroups} synoniemgroepen, ${s.crisisRules} crisisregels, ` +
      `${s.testFiles} testbestand(en) met ${s.testQuestions} vragen; ${warnings} waarschuwing(en).`,
  );
}
