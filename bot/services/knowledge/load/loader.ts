import { access, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { crossCheck, type TargetSource } from '../check/cross.ts';
import { errorCount, Reporter, type Diagnostic, type Position } from '../check/diagnostics.ts';
import { foldDiagnostics, type Unreadable } from '../check/fold.ts';
import { MIN_QUESTIONS } from '../check/schemas.ts';
import type { KnowledgeBase, KnowledgeEntry } from '../types.ts';
import {
  readContacts,
  readCourse,
  readCrisis,
  readOutOfScope,
  readSynonyms,
} from './data-files.ts';
import { parseEntryFile } from './entry-file.ts';
import { parseExamplesFile, type Examples } from './examples-file.ts';
import { examplesPath, FILES, isTemporaryFile } from './files.ts';
import { texts } from './located.ts';
import { readReferrals } from './referral-file.ts';
import { cleanSource } from './source.ts';

export { FILES, isTemporaryFile } from './files.ts';

export interface LoadResult {
  /** Present only when there are no errors. */
  base?: KnowledgeBase;
  /** One per mistake, the cause first (see check/fold.ts). */
  diagnostics: Diagnostic[];
  /** The files behind the matchable targets, for further checks (evaluation files). */
  sources: TargetSource[];
  /** Before folding: the checker adds the evaluation files' references and folds it all. */
  unfolded: { diagnostics: Diagnostic[]; unreadable: Unreadable };
}

const NO_EXAMPLES: Examples = { questions: [], keywords: [] };

/** The files with this extension in a folder (and below); anything else is named and skipped. */
async function listFiles(
  dir: string,
  extension: string,
  reporter: Reporter,
  missing: { message: string; hint: string } | undefined,
): Promise<string[]> {
  try {
    const names = await readdir(dir, { recursive: true, withFileTypes: true });
    const files: string[] = [];
    for (const item of names) {
      if (!item.isFile() || isTemporaryFile(item.name)) continue;
      const path = join(item.parentPath, item.name);
      if (item.name.endsWith(extension)) files.push(path);
      else
        reporter.warn(
          path,
          { line: 1, column: 1 },
          `dit bestand is geen ${extension}-bestand en wordt overgeslagen`,
          `Geef het de extensie ${extension}, of haal het weg uit ${basename(dir)}/.`,
        );
    }
    return files.sort();
  } catch {
    if (missing) reporter.error(dir, { line: 1, column: 1 }, missing.message, missing.hint);
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

/** Optional files may be absent; a present one is read and checked like the others. */
async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** Tabs are only fatal in the front matter; the body is Markdown. */
function frontMatterEnd(raw: string): number {
  return raw.split(/\r?\n/).findIndex((line, i) => i > 0 && /^---\s*$/.test(line)) + 1;
}

/** The examples of a target; 'absent' when its file does not exist (the caller says where). */
async function readExamples(
  dir: string,
  target: string,
  reporter: Reporter,
): Promise<Examples | 'absent'> {
  const file = join(dir, examplesPath(target));
  if (!(await exists(file))) return 'absent';
  const raw = await readRaw(file, reporter);
  return (raw === undefined ? undefined : parseExamplesFile(file, raw, reporter)) ?? NO_EXAMPLES;
}

function reportAbsent(target: string, owner: string, at: Position, reporter: Reporter): void {
  reporter.error(
    owner,
    at,
    `de voorbeeldvragen ontbreken: ${examplesPath(target)} bestaat niet`,
    `Maak ${examplesPath(target)} met minstens ${MIN_QUESTIONS} vragen: kopieer een bestand uit ${FILES.examples}/, geef het deze naam en vervang de vragen.`,
  );
}

interface ReadEntries {
  entries: KnowledgeEntry[];
  sources: TargetSource[];
  unreadable: Map<string, string>;
}

async function readEntries(dir: string, reporter: Reporter): Promise<ReadEntries> {
  const result: ReadEntries = { entries: [], sources: [], unreadable: new Map() };
  const files = await listFiles(join(dir, FILES.entries), '.md', reporter, {
    message: 'de map entries/ ontbreekt of is niet leesbaar',
    hint: 'Maak de map knowledge/entries/ aan met één .md-bestand per onderwerp.',
  });
  for (const file of files) {
    const raw = await readRaw(file, reporter);
    if (raw === undefined) continue;
    const end = frontMatterEnd(raw);
    const source = cleanSource(file, raw, reporter, end > 0 ? { tabsAreErrorsUntilLine: end } : {});
    const parsed = source.tabs ? undefined : parseEntryFile(file, source.text, reporter);
    if (!parsed) {
      result.unreadable.set(basename(file, '.md'), file);
      continue;
    }
    const { entry: head, followups, idAt } = parsed;
    const examples = await readExamples(dir, head.id, reporter);
    if (examples === 'absent') reportAbsent(head.id, file, idAt, reporter);
    const { questions, keywords } = examples === 'absent' ? NO_EXAMPLES : examples;
    // The fields in the order format 1 had them: the content hash stays the same.
    result.entries.push({
      id: head.id,
      title: head.title,
      questions: texts(questions),
      keywords,
      followups: head.followups,
      updated: head.updated,
      body: head.body,
      file,
    });
    result.sources.push({ target: head.id, file, idAt, questions, followups, isEntry: true });
  }
  return result;
}

/** A file in voorbeelden/ whose entry does not exist: it is a reference to that id. */
async function checkExampleFiles(
  dir: string,
  targets: ReadonlySet<string>,
  reporter: Reporter,
): Promise<void> {
  const files = await listFiles(join(dir, FILES.examples), '.yaml', reporter, undefined);
  for (const file of files) {
    const target = basename(file, '.yaml');
    if (targets.has(target)) continue;
    reporter.missing(
      'waarschuwing',
      file,
      { line: 1, column: 1 },
      target,
      `deze voorbeeldvragen horen bij geen onderwerp: ${FILES.entries}/${target}.md bestaat niet`,
      'Geef het bestand de naam van een onderwerp (de id, met .yaml), of haal het weg.',
    );
  }
}

async function readData<T>(
  dir: string,
  name: string,
  reporter: Reporter,
  read: (file: string, text: string, r: Reporter) => T | undefined,
): Promise<T | undefined> {
  const file = join(dir, name);
  const raw = await readRaw(file, reporter);
  if (raw === undefined) return undefined;
  const source = cleanSource(file, raw, reporter);
  return source.tabs ? undefined : read(file, source.text, reporter);
}

/** Reads and checks the whole knowledge folder. Never throws for content problems. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const reporter = new Reporter();
  const { entries, sources, unreadable } = await readEntries(dir, reporter);
  const courseExamples = await readExamples(dir, 'course', reporter);
  const course = await readData(dir, FILES.course, reporter, (file, text, r) =>
    readCourse(file, text, r, courseExamples === 'absent' ? NO_EXAMPLES : courseExamples),
  );
  const contactExamples = await readExamples(dir, 'counsellor', reporter);
  const contacts = await readData(dir, FILES.contacts, reporter, (file, text, r) =>
    readContacts(file, text, r, contactExamples === 'absent' ? NO_EXAMPLES : contactExamples),
  );
  const synonyms = await readData(dir, FILES.synonyms, reporter, readSynonyms);
  const crisis = await readData(dir, FILES.crisis, reporter, readCrisis);
  const outOfScope = (await exists(join(dir, FILES.outOfScope)))
    ? await readData(dir, FILES.outOfScope, reporter, readOutOfScope)
    : undefined;
  const referrals = (await exists(join(dir, FILES.referrals)))
    ? await readData(dir, FILES.referrals, reporter, readReferrals)
    : undefined;
  if (course) {
    const file = join(dir, FILES.course);
    if (courseExamples === 'absent' && !course.moved)
      reportAbsent('course', file, { line: 1, column: 1 }, reporter);
    sources.push({
      target: 'course',
      file,
      questions: courseExamples === 'absent' ? [] : courseExamples.questions,
      followups: course.followups,
      isEntry: false,
    });
  }
  if (contacts) {
    const file = join(dir, FILES.contacts);
    if (contactExamples === 'absent' && !contacts.moved)
      reportAbsent('counsellor', file, { line: 1, column: 1 }, reporter);
    sources.push({
      target: 'counsellor',
      file,
      questions: contactExamples === 'absent' ? [] : contactExamples.questions,
      followups: [],
      isEntry: false,
    });
  }
  if (outOfScope) {
    sources.push({
      target: 'fallback',
      file: join(dir, FILES.outOfScope),
      questions: outOfScope.questions,
      followups: [],
      isEntry: false,
    });
  }
  await checkExampleFiles(
    dir,
    new Set([...entries.map((e) => e.id), 'course', 'counsellor']),
    reporter,
  );
  crossCheck(sources, reporter);
  const unfolded = { diagnostics: reporter.diagnostics, unreadable };
  const diagnostics = foldDiagnostics(unfolded.diagnostics, unreadable);
  if (errorCount(diagnostics) > 0 || !course || !contacts || !synonyms || !crisis)
    return { diagnostics, sources, unfolded };
  const base: KnowledgeBase = {
    entries: new Map(entries.map((entry) => [entry.id, entry])),
    course: course.value,
    contacts: contacts.value,
    crisis: crisis.value,
    synonyms: synonyms.value,
    outOfScope: outOfScope?.value ?? [],
    referrals: referrals?.value ?? { referrals: [], ownTerms: [] },
    loadedAt: new Date(),
  };
  return { base, diagnostics, sources, unfolded };
}
