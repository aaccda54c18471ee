import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'restify';

// Browser files (our scripts and styles, the Web Chat bundle, the Teams tab bundle) are read
// or built once, compressed once (brotli and gzip) while nobody waits, and then served from
// memory with an ETag. A file may also be served under a name with its content hash in it
// (`versioned`): that URL never changes content, so browsers keep it a year without asking,
// and a new deploy simply links a new name.

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface AssetSource {
  contentType: string;
  /** 'no-cache' revalidates every time (our own files change with a deploy, names do not). */
  cacheControl: string;
  load: () => Promise<Buffer>;
  headers?: Record<string, string>;
}

interface Prepared {
  body: Buffer;
  gzipped: Buffer;
  brotli: Buffer;
  etag: string;
}

export const CACHE_REVALIDATE = 'no-cache';
export const CACHE_HOUR = 'public, max-age=3600';
export const CACHE_DAY = 'public, max-age=86400';
/** For a URL with the content hash in it: the content behind it never changes. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';

/** Brotli's best level costs seconds for the 4 MB Web Chat bundle; level 9 is within 10 % of
 *  its size at a twentieth of the time, so larger files get 9 and small ones 11. */
const BROTLI_BEST_BELOW = 512 * 1024;

function brotliOptions(size: number) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: size < BROTLI_BEST_BELOW ? 11 : 9,
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  };
}

const contentHash = (body: Buffer): string =>
  createHash('sha256').update(body).digest('base64url').slice(0, 27);

/** The encoding to send: brotli, else gzip, else none, as the client accepts. */
export function chooseEncoding(acceptEncoding: string): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => q === undefined || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

export class StaticAsset {
  private readonly source: AssetSource;
  private prepared: Promise<Prepared> | undefined;

  constructor(source: AssetSource) {
    this.source = source;
  }

  static file(
    path: string,
    contentType: string,
    cacheControl = CACHE_REVALIDATE,
    headers: Record<string, string> = {},
  ): StaticAsset {
    return new StaticAsset({ contentType, cacheControl, headers, load: () => readFile(path) });
  }

  /**
   * A file served under `${base}.${hash}${extension}` with year-long caching. The hash is read
   * now (the page that links the file needs it at once); compressing waits for `warm()` or the
   * first request.
   */
  static versioned(
    path: string,
    contentType: string,
    base: string,
    extension: string,
  ): { asset: StaticAsset; url: string } {
    const body = readFileSync(path);
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const asset = new StaticAsset({
      contentType,
      cacheControl: CACHE_IMMUTABLE,
      load: () => Promise.resolve(body),
    });
    return { asset, url: `${base}.${hash}${extension}` };
  }

  /** Loads and compresses now instead of on the first request. */
  warm(): Promise<void> {
    return this.get().then(() => undefined);
  }

  /** `cacheControl` overrides the asset's own (the same file under an unversioned name). */
  async send(req: Request, res: Response, cacheControl?: string): Promise<void> {
    const asset = await this.get();
    const headers: Record<string, string> = {
      'Content-Type': this.source.contentType,
      'Cache-Control': cacheControl ?? this.source.cacheControl,
      'X-Content-Type-Options': 'nosniff',
      ETag: asset.etag,
      Vary: 'Accept-Encoding',
      ...this.source.headers,
    };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const encoding = chooseEncoding(String(req.headers['accept-encoding'] ?? ''));
    const body =
      encoding === 'br' ? asset.brotli : encoding === 'gzip' ? asset.gzipped : asset.body;
    if (encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(body);
  }

  private get(): Promise<Prepared> {
    this.prepared ??= this.prepare().catch((error: unknown) => {
      this.prepared = undefined; // try again on the next request
      throw error;
    });
    return this.prepared;
  }

  private async prepare(): Promise<Prepared> {
    const body = await this.source.load();
    const [gzipped, brotli] = await Promise.all([
      gzipAsync(body, { level: 9 }),
      brotliAsync(body, brotliOptions(body.length)),
    ]);
    return { body, gzipped, brotli, etag: `"${contentHash(body)}"` };
  }
}
