import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isMap, isNode, isPair, LineCounter, parseDocument, type Document } from 'yaml';
import { Reporter } from '../check/diagnostics.ts';
import { KNOWLEDGE_FORMAT } from '../check/schemas.ts';
import { MOVED_FIELDS, parseExamplesFile } from './examples-file.ts';
import { examplesPath, FILES, isTemporaryFile } from './files.ts';
import { asRecord, asTexts } from './values.ts';

// Format 1 → 2: the example questions and keywords leave the head of each entry (and of
// course.yaml and contacts.yaml) for voorbeelden/<id>.yaml; entries get "format: 2". Only
// lines are moved: every other line, comments included, stays as the editor wrote it. What is
// written is read back with the real reader first, so nothing changes for the bot.

export interface MigratedFile {
  /** Relative to the knowledge folder. */
  file: string;
  examples: string;
  questions: number;
  keywords: number;
}

export interface MigrationReport {
  migrated: MigratedFile[];
  /** Already in format 2. */
  unchanged: string[];
  /** Could not be converted; nothing was written for them. */
  problems: { file: string; message: string }[];
}

const KEYWORD_LINE = 92;

const HEADERS: Record<string, string> = {
  course: 'course.yaml (de nascholing)',
  counsellor: 'contacts.yaml (contact met een vertrouwenspersoon)',
};

