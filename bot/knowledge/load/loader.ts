import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crossCheck, type TargetSource } from '../check/cross.ts';
import { errorCount, Reporter, type Diagnostic } from '../check/diagnostics.ts';
import type { KnowledgeBase, KnowledgeEntry } from '../types.ts';
import {
  readContacts,
  readCourse,
  readCrisis,
  readOutOfScope,
  readSynonyms,
  type ReadFile,
} from './data-files.ts';
import { parseEntryFile } from './entry-file.ts';
import { readReferrals } from './referral-file.ts';
import { cleanSource } from './source.ts';

export const FILES = {
  entries: 'entries',
  course: 'course.yaml',
  contacts: 'contacts.yaml',
  synonyms: 'synonyms.yaml',
  crisis: 'crisis.yaml',
  outOfScope: 'out-of-scope.yaml',
  referrals: 'verwijzingen.yaml',
  tests: 'tests',
  /** Inside tests/: the safety test sets (crisis, gewoon, twijfel). */
  safetyTests: 'veiligheid',
} as const;

interface ReadEntry {
  entry: KnowledgeEntry;
  source: TargetSource;
}

export interface LoadResult {
  /** Present only when there are no errors. */
  base?: KnowledgeBase;
  diagnostics: Diagnostic[];
  /** The files behind the matchable targets, for further checks (evaluation files). */
  sources: TargetSource[];
}

/** Editors' swap and backup files are not knowledge; they come and go while someone types. */
export function isTemporaryFile(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('#') ||
    name.endsWith('~') ||
    /\.(swp|swx|tmp|bak)$/.test(name)
  );
}

async function listEntryFiles(dir: string, reporter: Reporter): Promise<string[]> {
  try {
    const names = await readdir(dir, { recursive: true, withFileTypes: true });
    const files: string[] = [];
    for (const item of names) {
      if (!item.isFile() || isTemporaryFile(item.name)) continue;
      const path = join(item.parentPath, item.name);
      if (item.name.endsWith('.md')) files.push(path);
      else
        reporter.warn(
          path,
          { line: 1, column: 1 },
          'dit bestand is geen .md-bestand en wordt overgeslagen',
          'Geef een antwoordbestand de extensie .md, of haal het weg uit entries/.',
        );
    }
    return files.sort();
  } catch {
    reporter.error(
      dir,
      { line: 1, column: 1 },
      'de map entries/ ontbreekt of is niet leesbaar',
      'Maak de map knowledge/entries/ aan met één .md-bestand per onderwerp.',
    );
    return [];
  }
}

/** The file's text, or undefined (and an error) when it is absent or unreadable. */
export async function readRaw(file: string, reporter: Reporter): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    reporter.error(
      file,
      { line: 1, column: 1 },
      'het bestand ontbreekt of is niet leesbaar',
      'Zet het bestand terug (zie knowledge/README.md voor de opbouw).',
    );
    return undefined;
  }
}

/** Tabs are only fatal in the front matter; the body is Markdown. */
function frontMatterEnd(raw: string): number {
  return raw.split(/\r?\n/).findIndex((line, i) => i > 0 && /^---\s*$/.test(line)) + 1;
}

async function readEntries(dir: string, reporter: Reporter): Promise<ReadEntry[]> {
  const result: ReadEntry[] = [];
  for (const file of await listEntryFiles(join(dir, FILES.entries), reporter)) {
    const raw = await readRaw(file, reporter);
    if (raw === undefined) continue;
    const end = frontMatterEnd(raw);
    const text = cleanSource(file, raw, reporter, end > 0 ? { tabsAreErrorsUntilLine: end } : {});
    const parsed = parseEntryFile(file, text, reporter);
    if (!parsed) continue;
    const { entry } = parsed;
    result.push({
      entry,
      source: {
        target: entry.id,
        file,
        parsed: parsed.parsed,
        questions: entry.questions,
        followups: entry.followups,
        isEntry: true,
      },
    });
  }
  return result;
}

async function readData<T>(
  dir: string,
  name: string,
  reporter: Reporter,
  read: (file: string, text: string, r: Reporter) => ReadFile<T> | undefined,
): Promise<ReadFile<T> | undefined> {
  const file = join(dir, name);
  const raw = await readRaw(file, reporter);
  return raw === undefined ? undefined : read(file, cleanSource(file, raw, reporter), reporter);
}

/** Optional files may be absent; a present one is read and checked like the others. */
async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Reads and checks the whole knowledge folder. Never throws for content problems. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const reporter = new Reporter();
  const entries = await readEntries(dir, reporter);
  const course = await readData(dir, FILES.course, reporter, readCourse);
  const contacts = await readData(dir, FILES.contacts, reporter, readContacts);
  const synonyms = await readData(dir, FILES.synonyms, reporter, readSynonyms);
  const crisis = await readData(dir, FILES.crisis, reporter, readCrisis);
  const outOfScope = (await exists(join(dir, FILES.outOfScope)))
    ? await readData(dir, FILES.outOfScope, reporter, readOutOfScope)
    : undefined;
  const referrals = (await exists(join(dir, FILES.referrals)))
    ? await readData(dir, FILES.referrals, reporter, readReferrals)
    : undefined;
  const sources = entries.map((e) => e.source);
  if (course) {
    const { questions, followups } = course.value;
    sources.push({
      target: 'course',
      file: join(dir, FILES.course),
      parsed: course.parsed,
      questions,
      followups,
      isEntry: false,
    });
  }
  if (contacts) {
    sources.push({
      target: 'counsellor',
      file: join(dir, FILES.contacts),
      parsed: contacts.parsed,
      questions: contacts.value.questions,
      followups: [],
      isEntry: false,
    });
  }
  if (outOfScope) {
    sources.push({
      target: 'fallback',
      file: join(dir, FILES.outOfScope),
      parsed: outOfScope.parsed,
      questions: outOfScope.value,
      followups: [],
      isEntry: false,
    });
  }
  crossCheck(sources, reporter);
  const diagnostics = reporter.diagnostics;
  if (errorCount(diagnostics) > 0 || !course || !contacts || !synonyms || !crisis)
    return { diagnostics, sources };
  const base: KnowledgeBase = {
    entries: new Map(entries.map(({ entry }) => [entry.id, entry])),
    course: course.value,
    contacts: contacts.value,
    crisis: crisis.value,
    synonyms: synonyms.value,
    outOfScope: outOfScope?.value ?? [],
    referrals: referrals?.value ?? { referrals: [], ownTerms: [] },
    loadedAt: new Date(),
  };
  return { base, diagnostics, sources };
}
