// Lenient readers for values that the schema has already judged: a broken field becomes an
// empty value, so the cross-file checks can still look at the rest of the file.
import type { Infer, Spec } from '../check/schema.ts';

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function asText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  return '';
}

export function asTexts(value: unknown): string[] {
  return Array.isArray(value) ? value.map(asText).filter((text) => text !== '') : [];
}

export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

const isText = (spec: Spec): boolean =>
  spec.kind === 'text' || spec.kind === 'date' || spec.kind === 'term' || spec.kind === 'lines';

/**
 * What the engine reads from a value the schema has judged, in the shape types.ts infers from
 * the same schema: texts trimmed, empty texts left out of lists, a field the file left out
 * given its default (or left out itself when it is an optional text), the format not kept.
 */
export function readValue<const S extends Spec>(spec: S, value: unknown): Infer<S> {
  return read(spec, value) as Infer<S>;
}

function read(spec: Spec, value: unknown): unknown {
  switch (spec.kind) {
    case 'text':
    case 'date':
    case 'term':
    case 'lines':
      return asText(value);
    case 'version':
      return value;
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) ? value : (spec.default ?? 0);
    case 'flag':
      return typeof value === 'boolean' ? value : (spec.default ?? false);
    case 'choice': {
      const chosen = asText(value);
      return spec.values.find((v) => v === chosen) ?? spec.fallback ?? spec.values[0] ?? '';
    }
    case 'list':
      return isText(spec.item)
        ? asTexts(value)
        : asList(value).map((item) => read(spec.item, item));
    case 'textOrList':
      return Array.isArray(value) ? asTexts(value) : asText(value);
    case 'object': {
      const record = asRecord(value);
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(spec.fields)) {
        if (field.spec.kind === 'version') continue;
        const fieldValue = read(field.spec, record[key]);
        if (!field.required && isText(field.spec) && fieldValue === '') continue;
        out[key] = fieldValue;
      }
      return out;
    }
  }
}
