import { basename } from 'node:path';
import type { Reporter } from '../check/diagnostics.ts';
import { validate } from '../check/schema.ts';
import { ENTRY_SCHEMA } from '../check/schemas.ts';
import { checkAnswerParts } from './answer-check.ts';
import type { KnowledgeEntry } from '../types.ts';
import { asRecord, asText, asTexts } from './values.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

export interface ParsedEntry {
  entry: KnowledgeEntry;
  parsed: ParsedYaml;
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
    reporter.error(
      file,
      { line: 1, column: 1 },
      'het bestand begint niet met ---',
      'Zet bovenaan een regel met alleen ---, daaronder id, title, questions, followups en updated, dan weer --- en daaronder het antwoord.',
    );
    return undefined;
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close < 0) {
    reporter.error(
      file,
      { line: 1, column: 1 },
      'de kop met velden wordt niet afgesloten met ---',
      'Zet na de laatste regel van de velden (meestal updated) een regel met alleen ---.',
    );
    return undefined;
  }
  const parsed = parseYaml(lines.slice(1, close).join('\n'), file, reporter, 1);
  if (!parsed) return undefined;
  const data: unknown = parsed.doc.toJS();
  validate(data, ENTRY_SCHEMA, [], { parsed, reporter, file });
  const record = asRecord(data);
  const id = asText(record.id);
  const expected = basename(file, '.md');
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
  const entry: KnowledgeEntry = {
    id: id || expected,
    title: asText(record.title),
    questions: asTexts(record.questions),
    keywords: asTexts(record.keywords),
    followups: asTexts(record.followups),
    updated: asText(record.updated),
    body,
    file,
  };
  return { entry, parsed };
}
