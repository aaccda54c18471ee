import {
  isCollection,
  isNode,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type ErrorCode,
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

const INDENT: [string, string] = [
  'de inspringing klopt niet',
  'Zet regels die bij elkaar horen precies even ver in, met spaties (geen tabs).',
];
const STRUCTURE: [string, string] = [
  'deze regel past niet in de opbouw van het bestand',
  'Controleer de regel: begint een lijstitem met "- "? Staat een veldnaam vooraan, met een dubbele punt erachter? Staat tekst met ": " of " #" tussen aanhalingstekens?',
];
const COLON: [string, string] = [
  'een dubbele punt op een onverwachte plek',
  'Staat er ": " (dubbele punt en spatie) midden in een tekst? Zet de hele tekst dan tussen dubbele aanhalingstekens, bijvoorbeeld "Let op: dit".',
];
const UNSUPPORTED: [string, string] = [
  'dit teken heeft in YAML een speciale betekenis die de kennisbank niet gebruikt',
  'Zet tekst die met &, *, ! of % begint tussen aanhalingstekens.',
];

/** Every error the YAML library knows, in Dutch: its own codes and English never reach an
 *  editor. The type makes a new code in a later version a compile error here. */
const YAML_HINTS: Record<ErrorCode, [string, string]> = {
  ALIAS_PROPS: UNSUPPORTED,
  BAD_ALIAS: UNSUPPORTED,
  BAD_DIRECTIVE: UNSUPPORTED,
  BAD_DQ_ESCAPE: [
    'een \\ tussen dubbele aanhalingstekens die YAML niet kent',
    'Schrijf \\\\ voor een echte schuine streep, of zet de tekst tussen enkele aanhalingstekens.',
  ],
  BAD_INDENT: INDENT,
  BAD_PROP_ORDER: UNSUPPORTED,
  BAD_SCALAR_START: [
    'deze tekst mag niet zo beginnen',
    'Zet tekst die met een bijzonder teken (@, `, %, *, &, !, |, >) begint tussen aanhalingstekens.',
  ],
  BLOCK_AS_IMPLICIT_KEY: COLON,
  BLOCK_IN_FLOW: [
    'een lijst met "- " binnen [ ]',
    'Schrijf binnen [ ] alleen woorden met komma\'s ertussen, zonder "- " en op één regel.',
  ],
  DUPLICATE_KEY: ['dit veld staat er twee keer', 'Haal een van de twee weg of voeg ze samen.'],
  IMPOSSIBLE: STRUCTURE,
  KEY_OVER_1024_CHARS: [
    'hier begint een veldnaam die niet eindigt',
    'Waarschijnlijk ontbreekt een "- " of een dubbele punt, of wordt een [ of aanhalingsteken hierboven niet gesloten.',
  ],
  MISSING_CHAR: [
    'er ontbreekt een teken (een afsluitend aanhalingsteken, haakje of dubbele punt)',
    'Sluit aanhalingstekens en haakjes [ ] op dezelfde regel af, en zet achter een veldnaam een dubbele punt.',
  ],
  MULTILINE_IMPLICIT_KEY: COLON,
  MULTIPLE_ANCHORS: UNSUPPORTED,
  MULTIPLE_DOCS: [
    'een tweede --- in het bestand',
    'Een YAML-bestand heeft hier maar één deel: haal de regel met --- weg.',
  ],
  MULTIPLE_TAGS: UNSUPPORTED,
  NON_STRING_KEY: STRUCTURE,
  RESOURCE_EXHAUSTION: [
    'het bestand is te groot of te diep genest om te lezen',
    'Vergelijk het met een bestand dat wel werkt.',
  ],
  TAB_AS_INDENT: ['er staat een tab als inspringing', 'Vervang de tab door spaties.'],
  TAG_RESOLVE_FAILED: UNSUPPORTED,
  UNEXPECTED_TOKEN: STRUCTURE,
  BAD_COLLECTION_TYPE: STRUCTURE,
};

interface Opener {
  offset: number;
  message: string;
  hint: string;
  length: number;
}

/** A quote or bracket that never closes: YAML notices it where the file ends or the next
 *  field starts; the editor needs the line where it opens. */
function unclosedOpener(doc: Document, text: string): Opener | undefined {
  let found: Opener | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (found || !node.range) return;
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
      if (quote === '') return;
      const source = text.slice(node.range[0], node.range[1]).trimEnd();
      const closed =
        source.length > 1 &&
        source.endsWith(quote) &&
        (quote === "'" || !/(^|[^\\])(\\\\)*\\"$/.test(source));
      if (!closed)
        found = {
          offset: node.range[0],
          length: 1,
          message: `het aanhalingsteken (${quote}) dat hier begint, wordt niet gesloten`,
          hint: `Zet aan het eind van de tekst ook een ${quote}, op dezelfde regel. Staat er een ${quote} midden in de tekst? Zet de hele tekst dan tussen ${quote === '"' ? "enkele (')" : 'dubbele (")'} aanhalingstekens.`,
        };
    },
    Seq(_key, node) {
      if (found || !node.flow || !node.range) return;
      if (!text.slice(node.range[0], node.range[1]).trimEnd().endsWith(']'))
        found = {
          offset: node.range[0],
          length: 1,
          message: 'de lijst die hier met [ begint, wordt niet gesloten met ]',
          hint: 'Zet ] aan het eind van de lijst, op dezelfde regel: [a, b, c].',
        };
    },
    Map(_key, node) {
      if (found || !node.flow || !node.range) return;
      if (!text.slice(node.range[0], node.range[1]).trimEnd().endsWith('}'))
        found = {
          offset: node.range[0],
          length: 1,
          message: 'de groep die hier met { begint, wordt niet gesloten met }',
          hint: 'Zet } aan het eind, op dezelfde regel, of haal de { weg.',
        };
    },
  });
  return found;
}

function firstError(errors: readonly YAMLError[]): YAMLError | undefined {
  return [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
}

/**
 * Parses YAML text. A syntax error makes the result undefined and is reported once, at its
 * cause: the first error in the file (what follows it is usually a consequence), or the line
 * where an unclosed quote or bracket opens.
 */
export function parseYaml(
  text: string,
  file: string,
  reporter: Reporter,
  lineOffset = 0,
): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const parsed = new ParsedYaml(doc, lineCounter, lineOffset);
  const error = firstError(doc.errors);
  if (!error) return parsed;
  const opener = unclosedOpener(doc, text);
  if (opener && opener.offset <= error.pos[0]) {
    reporter.unreadable(file, parsed.at(opener.offset), opener.message, opener.hint);
  } else {
    const [message, hint] = YAML_HINTS[error.code];
    reporter.unreadable(file, parsed.at(error.pos[0]), message, hint);
  }
  return undefined;
}
