// The names of the knowledge folder's files and folders, defined once.

export const FILES = {
  entries: 'entries',
  /** One file per entry (and for course and counsellor) with its example questions. */
  examples: 'voorbeelden',
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

/** Where the example questions of a target (an entry id, course or counsellor) live,
 *  relative to the knowledge folder. */
export function examplesPath(target: string): string {
  return `${FILES.examples}/${target}.yaml`;
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
