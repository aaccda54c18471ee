import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { decodeRecordsKey, keyId, type RecordKey } from '../crypto/keyring.ts';

// Kept questions are encrypted at rest like the records (AES-256-GCM), under a key derived
// from RECORDS_KEY (HKDF), so no second secret has to be managed and a question cannot be
// opened with a records key alone by code that expects a record, or the other way round.

export interface SealedText {
  kid: string;
  iv: string;
  tag: string;
  data: string;
}

const INFO = 'bdv-insight-questions-v1';
const AAD = Buffer.from(INFO);

function derive(recordsKey: Buffer): RecordKey {
  const key = Buffer.from(hkdfSync('sha256', recordsKey, Buffer.alloc(0), INFO, 32));
  return { id: keyId(key), key };
}

export class TextSealer {
  private readonly current: RecordKey;
  private readonly byId: Map<string, RecordKey>;

  /** Keys as configured (RECORDS_KEY and RECORDS_KEY_PREVIOUS), already validated. */
  constructor(current: string, previous: readonly string[] = []) {
    const decode = (raw: string): Buffer => {
      const key = decodeRecordsKey(raw);
      if (!key) throw new Error('records key is not 32 bytes in hex or base64');
      return key;
    };
    this.current = derive(decode(current));
    const all = [this.current, ...previous.map((raw) => derive(decode(raw)))];
    this.byId = new Map(all.map((k) => [k.id, k]));
  }

  seal(text: string): SealedText {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(AAD);
    const data = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return {
      kid: this.current.id,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  /** The text, or undefined when the key is gone or the data was changed. */
  open(sealed: SealedText): string | undefined {
    const key = this.byId.get(sealed.kid);
    if (!key) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(AAD);
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([
        decipher.update(Buffer.from(sealed.data, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** A sealed text as one string, for the conversation state. */
  static pack(sealed: SealedText): string {
    return [sealed.kid, sealed.iv, sealed.tag, sealed.data].join('.');
  }

  static unpack(packed: string): SealedText | undefined {
    const [kid, iv, tag, data, extra] = packed.split('.');
    if (!kid || !iv || !tag || !data || extra !== undefined) return undefined;
    return { kid, iv, tag, data };
  }
}
