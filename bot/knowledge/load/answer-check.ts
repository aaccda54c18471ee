import type { Reporter } from '../check/diagnostics.ts';
import { answerParts, FIRST_PART_WORDS, MORE_MARKER, wordCount } from '../answer-parts.ts';

const MORE_LINE = /^\s*<!--\s*meer\s*-->\s*$/i;

/**
 * Warns when the first message of an answer will not fit one phone screen, and when the
 * "Lees meer" marker is there twice (the second would show as text). `lines` is the whole
 * file; the answer starts at the 0-based line `bodyStart`.
 */
export function checkAnswerParts(
  file: string,
  lines: readonly string[],
  bodyStart: number,
  reporter: Reporter,
): void {
  const body = lines.slice(bodyStart).join('\n');
  const markers = lines
    .map((line, index) => (index >= bodyStart && MORE_LINE.test(line) ? index : -1))
    .filter((index) => index >= 0);
  for (const extra of markers.slice(1)) {
    reporter.warn(
      file,
      { line: extra + 1, column: 1 },
      `${MORE_MARKER} staat er meer dan één keer in`,
      'Het antwoord wordt maar op één plek gesplitst: bij de eerste. Haal de andere weg.',
      (lines[extra] ?? '').length,
    );
  }
  const words = wordCount(answerParts(body).first);
  if (words <= FIRST_PART_WORDS) return;
  const marker = markers[0];
  const firstText = lines.findIndex((line, index) => index >= bodyStart && line.trim() !== '');
  const at = marker ?? (firstText < 0 ? bodyStart : firstText);
  reporter.warn(
    file,
    { line: at + 1, column: 1 },
    marker === undefined
      ? `het antwoord is ${words} woorden en heeft geen ${MORE_MARKER}: op een telefoon past ongeveer ${FIRST_PART_WORDS}`
      : `het eerste deel van het antwoord (tot ${MORE_MARKER}) is ${words} woorden: op een telefoon past ongeveer ${FIRST_PART_WORDS}`,
    `Zet een regel met alleen ${MORE_MARKER} na de kern van het advies (hooguit ${FIRST_PART_WORDS} woorden). ` +
      'De rest komt achter de knop "Lees meer"; er gaat niets verloren.',
    (lines[at] ?? '').length || 1,
  );
}
