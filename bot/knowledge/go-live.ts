import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { FILES, isTemporaryFile } from './load/files.ts';
import { isPlaceholder, PLACEHOLDER } from './placeholder.ts';
import type { KnowledgeBase } from './types.ts';

// What the bureau should settle before the bot goes live: fields still TE_VULLEN, the
// editors' own "Controleren vóór livegang" notes (comments in the files), answers whose first
// message does not fit on a phone screen, and no filled-in way at all to reach a person.
// `npm run kb:check` lists them; `kb:check --live` and a production start refuse them.

export const GO_LIVE_KINDS = ['te-vullen', 'controleren', 'lang', 'contact'] as const;

export interface GoLiveWarning {
  kind: (typeof GO_LIVE_KINDS)[number];
  /** Relative to the knowledge folder, with "/". */
  file: string;
  line?: number;
  message: string;
}

const CHECK_NOTE = /controleren v[oó]{2}r livegang:?\s*(.*)$/i;

/** A phone in portrait (390×844): about 38 characters on a line of the chat bubble, and about
 *  28 lines of text fit between the page header and the send box. */
export const PHONE_LINE_CHARS = 38;
export const PHONE_SCREEN_LINES = 28;

/** The conversation's "Lees meer" marker: a line with only this comment. Until the bot splits
 *  answers there, no entry has it and the first message is the whole answer. */
const MORE_LINE = /^\s*<!--\s*meer\s*-->\s*$/i;

/** The first message of an answer: the text before the "Lees meer" marker, else all of it. */
export function firstPart(body: string): string {
  const lines = body.split('\n');
  const marker = lines.findIndex((line) => MORE_LINE.test(line));
  return (marker < 0 ? lines : lines.slice(0, marker)).join('\n').trim();
}

/** How many phone screens an answer fills, estimated from its lines wrapped at 38 characters
 *  (a blank line between paragraphs counts as a line). */
export function phoneScreens(markdown: string): number {
  const lines = markdown
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / PHONE_LINE_CHARS)), 0);
  return lines / PHONE_SCREEN_LINES;
}

async function filesIn(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const item of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!item.isFile() || isTemporaryFile(item.name) || item.name === 'README.md') continue;
    const path = join(item.parentPath, item.name);
    if (relative(dir, path).split(sep)[0] === FILES.tests) continue;
    if (/\.(md|ya?ml)$/.test(item.name)) found.push(path);
  }
  return found.sort();
}

function placeholders(file: string, lines: string[]): GoLiveWarning[] {
  const warnings: GoLiveWarning[] = [];
  let label = '';
  lines.forEach((text, index) => {
    const line = text.replace(/\s+#.*$/, '');
    if (/^\s*#/.test(line)) return;
    const labelled = /^\s*-?\s*label:\s*(.+)$/.exec(line);
    if (labelled) label = labelled[1]?.trim() ?? '';
    if (!line.includes(PLACEHOLDER)) return;
    const key = /^\s*-?\s*([\w]+):/.exec(line)?.[1] ?? '';
    const field = key === 'value' && label !== '' ? `value van "${label}"` : key || 'lijstregel';
    warnings.push({
      kind: 'te-vullen',
      file,
      line: index + 1,
      message: `${field} is nog ${PLACEHOLDER}: gebruikers zien hier "op aanvraag".`,
    });
  });
  return warnings;
}

/** The 1-based line on which the answer of an entry file begins (after the second ---). */
function bodyLine(lines: readonly string[]): number {
  const close = lines.findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
  const first = lines.findIndex((line, i) => i > close && line.trim() !== '');
  return (first < 0 ? close + 1 : first) + 1;
}

function checkNotes(file: string, lines: string[]): GoLiveWarning[] {
  const warnings: GoLiveWarning[] = [];
  lines.forEach((text, index) => {
    const note = CHECK_NOTE.exec(text);
    if (!note) return;
    const parts = [note[1]?.trim() ?? ''];
    // The note goes on in the comment lines right below it.
    for (let next = index + 1; next < lines.length; next += 1) {
      const more = /^\s*#\s?(.*)$/.exec(lines[next] ?? '');
      if (!more || CHECK_NOTE.test(lines[next] ?? '')) break;
      parts.push(more[1]?.trim() ?? '');
    }
    warnings.push({ kind: 'controleren', file, line: index + 1, message: parts.join(' ').trim() });
  });
  return warnings;
}

/** No channel in contacts.yaml is filled in: nobody can reach a person from the bot. */
function noContactRoute(base: KnowledgeBase, lines: readonly string[]): GoLiveWarning[] {
  if (base.contacts.channels.some((channel) => !isPlaceholder(channel.value))) return [];
  const line = lines.findIndex((text) => /^channels:/.test(text)) + 1;
  const kinds = base.contacts.channels.map((channel) => channel.type).join(', ');
  return [
    {
      kind: 'contact',
      file: FILES.contacts,
      ...(line > 0 ? { line } : {}),
      message: `Geen enkele manier om een vertrouwenspersoon te bereiken is ingevuld (${kinds}): vul minstens één kanaal in.`,
    },
  ];
}

export async function goLiveWarnings(dir: string, base: KnowledgeBase): Promise<GoLiveWarning[]> {
  const warnings: GoLiveWarning[] = [];
  const texts = new Map<string, string[]>();
  for (const path of await filesIn(dir)) {
    const file = relative(dir, path).split(sep).join('/');
    const lines = (await readFile(path, 'utf8')).split(/\r?\n/);
    texts.set(path, lines);
    if (file === FILES.contacts || file === FILES.course)
      warnings.push(...placeholders(file, lines));
    if (file === FILES.contacts) warnings.push(...noContactRoute(base, lines));
    warnings.push(...checkNotes(file, lines));
  }
  for (const entry of base.entries.values()) {
    const first = firstPart(entry.body);
    const screens = phoneScreens(first);
    if (screens <= 1) continue;
    warnings.push({
      kind: 'lang',
      file: relative(dir, entry.file).split(sep).join('/'),
      line: bodyLine(texts.get(entry.file) ?? []),
      message:
        `Het antwoord "${entry.title}" is ongeveer ${screens.toFixed(1).replace('.', ',')} ` +
        `telefoonschermen lang (${first.length} tekens); op een telefoon moet iemand erdoor scrollen.`,
    });
  }
  return warnings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** One line: where, and what to settle. */
export function formatGoLive(warning: GoLiveWarning, dir: string, cwd = process.cwd()): string {
  const path = relative(cwd, join(dir, warning.file)) || warning.file;
  const what =
    warning.kind === 'controleren'
      ? `controleren vóór livegang: ${warning.message}`
      : warning.message;
  return `${path}${warning.line === undefined ? '' : `:${warning.line}`}: ${what}`;
}