function examplesText(target: string, questions: string[], keywords: string[], notes: string[]) {
  const owner = HEADERS[target] ?? `${FILES.entries}/${target}.md`;
  const lines = [
    `# Voorbeeldvragen bij ${owner}: zo typen mensen hun vraag.`,
    '# Eén vraag per regel, met twee spaties ervoor; aanhalingstekens zijn niet nodig.',
    '# Uitleg: knowledge/README.md, "Een voorbeeldvraag toevoegen".',
    ...notes,
    `format: ${KNOWLEDGE_FORMAT}`,
    'questions: |',
    ...questions.map((q) => `  ${q}`),
  ];
  if (keywords.length > 0) {
    lines.push(
      '',
      '# Trefwoorden (mag u weglaten): woorden waaraan de bot dit onderwerp ook herkent, met',
      "# komma's ertussen. U hoeft ze niet bij te houden; zie knowledge/README.md.",
      'keywords: |',
    );
    let line = '';
    for (const keyword of keywords) {
      const next = line === '' ? keyword : `${line}, ${keyword}`;
      if (line !== '' && next.length + 3 > KEYWORD_LINE) {
        lines.push(`  ${line},`);
        line = keyword;
      } else line = next;
    }
    if (line !== '') lines.push(`  ${line}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The 0-based line ranges (inclusive) of the top-level fields `keys` in a YAML text. */
function fieldLines(doc: Document, counter: LineCounter, keys: readonly string[]) {
  const ranges: [number, number][] = [];
  if (!isMap(doc.contents)) return ranges;
  for (const item of doc.contents.items) {
    if (!isPair(item) || !isNode(item.key) || !item.key.range) continue;
    if (!keys.includes(String(item.key.toJSON()))) continue;
    const end = isNode(item.value) && item.value.range ? item.value.range[1] : item.key.range[1];
    ranges.push([
      counter.linePos(item.key.range[0]).line - 1,
      counter.linePos(Math.max(item.key.range[0], end - 1)).line - 1,
    ]);
  }
  return ranges;
}

interface Split {
  kept: string[];
  hasFormat: boolean;
  questions: string[];
  keywords: string[];
  notes: string[];
}

/** Takes the moved fields out of a YAML text's lines; undefined when it has none. */
function splitFields(yamlLines: string[]): Split | undefined | string {
  const counter = new LineCounter();
  const doc = parseDocument(yamlLines.join('\n'), { lineCounter: counter });
  if (doc.errors.length > 0)
    return 'de YAML is niet geldig; los eerst de fouten op (npm run kb:check)';
  const data = asRecord(doc.toJS());
  if (!MOVED_FIELDS.some((key) => key in data)) return undefined;
  const questions = asTexts(data.questions);
  const keywords = asTexts(data.keywords);
  if (questions.some((q) => q.includes('\n')) || keywords.some((k) => /[,\n]/.test(k)))
    return 'een vraag over meer regels of een trefwoord met een komma kan niet worden omgezet';
  const drop = new Set<number>();
  for (const [from, to] of fieldLines(doc, counter, MOVED_FIELDS))
    for (let line = from; line <= to; line++) drop.add(line);
  const notes = yamlLines.filter((line, i) => drop.has(i) && /^\s*#/.test(line));
  const kept = yamlLines.filter((_line, i) => !drop.has(i));
  return {
    kept,
    hasFormat: 'format' in data,
    questions,
    keywords,
    notes: notes.map((n) => n.trim()),
  };
}

async function exists(file: string): Promise<boolean> {
  return readFile(file).then(
    () => true,
    () => false,
  );
}

async function listNames(dir: string, extension: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((name) => name.endsWith(extension) && !isTemporaryFile(name))
      .sort();
  } catch {
    return [];
  }
}

/** Converts a knowledge folder from format 1 to 2 in place; files in format 2 are left alone. */
export async function migrateKnowledge(dir: string): Promise<MigrationReport> {
  const report: MigrationReport = { migrated: [], unchanged: [], problems: [] };
  const jobs: { file: string; target: string; isEntry: boolean }[] = [
    ...(await listNames(join(dir, FILES.entries), '.md')).map((name) => ({
      file: `${FILES.entries}/${name}`,
      target: basename(name, '.md'),
      isEntry: true,
    })),
    { file: FILES.course, target: 'course', isEntry: false },
    { file: FILES.contacts, target: 'counsellor', isEntry: false },
  ];
  for (const job of jobs) {
    const path = join(dir, job.file);
    if (!(await exists(path))) continue;
    const raw = (await readFile(path, 'utf8')).replace(/\r\n?/g, '\n');
    const lines = raw.split('\n');
    const close = job.isEntry ? lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l)) : -1;
    if (job.isEntry && (!/^---\s*$/.test(lines[0] ?? '') || close < 0)) {
      report.problems.push({ file: job.file, message: 'de kop tussen --- en --- ontbreekt' });
      continue;
    }
    const head = job.isEntry ? lines.slice(1, close) : lines;
    const split = splitFields(head);
    if (split === undefined) {
      report.unchanged.push(job.file);
      continue;
    }
    if (typeof split === 'string') {
      report.problems.push({ file: job.file, message: split });
      continue;
    }
    const examples = examplesText(job.target, split.questions, split.keywords, split.notes);
    const check = new Reporter();
    const read = parseExamplesFile(job.file, examples, check);
    const same =
      read !== undefined &&
      check.diagnostics.length === 0 &&
      JSON.stringify(read.questions.map((q) => q.text)) === JSON.stringify(split.questions) &&
      JSON.stringify(read.keywords) === JSON.stringify(split.keywords);
    if (!same) {
      report.problems.push({
        file: job.file,
        message:
          'de vragen komen na omzetten niet precies zo terug; zet dit bestand met de hand om',
      });
      continue;
    }
    const examplesFile = join(dir, examplesPath(job.target));
    if ((await exists(examplesFile)) && (await readFile(examplesFile, 'utf8')) !== examples) {
      report.problems.push({
        file: job.file,
        message: `${examplesPath(job.target)} bestaat al; voeg de vragen met de hand samen`,
      });
      continue;
    }
    const format = split.hasFormat ? [] : [`format: ${KNOWLEDGE_FORMAT}`];
    const kept = job.isEntry
      ? [lines[0] ?? '---', ...split.kept, ...format, ...lines.slice(close)]
      : split.kept;
    await mkdir(join(dir, FILES.examples), { recursive: true });
    await writeFile(examplesFile, examples);
    await writeFile(path, kept.join('\n'));
    report.migrated.push({
      file: job.file,
      examples: examplesPath(job.target),
      questions: split.questions.length,
      keywords: split.keywords.length,
    });
  }
  return report;
}
