import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring, RecordKey } from './keyring.ts';

// AES-256-GCM under RECORDS_KEY for anything the bot keeps of what a person typed: the fields
// of a record (encrypted-repository.ts) and a form in progress in the conversation state
// (storage/sealed-state-store.ts). Each seal has a fresh 12-byte IV, and associated data that
// binds it to where it belongs, so a sealed value moved elsewhere fails to open.

export const SEALED = 'aes-256-gcm-v1';
const IV_BYTES = 12;

/** A sealed value as stored. */
export interface SealedFields {
  $enc: typeof SEALED;
  kid: string;
  iv: string;
  tag: string;
  data: string;
  [key: string]: string;
}

export function isSealedValue(value: unknown): value is SealedFields {
  return (
    typeof value === 'object' && value !== null && (value as { $enc?: unknown }).$enc === SEALED
  );
}

/** Why a sealed value did not open: its key is not in the keyring, or the check failed. */
export class SealOpenError extends Error {
  readonly reason: 'onbekende sleutel' | 'controle mislukt';
  constructor(reason: 'onbekende sleutel' | 'controle mislukt') {
    super(reason);
    this.name = 'SealOpenError';
    this.reason = reason;
  }
}

export function sealJson(value: unknown, key: RecordKey, associatedData: Buffer): SealedFields {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(associatedData);
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    $enc: SEALED,
    kid: key.id,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function openJson(sealed: SealedFields, keyring: Keyring, associatedData: Buffer): unknown {
  const key = keyring.find(String(sealed.kid));
  if (!key) throw new SealOpenError('onbekende sleutel');
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      key.key,
      Buffer.from(String(sealed.iv), 'base64'),
    );
    decipher.setAAD(associatedData);
    decipher.setAuthTag(Buffer.from(String(sealed.tag), 'base64'));
    const json = Buffer.concat([
      decipher.update(Buffer.from(String(sealed.data), 'base64')),
      decipher.final(),
    ]).toString('utf8');
    return JSON.parse(json) as unknown;
  } catch {
    throw new SealOpenError('controle mislukt');
  }
}
