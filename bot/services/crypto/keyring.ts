import { createHash } from 'node:crypto';

// The records key: 32 random bytes, written as 64 hex characters or as base64. Nothing here
// imports the configuration, so config.ts can validate keys with the same rules.

export const KEY_BYTES = 32;

export interface RecordKey {
  /** A short, non-secret fingerprint stored with each record, to pick the key that opens it. */
  id: string;
  key: Buffer;
}

/** The key's bytes, or undefined when the text is not 32 bytes in hex or base64. */
export function decodeRecordsKey(raw: string): Buffer | undefined {
  const text = raw.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === KEY_BYTES ? bytes : undefined;
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update('bdv-records-key').update(key).digest('hex').slice(0, 12);
}

/** The current key encrypts; previous keys only decrypt, until a rotation has re-encrypted
 *  everything under the current one. */
export class Keyring {
  readonly current: RecordKey;
  private readonly byId: Map<string, RecordKey>;

  constructor(current: Buffer, previous: Buffer[] = []) {
    this.current = { id: keyId(current), key: current };
    const all = [this.current, ...previous.map((key) => ({ id: keyId(key), key }))];
    this.byId = new Map(all.map((k) => [k.id, k]));
  }

  /** Built from configuration values that config.ts has already validated. */
  static fromConfig(current: string, previous: readonly string[]): Keyring {
    const decode = (raw: string): Buffer => {
      const key = decodeRecordsKey(raw);
      if (!key) throw new Error('records key is not 32 bytes in hex or base64');
      return key;
    };
    return new Keyring(decode(current), previous.map(decode));
  }

  find(id: string): RecordKey | undefined {
    return this.byId.get(id);
  }
}
