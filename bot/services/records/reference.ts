import { randomInt } from 'node:crypto';

// No 0/O or 1/I/L: people read these codes aloud on the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export const RECORD_KINDS = { registration: 'AAN', contact: 'CON' } as const;
export type RecordKind = keyof typeof RECORD_KINDS;

/** A reference like "CON-7K3QX9" that the person can quote to the bureau. */
export function newReference(kind: RecordKind): string {
  let code = '';
  for (let i = 0; i < 6; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${RECORD_KINDS[kind]}-${code}`;
}
