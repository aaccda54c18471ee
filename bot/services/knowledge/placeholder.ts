/** The literal value editors write for a field the bureau has not filled in yet. */
export const PLACEHOLDER = 'TE_VULLEN';

const SHOWN_INSTEAD = 'op aanvraag';

export function isPlaceholder(value: string): boolean {
  return value.trim() === PLACEHOLDER;
}

/** What a user sees for a field: the value, or "op aanvraag" while it is still a placeholder. */
export function displayValue(value: string): string {
  return isPlaceholder(value) ? SHOWN_INSTEAD : value;
}
