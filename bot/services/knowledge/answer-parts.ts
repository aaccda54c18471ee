// An entry's answer is one Markdown text for the editor and up to three parts for the chat:
// the core of the advice (what fits one phone screen), the rest behind "Lees meer", and the
// part for confidential advisers. The editor marks them in the text itself:
//
//   ...the core of the advice...
//   <!-- meer -->
//   ...the rest, shown after "Lees meer"...
//   ## Voor vertrouwenspersonen
//   ...shown to people who are confidential advisers...

export interface AnswerParts {
  /** Shown first: everything before the marker (the whole answer without a marker). */
  first: string;
  /** Shown after "Lees meer"; empty when there is no marker. */
  more: string;
  /** The section for confidential advisers, without its heading; empty when there is none. */
  adviser: string;
}

/** A line with only this comment: "Lees meer" starts here. */
export const MORE_MARKER = '<!-- meer -->';
export const MORE_LINE = /^\s*<!--\s*meer\s*-->\s*$/i;
/** The heading of the advisers' section (any level of #), up to the next heading of that level
 *  or higher, or the end. */
const ADVISER_HEADING = /^(#{1,6})\s+voor vertrouwenspersonen\s*$/i;

/** About one phone screen (390×844) of chat text: longer first parts are on the go-live list. */
export const FIRST_PART_WORDS = 80;

/** Words a reader sees: Markdown marks, comments and links' addresses do not count. */
export function wordCount(markdown: string): number {
  const text = markdown
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[*_#>`[\]-]+/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

interface Lines {
  lines: string[];
  /** 0-based index of the marker line, or -1. */
  marker: number;
  /** 0-based [start, end) of the advisers' section including its heading, or undefined. */
  adviser: [number, number] | undefined;
}

function locate(body: string): Lines {
  const lines = body.split('\n');
  const marker = lines.findIndex((line) => MORE_LINE.test(line));
  const start = lines.findIndex((line) => ADVISER_HEADING.test(line));
  if (start < 0) return { lines, marker, adviser: undefined };
  const level = ADVISER_HEADING.exec(lines[start] ?? '')?.[1]?.length ?? 2;
  let end = start + 1;
  while (end < lines.length) {
    const heading = /^(#{1,6})\s/.exec(lines[end] ?? '');
    if (heading && (heading[1]?.length ?? 7) <= level) break;
    end += 1;
  }
  return { lines, marker, adviser: [start, end] };
}

const joined = (lines: string[]): string => lines.join('\n').trim();

export function answerParts(body: string): AnswerParts {
  const { lines, marker, adviser } = locate(body);
  const [from, to] = adviser ?? [lines.length, lines.length];
  const outside = (index: number): boolean => index < from || index >= to;
  const kept = lines.map((line, index) => (outside(index) ? line : undefined));
  const before = (end: number): string[] =>
    kept.slice(0, end).filter((line): line is string => line !== undefined);
  const first = marker < 0 ? before(lines.length) : before(marker);
  const more =
    marker < 0 ? [] : kept.slice(marker + 1).filter((line): line is string => line !== undefined);
  return {
    first: joined(first),
    more: joined(more),
    adviser: adviser ? joined(lines.slice(from + 1, to)) : '',
  };
}

/** Where the first part ends in the body (0-based line), for the checker's message. */
export function firstPartEndLine(body: string): number {
  const { lines, marker } = locate(body);
  return marker < 0 ? lines.length - 1 : marker;
}
