import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { answerParts } from './answer-parts.ts';
import { FILES, isTemporaryFile } from './load/loader.ts';
import { PLACEHOLDER } from './placeholder.ts';
import type { KnowledgeBase } from './types.ts';

// What the bureau should settle before the bot goes live: fields still TE_VULLEN, the
// editors' own "Controleren vóór livegang" notes (comments in the files), and answers that do
// not fit on a phone screen, so a person has to scroll through one answer.

export interface GoLiveWarning {
  kind: 'te-vullen' | 'controleren' | 'lang';
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

export async function goLiveWarnings(dir: string, base: KnowledgeBase): Promise<GoLiveWarning[]> {
  const warnings: GoLiveWarning[] = [];
  for (const path of await filesIn(dir)) {
    const file = relative(dir, path).split(sep).join('/');
    const lines = (await readFile(path, 'utf8')).split(/\r?\n/);
    if (file === FILES.contacts || file === FILES.course)
      warnings.push(...placeholders(file, lines));
    warnings.push(...checkNotes(file, lines));
  }
  for (const entry of base.entries.values()) {
    // What the person sees first: the rest waits behind "Lees meer" (answer-parts.ts).
    const first = answerParts(entry.body).first;
    const screens = phoneScreens(first);
    if (screens <= 1) continue;
    warnings.push({
      kind: 'lang',
      file: relative(dir, entry.file).split(sep).join('/'),
      message:
        `Het eerste deel van het antwoord "${entry.title}" is ongeveer ` +
        `${screens.toFixed(1).replace('.', ',')} telefoonschermen lang (${first.length} tekens).`,
    });
  }
  return warnings;
}
