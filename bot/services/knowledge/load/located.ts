import type { Position } from '../check/diagnostics.ts';
import { asText } from './values.ts';
import type { ParsedYaml } from './yaml.ts';

/** A text from a knowledge file, with the place it was written (for the checker's caret). */
export interface Located {
  text: string;
  file: string;
  at: Position;
}

/** The texts of a YAML list, each with its own place: an item that is not text is left out
 *  without shifting the places of the items after it. */
export function locatedList(
  value: unknown,
  parsed: ParsedYaml,
  path: readonly (string | number)[],
  file: string,
): Located[] {
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).flatMap((item, index) => {
    const text = asText(item);
    return text === '' ? [] : [{ text, file, at: parsed.positionOf([...path, index]) }];
  });
}

export const texts = (items: readonly Located[]): string[] => items.map((item) => item.text);
