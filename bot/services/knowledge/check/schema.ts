import { isScalar, isSeq } from 'yaml';
import type { Reporter } from './diagnostics.ts';
import type { ParsedYaml } from '../load/yaml.ts';
import { compileTerm } from '../safety/terms.ts';

/**
 * A small schema language: enough for the knowledge files, and it speaks Dutch. A schema is
 * the one place a file's fields are declared: the checker validates against it, the loader
 * reads values with it (load/values.ts) and the engine's types are inferred from it (Infer).
 */
export type Spec =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'term' }
  /** `default`: what the loader reads when the field is left out. */
  | { kind: 'count'; min: number; max: number; default?: number }
  | { kind: 'flag'; default?: boolean }
  /** `fallback`: what the loader reads for a value the checker rejected (else the first). */
  | { kind: 'choice'; values: readonly string[]; fallback?: string }
  | { kind: 'list'; item: Spec; min?: number; exact?: number; unit: string }
  | { kind: 'textOrList'; item: Spec; unit: string }
  | { kind: 'object'; fields: Readonly<Record<string, Field>> }
  /** The file's format version: exactly this number. */
  | { kind: 'version'; value: number }
  /** Text as a literal block (`key: |` and indented lines below): one item per line. */
  | { kind: 'lines'; example: string };

export interface Field {
  spec: Spec;
  required: boolean;
}

/** Kinds the loader reads as one trimmed text. */
export type TextKind = 'text' | 'date' | 'term' | 'lines';

/**
 * The value the loader reads for a schema. A field the file may leave out is still there
 * when it has a value without the file (a list, a default), and optional otherwise; the
 * format version is checked but not kept.
 */
export type Infer<S> = S extends { kind: TextKind }
  ? string
  : S extends { kind: 'count' }
    ? number
    : S extends { kind: 'flag' }
      ? boolean
      : S extends { kind: 'choice'; values: readonly (infer V)[] }
        ? V
        : S extends { kind: 'list'; item: infer I }
          ? Infer<I>[]
          : S extends { kind: 'textOrList'; item: infer I }
            ? Infer<I>[] | string
            : S extends { kind: 'object'; fields: infer F }
              ? InferFields<F>
              : never;

type SpecOf<F> = F extends { spec: infer S } ? S : never;
type Kept<F> = SpecOf<F> extends { kind: 'version' } ? false : true;
type AlwaysThere<F> = F extends { required: true }
  ? true
  : SpecOf<F> extends { kind: 'list' | 'textOrList' } | { default: number | boolean }
    ? true
    : false;
type InferFields<F> = {
  -readonly [
    K in keyof F as Kept<F[K]> extends true ? (AlwaysThere<F[K]> extends true ? K : never) : never
  ]: Infer<SpecOf<F[K]>>;
} & {
  -readonly [
    K in keyof F as Kept<F[K]> extends true ? (AlwaysThere<F[K]> extends true ? never : K) : never
  ]?: Infer<SpecOf<F[K]>>;
};

type Path = (string | number)[];

interface Context {
  parsed: ParsedYaml;
  reporter: Reporter;
  file: string;
}

export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'leeg';
  if (Array.isArray(value)) return 'een lijst';
  if (typeof value === 'object') return 'een groep velden';
  if (typeof value === 'number') return 'een getal';
  if (typeof value === 'boolean') return 'een ja/nee-waarde';
  return 'een tekst';
}

