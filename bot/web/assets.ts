import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'restify';

// Browser files (our scripts and styles, the Web Chat bundle, the Teams tab bundle) are read
// or built once, compressed once, and then served from memory with an ETag, so the 4 MB Web
// Chat bundle costs one gzip per process and a 304 for returning visitors.

const gzipAsync = promisify(gzip);

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
  etag: string;
}

export const CACHE_REVALIDATE = 'no-cache';
export const CACHE_HOUR = 'public, max-age=3600';
export const CACHE_DAY = 'public, max-age=86400';

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

  /** Loads and compresses now instead of on the first request. */
  warm(): Promise<void> {
    return this.get().then(() => undefined);
  }

  async send(req: Request, res: Response): Promise<void> {
    const asset = await this.get();
    const headers: Record<string, string> = {
      'Content-Type': this.source.contentType,
      'Cache-Control': this.source.cacheControl,
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
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = acceptsGzip ? asset.gzipped : asset.body;
    if (acceptsGzip) headers['Content-Encoding'] = 'gzip';
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
    const gzipped = await gzipAsync(body);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { body, gzipped, etag };
  }
}
