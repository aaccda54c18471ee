import type { Reporter } from '../check/diagnostics.ts';
import { MORE_LINE, MORE_MARKER } from '../answer-parts.ts';

/**
 * Warns when the "Lees meer" marker is there twice (the second would show as text). `lines` is
 * the whole file; the answer starts at the 0-based line `bodyStart`. A first part that is too
 * long for a phone is a point of the go-live list (go-live.ts).
 */
export function checkAnswerParts(
  file: string,
  lines: readonly string[],
  bodyStart: number,
  reporter: Reporter,
): void {
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
}
