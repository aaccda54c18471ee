import type { Reporter } from '../check/diagnostics.ts';

const BOM = '\uFEFF';

export interface CleanSource {
  /** The text with BOMs removed and line endings unified. */
  text: string;
  /** A tab where YAML reads it: the file cannot be read until the tab is gone, so YAML's own
   *  errors about it (a consequence) are not shown. */
  tabs: boolean;
}

/**
 * Checks what editors cannot see: byte-order marks and tabs. Returns the text with BOMs
 * removed and line endings unified, so the remaining checks still run and point at the
 * right lines.
 */
export function cleanSource(
  file: string,
  raw: string,
  reporter: Reporter,
  options: { tabsAreErrorsUntilLine?: number } = {},
): CleanSource {
  reporter.addSource(file, raw.replace(/\r\n?/g, '\n'));
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  let tabs = false;
  lines.forEach((line, index) => {
    const at = (column: number) => ({ line: index + 1, column: column + 1 });
    const bom = line.indexOf(BOM);
    if (bom >= 0) {
      reporter.unreadable(
        file,
        at(bom),
        'onzichtbaar BOM-teken (U+FEFF) in het bestand',
        'Sla het bestand op als "UTF-8" zonder BOM (in VS Code: klik rechtsonder op de codering en kies "Save with Encoding" → "UTF-8").',
      );
    }
    const tab = line.indexOf('\t');
    if (tab < 0) return;
    const strict =
      options.tabsAreErrorsUntilLine === undefined || index + 1 <= options.tabsAreErrorsUntilLine;
    const hint =
      'Vervang de tab door spaties (twee per inspringing); YAML leest geen tabs en in antwoorden verspringt de tekst.';
    if (strict) {
      tabs = true;
      reporter.unreadable(file, at(tab), 'tab-teken in de tekst', hint);
    } else reporter.warn(file, at(tab), 'tab-teken in de tekst', hint);
  });
  return { text: lines.join('\n').replaceAll(BOM, ''), tabs };
}
