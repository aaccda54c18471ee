import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { answerParts, FIRST_PART_WORDS, MORE_MARKER, wordCount } from './answer-parts.ts';
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
  // Contact details still to fill in are left out of replies; course details read "op aanvraag".
  const shownAs =
    file === FILES.contacts
      ? 'de bot laat het weg tot het is ingevuld.'
      : 'gebruikers zien hier "op aanvraag".';
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
      message: `${field} is nog ${PLACEHOLDER}: ${shownAs}`,
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

/** No phone number or e-mail address in contacts.yaml is filled in: the bot can then only offer
 *  the contact request, and nobody can call or write to a confidential adviser directly. */
function noContactRoute(base: KnowledgeBase, lines: readonly string[]): GoLiveWarning[] {
  const direct = base.contacts.channels.some(
    (channel) =>
      (channel.type === 'telefoon' || channel.type === 'email') &&
      channel.value !== '' &&
      !isPlaceholder(channel.value),
  );
  if (direct) return [];
  const line = lines.findIndex((text) => /^channels:/.test(text)) + 1;
  return [
    {
      kind: 'contact',
      file: FILES.contacts,
      ...(line > 0 ? { line } : {}),
      message:
        'Er is nog geen telefoonnummer of e-mailadres van het bureau ingevuld: tot dan biedt de ' +
        'bot alleen het contactverzoek aan. Vul bij een kanaal van het type telefoon of email de echte value in.',
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
    // What the person sees first: the rest waits behind "Lees meer" (answer-parts.ts).
    const words = wordCount(answerParts(entry.body).first);
    if (words <= FIRST_PART_WORDS) continue;
    warnings.push({
      kind: 'lang',
      file: relative(dir, entry.file).split(sep).join('/'),
      line: bodyLine(texts.get(entry.file) ?? []),
      message:
        `Het eerste deel van het antwoord "${entry.title}" is ${words} woorden; op een telefoon ` +
        `past ongeveer ${FIRST_PART_WORDS}. Zet een regel met alleen ${MORE_MARKER} na de kern.`,
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
