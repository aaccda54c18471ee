import { relative } from 'node:path';
import { FILES } from '../load/files.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';

// One message per mistake, the cause first. A file that cannot be read makes every
// reference to it fail, and a deleted entry is named in many places: those consequences
// become one line, and no line gets more than one message.

/** Entries that exist as a file but could not be read: the id they would have had → file. */
export type Unreadable = ReadonlyMap<string, string>;

export function foldDiagnostics(
  diagnostics: readonly Diagnostic[],
  unreadable: Unreadable,
  cwd = process.cwd(),
): Diagnostic[] {
  const skipped = new Map<string, Diagnostic[]>();
  const rest: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.missing !== undefined && unreadable.has(d.missing)) add(skipped, d.missing, d);
    else rest.push(d);
  }
  const kept = onePerLine(foldMissing(rest, cwd));
  for (const [id, file] of unreadable) {
    const cause = sortDiagnostics(kept.filter((d) => d.file === file && d.severity === 'fout'))[0];
    if (!cause) continue;
    const index = kept.indexOf(cause);
    kept[index] = {
      ...cause,
      notes: [...(cause.notes ?? []), unreadableNote(id, skipped.get(id) ?? [])],
    };
  }
  return sortDiagnostics(kept);
}

function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unreadableNote(id: string, references: readonly Diagnostic[]): string {
  if (references.length === 0) return `Daardoor kon het onderwerp "${id}" niet gelezen worden.`;
  const files = new Set(references.map((d) => d.file)).size;
  return (
    `Daardoor kon het onderwerp "${id}" niet gelezen worden; ${references.length} ` +
    `${references.length === 1 ? 'verwijzing' : 'verwijzingen'} ernaar (in ${files} ` +
    `${files === 1 ? 'bestand' : 'bestanden'}) ${references.length === 1 ? 'is' : 'zijn'} niet gecontroleerd.`
  );
}

/** Several references to one id that does not exist: one message, at the first of them. */
function foldMissing(diagnostics: readonly Diagnostic[], cwd: string): Diagnostic[] {
  const byId = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (d.missing !== undefined) add(byId, d.missing, d);
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const group = d.missing === undefined ? undefined : byId.get(d.missing);
    if (!group || group.length === 1) {
      out.push(d);
      continue;
    }
    const sorted = sortDiagnostics(group);
    const first = sorted.find((x) => x.severity === 'fout') ?? sorted[0];
    if (d !== first) continue;
    out.push({
      ...d,
      severity: 'fout',
      message: `"${d.missing}" bestaat niet, maar wordt ${group.length} keer genoemd`,
      hint: `Is het onderwerp verwijderd of hernoemd? Zet ${FILES.entries}/${d.missing}.md terug, of vervang "${d.missing}" overal. ${d.hint}`,
      notes: [...(d.notes ?? []), `Genoemd in: ${places(sorted, cwd)}.`],
    });
  }
  return out;
}

function places(references: readonly Diagnostic[], cwd: string): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of references) add(byFile, d.file, d);
  return [...byFile]
    .map(([file, list]) => {
      const name = relative(cwd, file) || file;
      return list.length === 1 ? `${name}:${list[0]?.line ?? 1}` : `${name} (${list.length}×)`;
    })
    .join(', ');
}

const rank = (d: Diagnostic): number =>
  (d.severity === 'fout' ? 0 : 2) + (d.stage === 'lezen' ? 0 : 1);

/** At most one message per line: an error before a warning, a reading problem before the
 *  rest, else the first one found. */
function onePerLine(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const best = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    const key = `${d.file}\n${d.line}`;
    const current = best.get(key);
    if (!current || rank(d) < rank(current)) best.set(key, d);
  }
  const keep = new Set(best.values());
  return diagnostics.filter((d) => keep.has(d));
}