function name(path: Path): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part + 1}]` : part))
    .join('.')
    .replace(/\.\[/g, '[');
}

export function validate(value: unknown, spec: Spec, path: Path, ctx: Context): void {
  switch (spec.kind) {
    case 'text':
      return checkText(value, path, ctx);
    case 'date':
      return checkDate(value, path, ctx);
    case 'term':
      return checkTerm(value, path, ctx);
    case 'count':
      return checkCount(value, spec.min, spec.max, path, ctx);
    case 'flag':
      return checkFlag(value, path, ctx);
    case 'choice':
      return checkChoice(value, spec.values, path, ctx);
    case 'list':
      return checkList(value, spec, path, ctx);
    case 'textOrList':
      if (Array.isArray(value))
        return checkList(value, { kind: 'list', item: spec.item, unit: spec.unit }, path, ctx);
      return checkText(value, path, ctx);
    case 'object':
      return checkObject(value, spec.fields, path, ctx);
    case 'version':
      return checkVersion(value, spec.value, path, ctx);
    case 'lines':
      return checkLines(value, spec, path, ctx);
  }
}

function checkVersion(value: unknown, version: number, path: Path, ctx: Context): void {
  if (value === version) return;
  const shown = typeof value === 'string' ? `"${value}"` : describeType(value);
  fail(
    ctx,
    path,
    `"${name(path)}" moet ${version} zijn (het formaat dat deze versie van de bot leest), niet ${typeof value === 'number' ? value : shown}`,
    `Schrijf ${name(path)}: ${version}. Komt het bestand uit een oudere kennisbank? Zet die om met npm run kb:migrate (zie knowledge/README.md).`,
  );
}

/** A literal block: every line stays a line, and no quotes or dashes are needed. */
function checkLines(
  value: unknown,
  spec: Extract<Spec, { kind: 'lines' }>,
  path: Path,
  ctx: Context,
): void {
  const node = ctx.parsed.doc.getIn(path, true);
  if (isScalar(node) && node.type === 'BLOCK_LITERAL') return;
  const key = name(path);
  const form = `Schrijf "${key}: |" en zet daaronder ${spec.example}, met twee spaties ervoor; aanhalingstekens en streepjes zijn niet nodig.`;
  if (isSeq(node)) {
    fail(ctx, path, `"${key}" staat als lijst met "- " of [ ]`, form);
  } else if (typeof value === 'string') {
    fail(
      ctx,
      path,
      `achter "${key}:" ontbreekt het teken |`,
      `Zonder | leest de bot alle regels als één lange tekst. ${form}`,
    );
  } else {
    fail(ctx, path, `"${key}" moet een blok regels zijn, maar is ${describeType(value)}`, form);
  }
}

function fail(ctx: Context, path: Path, message: string, hint: string): void {
  ctx.reporter.error(ctx.file, ctx.parsed.positionOf(path), message, hint);
}

function checkText(value: unknown, path: Path, ctx: Context): void {
  if (typeof value === 'number') return;
  if (typeof value !== 'string') {
    fail(
      ctx,
      path,
      `"${name(path)}" moet een tekst zijn, maar is ${describeType(value)}`,
      textHint(value),
    );
  } else if (value.trim() === '') {
    fail(
      ctx,
      path,
      `"${name(path)}" is leeg`,
      'Vul een tekst in, of schrijf TE_VULLEN als het nog niet bekend is.',
    );
  }
}

function textHint(value: unknown): string {
  if (Array.isArray(value)) return 'Schrijf hier één tekst, zonder "- " ervoor.';
  if (value !== null && typeof value === 'object')
    return 'Staat er ": " (dubbele punt en spatie) in de tekst? Dan leest YAML het deel ervoor als veldnaam. Zet de hele tekst tussen dubbele aanhalingstekens: "Vraag: mag dit?".';
  if (typeof value === 'boolean') return 'Zet de tekst tussen aanhalingstekens, bijvoorbeeld "ja".';
  return 'Schrijf de tekst direct achter de dubbele punt, of op de regels eronder na "|".';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function checkDate(value: unknown, path: Path, ctx: Context): void {
  if (typeof value === 'string' && isValidDate(value)) return;
  const shown = typeof value === 'string' ? `"${value}"` : describeType(value);
  fail(
    ctx,
    path,
    `"${name(path)}" is geen geldige datum: ${shown}`,
    'Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-24.',
  );
}

function checkTerm(value: unknown, path: Path, ctx: Context): void {
  checkText(value, path, ctx);
  if (typeof value !== 'string' || value.trim() === '') return;
  const compiled = compileTerm(value);
  if (typeof compiled === 'string')
    fail(
      ctx,
      path,
      `ongeldige term: ${compiled}`,
      'Een term is een of meer woorden; * aan het begin of eind van een woord, | tussen woorden die elk mogen, en ... tussen twee woorden voor "hoogstens drie woorden ertussen".',
    );
}

function checkCount(value: unknown, min: number, max: number, path: Path, ctx: Context): void {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return;
  const shown = typeof value === 'string' ? `"${value}"` : describeType(value);
  fail(
    ctx,
    path,
    `"${name(path)}" moet een heel getal van ${min} tot en met ${max} zijn, niet ${shown}`,
    `Schrijf een getal zonder aanhalingstekens, bijvoorbeeld ${Math.min(max, Math.max(min, 8))}.`,
  );
}

function checkFlag(value: unknown, path: Path, ctx: Context): void {
  if (typeof value === 'boolean') return;
  fail(
    ctx,
    path,
    `"${name(path)}" moet true of false zijn, niet ${describeType(value)}`,
    'Schrijf true (ja) of false (nee), zonder aanhalingstekens.',
  );
}

function checkChoice(value: unknown, values: readonly string[], path: Path, ctx: Context): void {
  if (typeof value === 'string' && values.includes(value)) return;
  const shown = typeof value === 'string' ? `"${value}"` : describeType(value);
  fail(
    ctx,
    path,
    `"${name(path)}" moet een van ${values.join(', ')} zijn, niet ${shown}`,
    `Kies een van: ${values.join(', ')}.`,
  );
}

function checkList(
  value: unknown,
  spec: Extract<Spec, { kind: 'list' }>,
  path: Path,
  ctx: Context,
): void {
  if (!Array.isArray(value)) {
    fail(
      ctx,
      path,
      `"${name(path)}" moet een lijst zijn, maar is ${describeType(value)}`,
      'Zet elk item op een eigen regel die begint met "  - ", of schrijf [a, b, c].',
    );
    return;
  }
  const count = value.length;
  if (spec.exact !== undefined && count !== spec.exact) {
    fail(
      ctx,
      path,
      `"${name(path)}" heeft ${count} ${spec.unit}; het moeten er precies ${spec.exact} zijn`,
      `Zorg voor precies ${spec.exact} ${spec.unit}.`,
    );
  } else if (spec.min !== undefined && count < spec.min) {
    fail(
      ctx,
      path,
      `"${name(path)}" heeft ${count} ${spec.unit}; minimaal ${spec.min} nodig`,
      `Voeg er nog ${spec.min - count} toe, verschillend geformuleerd, zoals mensen ze echt typen.`,
    );
  }
  value.forEach((item: unknown, index) => validate(item, spec.item, [...path, index], ctx));
}

function checkObject(
  value: unknown,
  fields: Record<string, Field>,
  path: Path,
  ctx: Context,
): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(
      ctx,
      path,
      `${path.length ? `"${name(path)}"` : 'het bestand'} moet velden bevatten (naam: waarde), maar is ${describeType(value)}`,
      `Verwachte velden: ${Object.keys(fields).join(', ')}.`,
    );
    return;
  }
  const record = value as Record<string, unknown>;
  const allowed = Object.keys(fields);
  // A misspelt or Dutch field name is one mistake: "onbekend veld" with the guess, not also
  // "the field is missing".
  const guessed = new Set<string>();
  for (const key of Object.keys(record)) {
    if (key in fields) continue;
    const guess = closest(key, allowed);
    if (guess) guessed.add(guess);
    ctx.reporter.error(
      ctx.file,
      ctx.parsed.keyPosition(path, key),
      `onbekend veld "${key}"`,
      `${guess ? `Bedoelt u "${guess}"? ` : ''}Toegestane velden: ${allowed.join(', ')}.`,
      key.length,
    );
  }
  for (const [key, field] of Object.entries(fields)) {
    const present = key in record && record[key] !== null && record[key] !== undefined;
    if (present) validate(record[key], field.spec, [...path, key], ctx);
    else if (field.required && !guessed.has(key)) {
      const where = key in record ? [...path, key] : path;
      const message =
        key in record
          ? `"${name([...path, key])}" is leeg`
          : `het verplichte veld "${name([...path, key])}" ontbreekt`;
      fail(ctx, where, message, missingHint(key, field.spec));
    }
  }
}

function missingHint(key: string, spec: Spec): string {
  if (spec.kind === 'version')
    return `Zet de regel "${key}: ${spec.value}" in het bestand (zie een ander bestand in dezelfde map).`;
  if (spec.kind === 'lines')
    return `Schrijf "${key}: |" en zet daaronder ${spec.example}, met twee spaties ervoor.`;
  return `Vul "${key}" in; schrijf TE_VULLEN als de informatie nog niet bekend is.`;
}

/** The Dutch words an editor may use for a field. */
const DUTCH_NAMES: Record<string, string> = {
  titel: 'title',
  vragen: 'questions',
  voorbeeldvragen: 'questions',
  vraag: 'questions',
  trefwoorden: 'keywords',
  vervolg: 'followups',
  vervolgonderwerpen: 'followups',
  bijgewerkt: 'updated',
  datum: 'updated',
  formaat: 'format',
  versie: 'format',
};

function closest(word: string, options: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const dutch = DUTCH_NAMES[lower];
  if (dutch !== undefined && options.includes(dutch)) return dutch;
  return options.find(
    (option) => option.toLowerCase() === lower || editDistance(option.toLowerCase(), lower) <= 2,
  );
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
