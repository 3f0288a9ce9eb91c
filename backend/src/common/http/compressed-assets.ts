import type { NextFunction, Request, Response } from 'express';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What is worth compressing: text. Fonts (woff2) and images are compressed already. */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Below this a compressed answer saves less than its headers cost. */
const MIN_BYTES = 1024;

/** Angular's output names (`chunk-ABCD1234.js`, `styles-ABCD1234.css`) change with their content. */
const HASHED = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

export type Encoding = 'br' | 'gzip';

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly body: Partial<Record<Encoding, Promise<Buffer>>>;
  readonly raw: Promise<Buffer>;
}

/** The encoding to answer with for an Accept-Encoding header: Brotli when accepted, else gzip, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (name: Encoding): number => accepted.get(name) ?? accepted.get('*') ?? 0;
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return null;
}

/**
 * Serves the built frontend's text files compressed (Brotli, else gzip; not below 1 kB), each compressed once and
 * kept in memory (the whole build is a few MB), with a year's immutable caching for content-hashed names, so a
 * returning browser asks for none of them. Anything else — the index page, the SPA's routes, images, the API —
 * falls through to the next handler unchanged.
 */
export function compressedAssets(root: string): (req: Request, res: Response, next: NextFunction) => void {
  const base = normalize(root + sep);
  const cache = new Map<string, Entry>();

  const compressed = (entry: Entry, encoding: Encoding): Promise<Buffer> => {
    const existing = entry.body[encoding];
    if (existing) return existing;
    const made = entry.raw.then((raw) =>
      encoding === 'br'
        ? brotli(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 9,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          })
        : gzipAsync(raw, { level: 9 }),
    );
    entry.body[encoding] = made;
    return made;
  };

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const type = TYPES[extname(req.path)];
    if (!type || req.path.startsWith('/api/')) return next();
    let file: string;
    try {
      file = normalize(join(base, decodeURIComponent(req.path)));
    } catch {
      return next();
    }
    if (!file.startsWith(base)) return next();
    void serve(file, type).catch(() => next());

    async function serve(path: string, contentType: string): Promise<void> {
      const info = await stat(path);
      const hashed = HASHED.test(path);
      // A small file gains nothing from compression; a content-hashed one still gains its caching.
      if (!info.isFile() || (info.size < MIN_BYTES && !hashed)) return next();
      let entry = cache.get(path);
      if (!entry || entry.mtimeMs !== info.mtimeMs || entry.size !== info.size) {
        entry = { mtimeMs: info.mtimeMs, size: info.size, body: {}, raw: readFile(path) };
        cache.set(path, entry);
      }
      const encoding = info.size < MIN_BYTES ? null : chooseEncoding(req.headers['accept-encoding']);
      const body = encoding ? await compressed(entry, encoding) : await entry.raw;
      res.setHeader('Content-Type', contentType);
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader(
        'Cache-Control',
        hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      );
      if (encoding) res.setHeader('Content-Encoding', encoding);
      res.setHeader('Content-Length', body.length);
      if (req.method === 'HEAD') res.end();
      else res.end(body);
    }
  };
}
