// npm run kb:migrate — converts the knowledge folder (KNOWLEDGE_DIR, else knowledge/) from
// format 1 to format 2 in place, then checks it. Files already in format 2 are left alone.
import { checkKnowledgeDir } from '../check/check-all.ts';
import { errorCount } from '../check/diagnostics.ts';
import { migrateKnowledge } from '../load/migrate.ts';
import { resolveKnowledgeDir } from '../paths.ts';

const dir = resolveKnowledgeDir();
const report = await migrateKnowledge(dir);
for (const m of report.migrated)
  console.log(
    `${m.file}: ${m.questions} voorbeeldvragen${m.keywords > 0 ? ` en ${m.keywords} trefwoorden` : ''} naar ${m.examples}`,
  );
for (const p of report.problems) console.log(`${p.file}: niet omgezet: ${p.message}`);
console.log(
  `${report.migrated.length} bestand(en) omgezet, ${report.unchanged.length} al in het nieuwe formaat, ` +
    `${report.problems.length} niet omgezet.`,
);
const errors = errorCount((await checkKnowledgeDir(dir)).diagnostics);
console.log(
  errors === 0
    ? 'De kennisbank is in orde (npm run kb:check toont de details).'
    : `Er ${errors === 1 ? 'is nog 1 fout' : `zijn nog ${errors} fouten`}: zie npm run kb:check.`,
);
if (report.problems.length > 0 || errors > 0) process.exitCode = 1;
