import { basename } from 'node:path';
import type { Position, Reporter } from '../check/diagnostics.ts';
import { validate } from '../check/schema.ts';
import { ENTRY_SCHEMA, KNOWLEDGE_FORMAT } from '../check/schemas.ts';
import { checkAnswerParts } from './answer-check.ts';
import type { KnowledgeEntry } from '../types.ts';
import { MOVED_FIELDS, reportMovedFields } from './examples-file.ts';
import { examplesPath } from './files.ts';
import { locatedList, type Located } from './located.ts';
import { asRecord, asText } from './values.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

/** An entry as its own file has it: the example questions and keywords are read apart. */
export type EntryHead = Omit<KnowledgeEntry, 'questions' | 'keywords'>;

export interface ParsedEntry {
  entry: EntryHead;
  parsed: ParsedYaml;
  followups: Located[];
  idAt: Position;
}

const FENCE = /^---\s*$/;

/** Splits an entry file into front matter and body, validates both, and returns what it read. */
export function parseEntryFile(
  file: string,
  text: string,
  reporter: Reporter,
): ParsedEntry | undefined {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    reporter.unreadable(
      file,
      { line: 1, column: 1 },
      'het bestand begint niet met ---',
      'Zet bovenaan een regel met alleen ---, daaronder id, title, followups, updated en format, dan weer --- en daaronder het antwoord.',
    );
    return undefined;
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close < 0) {
    reporter.unreadable(
      file,
      { line: 1, column: 1 },
      'de kop met velden wordt niet afgesloten met ---',
      'Zet na de laatste regel van de velden (meestal format) een regel met alleen ---.',
    );
    return undefined;
  }
  const parsed = parseYaml(lines.slice(1, close).join('\n'), file, reporter, 1);
  if (!parsed) return undefined;
  const record = asRecord(parsed.doc.toJS());
  const expected = basename(file, '.md');
  if (record.format === undefined && MOVED_FIELDS.some((key) => key in record)) {
    reporter.unreadable(
      file,
      { line: 1, column: 1 },
      'dit antwoordbestand heeft nog het oude formaat (de voorbeeldvragen staan in de kop)',
      `Sinds formaat ${KNOWLEDGE_FORMAT} staan de voorbeeldvragen in ${examplesPath(expected)}. Zet de hele map om met: npm run kb:migrate (zie knowledge/README.md).`,
      3,
    );
    return undefined;
  }
  const id = asText(record.id);
  reportMovedFields(record, parsed, file, id || expected, reporter);
  validate(record, ENTRY_SCHEMA, [], { parsed, reporter, file });
  if (id !== '' && id !== expected) {
    reporter.error(
      file,
      parsed.positionOf(['id']),
      `de id "${id}" is niet gelijk aan de bestandsnaam "${expected}.md"`,
      `Maak ze gelijk: zet "id: ${expected}", of hernoem het bestand naar "${id}.md". Bestaande ids niet hernoemen: links en statistieken gebruiken ze.`,
    );
  }
  const body = lines
    .slice(close + 1)
    .join('\n')
    .trim();
  if (body === '') {
    reporter.error(
      file,
      { line: Math.min(close + 2, lines.length), column: 1 },
      'het antwoord is leeg',
      'Schrijf onder de tweede --- het antwoord dat de bot laat zien.',
    );
  } else checkAnswerParts(file, lines, close + 1, reporter);
  const followups = locatedList(record.followups, parsed, ['followups'], file);
  const entry: EntryHead = {
    id: id || expected,
    title: asText(record.title),
    followups: followups.map((f) => f.text),
    updated: asText(record.updated),
    body,
    file,
  };
  return { entry, parsed, followups, idAt: parsed.positionOf(['id']) };
}
