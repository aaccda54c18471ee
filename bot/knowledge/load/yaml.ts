import {
  isCollection,
  isNode,
  LineCounter,
  parseDocument,
  type Document,
  type YAMLError,
} from 'yaml';
import type { Position, Reporter } from '../check/diagnostics.ts';

/** A parsed YAML text that can say where any of its values is, in lines of the whole file. */
export class ParsedYaml {
  readonly doc: Document;
  private readonly lineCounter: LineCounter;
  private readonly lineOffset: number;

  constructor(doc: Document, lineCounter: LineCounter, lineOffset: number) {
    this.doc = doc;
    this.lineCounter = lineCounter;
    this.lineOffset = lineOffset;
  }

  at(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(offset);
    return { line: line + this.lineOffset, column: col };
  }

  /** Where the value at `path` starts (or its parent, when the value is missing). */
  positionOf(path: readonly (string | number)[]): Position {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return this.at(node.range[0]);
    }
    return { line: 1 + this.lineOffset, column: 1 };
  }

  /** Where the key of `path` starts: better than its value for "unknown key" reports. */
  keyPosition(parent: readonly (string | number)[], key: string): Position {
    const node = parent.length === 0 ? this.doc.contents : this.doc.getIn(parent, true);
    if (isCollection(node)) {
      for (const item of node.items) {
        const k = (item as { key?: unknown }).key;
        if (isNode(k) && k.range && String((k as { value?: unknown }).value) === key) {
          return this.at(k.range[0]);
        }
      }
    }
    return this.positionOf(parent);
  }
}

const YAML_HINTS: Partial<Record<YAMLError['code'], [string, string]>> = {
  BAD_INDENT: [
    'de inspringing klopt niet',
    'Zet items van dezelfde lijst precies onder elkaar, met spaties (geen tabs).',
  ],
  TAB_AS_INDENT: ['er staat een tab als inspringing', 'Vervang de tab door twee spaties.'],
  DUPLICATE_KEY: ['dit veld staat er twee keer', 'Haal een van de twee weg of voeg ze samen.'],
  MISSING_CHAR: [
    'er ontbreekt een teken (een afsluitend aanhalingsteken of haakje)',
    'Sluit aanhalingstekens en haakjes [ ] op dezelfde regel af.',
  ],
  BLOCK_AS_IMPLICIT_KEY: [
    'een dubbele punt op een onverwachte plek',
    'Zet tekst met een dubbele punt tussen aanhalingstekens, bijvoorbeeld "Let op: dit".',
  ],
  MULTILINE_IMPLICIT_KEY: [
    'een veldnaam loopt over meer regels',
    'Zet tekst met een dubbele punt tussen aanhalingstekens, of begin de lijst met "- ".',
  ],
  UNEXPECTED_TOKEN: [
    'onverwacht teken',
    'Controleer de regel: begint een lijstitem met "- "? Staat tekst met : of # tussen aanhalingstekens?',
  ],
  BAD_SCALAR_START: [
    'deze tekst mag niet zo beginnen',
    'Zet tekst die met een bijzonder teken (@, `, %, *, &, !, |, >) begint tussen aanhalingstekens.',
  ],
};

/** Parses YAML text; syntax errors are reported in Dutch and make the result undefined. */
export function parseYaml(
  text: string,
  file: string,
  reporter: Reporter,
  lineOffset = 0,
): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const parsed = new ParsedYaml(doc, lineCounter, lineOffset);
  for (const error of doc.errors) {
    const [message, hint] = YAML_HINTS[error.code] ?? [
      `de YAML is hier niet geldig (${error.code})`,
      'Vergelijk de regel met een bestand dat wel werkt; let op inspringing, "- " en aanhalingstekens.',
    ];
    reporter.error(file, parsed.at(error.pos[0]), message, hint);
  }
  return doc.errors.length === 0 ? parsed : undefined;
}
