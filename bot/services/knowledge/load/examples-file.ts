import { isScalar } from 'yaml';
import type { Reporter } from '../check/diagnostics.ts';
import { validate } from '../check/schema.ts';
import { EXAMPLES_SCHEMA, MIN_QUESTIONS } from '../check/schemas.ts';
import { examplesPath } from './files.ts';
import type { Located } from './located.ts';
import { cleanSource } from './source.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

// voorbeelden/<id>.yaml holds the example questions of one target as a literal block: one
// question per line, no quotes, no dashes, so ": " or a quote in a question cannot break it.
// The keywords (optional) follow the same way, separated by commas or lines.

export interface Examples {
  questions: Located[];
  keywords: string[];
}

const FIELDS = Object.keys(EXAMPLES_SCHEMA.kind === 'object' ? EXAMPLES_SCHEMA.fields : {});
const FIELD_LINE = /^([A-Za-z][\w-]*)\s*:(\s|$)/;
const BLOCK_START = /\|[-+]?\s*(#.*)?$/;

/** One quote pair around a whole question and a leading "- " are habits from lists: the
 *  question is the same without them. */
function questionText(line: string): string {
  let text = line.trim().replace(/^-\s+/, '');
  const quoted = /^(["'])(.*)\1$/.exec(text);
  if (quoted) text = (quoted[2] ?? '').trim();
  return text;
}

/**
 * In a block, a line that does not start with a space ends the block. For the editor that is
 * a question or note without its two spaces: say so on that line, before YAML reads it as a
 * field or a syntax error somewhere below.
 */
function checkIndentation(file: string, lines: readonly string[], reporter: Reporter): boolean {
  let block: string | undefined;
  let ok = true;
  lines.forEach((line, index) => {
    if (line.trim() === '' || /^\s/.test(line)) return;
    const field = FIELD_LINE.exec(line)?.[1];
    // A field of its own (known, or a misspelt one that starts a block): the schema judges it.
    if (field !== undefined && (FIELDS.includes(field) || BLOCK_START.test(line))) {
      block = BLOCK_START.test(line) ? field : undefined;
      return;
    }
    if (block === undefined) return;
    if (line.startsWith('#') && !blockGoesOn(lines, index + 1)) return; // a note after the block
    ok = false;
    reporter.unreadable(
      file,
      { line: index + 1, column: 1 },
      line.startsWith('#')
        ? `deze notitie staat tussen de regels van "${block}" maar springt niet in`
        : `deze regel hoort bij "${block}" maar springt niet in`,
      `Zet er twee spaties voor, net als bij de regels erboven: alles onder "${block}: |" springt in.`,
    );
  });
  return ok;
}

/** Whether indented lines of the block follow (notes in between skipped) before a field. */
function blockGoesOn(lines: readonly string[], from: number): boolean {
  for (const line of lines.slice(from)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    return /^\s/.test(line);
  }
  return false;
}

function blockLines(
  parsed: ParsedYaml,
  key: string,
  file: string,
): { text: string; file: string; line: number }[] {
  const node = parsed.doc.get(key, true);
  if (!isScalar(node) || node.type !== 'BLOCK_LITERAL' || !node.range) return [];
  if (typeof node.value !== 'string') return [];
  const header = parsed.at(node.range[0]).line;
  return node.value.split('\n').map((text, index) => ({ text, file, line: header + 1 + index }));
}

/** A question as a line under "questions: |": one line, two spaces in front. */
export function blockLine(text: string): string {
  return `  ${text.replace(/\s+/g, ' ').trim()}`;
}

export function parseExamplesFile(
  file: string,
  raw: string,
  reporter: Reporter,
): Examples | undefined {
  const source = cleanSource(file, raw, reporter);
  if (source.tabs) return undefined;
  if (!checkIndentation(file, source.text.split('\n'), reporter)) return undefined;
  const parsed = parseYaml(source.text, file, reporter);
  if (!parsed) return undefined;
  const sourceLines = source.text.split('\n');
  validate(parsed.doc.toJS(), EXAMPLES_SCHEMA, [], { parsed, reporter, file });
  const questions: Located[] = [];
  for (const { text, line } of blockLines(parsed, 'questions', file)) {
    const question = questionText(text);
    if (question === '') continue;
    const at = { line, column: Math.max(0, (sourceLines[line - 1] ?? '').indexOf(question)) + 1 };
    if (/^#\s/.test(question))
      reporter.warn(
        file,
        at,
        'deze regel begint met "# " en telt als voorbeeldvraag, niet als notitie',
        'Onder "questions: |" is elke regel een vraag. Zet notities boven "questions:", of haal de # weg als het een vraag is.',
      );
    questions.push({ text: question, file, at });
  }
  if (blockLines(parsed, 'questions', file).length > 0 && questions.length < MIN_QUESTIONS) {
    reporter.error(
      file,
      parsed.keyPosition([], 'questions'),
      `${questions.length} voorbeeldvragen; minimaal ${MIN_QUESTIONS} nodig`,
      `Voeg er nog ${MIN_QUESTIONS - questions.length} toe, verschillend geformuleerd, zoals mensen ze echt typen.`,
    );
  }
  const keywords = blockLines(parsed, 'keywords', file)
    .flatMap(({ text }) => text.split(','))
    .map((keyword) => keyword.trim())
    .filter((keyword) => keyword !== '');
  return { questions, keywords };
}

/** The fields that moved out of the entry in format 2. */
export const MOVED_FIELDS = ['questions', 'keywords'] as const;

/**
 * Format 1 kept the questions and keywords in another file's head. One message for all of it
 * (at the first such field), and the fields are left out of what the schema sees.
 */
export function reportMovedFields(
  data: Record<string, unknown>,
  parsed: ParsedYaml,
  file: string,
  target: string,
  reporter: Reporter,
): boolean {
  const moved = MOVED_FIELDS.filter((key) => key in data);
  const first = moved[0];
  if (first === undefined) return false;
  reporter.error(
    file,
    parsed.keyPosition([], first),
    `"${moved.join('" en "')}" ${moved.length === 1 ? 'hoort' : 'horen'} niet meer in dit bestand`,
    `Voorbeeldvragen en trefwoorden staan in ${examplesPath(target)}: zet ze daar onder "questions: |" en "keywords: |", één per regel. npm run kb:migrate doet dat voor alle bestanden.`,
    first.length,
  );
  for (const key of moved) delete data[key];
  return true;
}
