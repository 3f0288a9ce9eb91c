import express from 'express';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { type Server, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, compressedAssets } from './compressed-assets';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

describe('compressedAssets', () => {
  let root: string;
  let server: Server;
  let port: number;
  const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"指标${i}"`).join(',')}];\n`;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'jixiao-assets-'));
    writeFileSync(join(root, 'chunk-AB12CD34.js'), script);
    writeFileSync(join(root, 'app.css'), `.row { color: red; }\n`.repeat(200));
    writeFileSync(join(root, 'tiny.js'), 'export {};\n');
    writeFileSync(join(root, 'chunk-TINY1234.js'), 'export {};\n');
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>绩效</title>');
    const app = express();
    app.use(compressedAssets(root));
    app.use((req, res) => res.status(404).send(`fallthrough ${req.path}`));
    server = app.listen(0);
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const req = request({ port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('should answer Brotli when the browser accepts it, with the script intact and cached for good', async () => {
    const answer = await get('/chunk-AB12CD34.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['vary']).toBe('Accept-Encoding');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
    expect(answer.body.length).toBeLessThan(Buffer.byteLength(script) / 4);
  });

  it('should answer gzip to a client without Brotli, and the file as it is to one without either', async () => {
    const gzipped = await get('/chunk-AB12CD34.js', { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(script);

    const plain = await get('/chunk-AB12CD34.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('should revalidate a file whose name does not change with its content, and follow its changes', async () => {
    const first = await get('/app.css', { 'accept-encoding': 'br' });
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(first.headers['content-type']).toBe('text/css; charset=utf-8');

    const changed = `.row { color: blue; }\n`.repeat(200);
    writeFileSync(join(root, 'app.css'), changed);
    utimesSync(join(root, 'app.css'), new Date(), new Date(Date.now() + 5000));
    const second = await get('/app.css', { 'accept-encoding': 'br' });
    expect(brotliDecompressSync(second.body).toString()).toBe(changed);
  });

  it('should cache a small content-hashed file for good without compressing it', async () => {
    const answer = await get('/chunk-TINY1234.js', { 'accept-encoding': 'br' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.body.toString()).toBe('export {};\n');
  });

  it('should send only the headers to a HEAD request', async () => {
    const answer = await get('/chunk-AB12CD34.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.body.length).toBe(0);
  });

  it.each([
    ['a file too small to gain', '/tiny.js'],
    ['the index page (the SPA serves it for every route)', '/index.html'],
    ['a missing file', '/chunk-NOTTHERE.js'],
    ['the API', '/api/departments.json'],
    ['a path out of the directory', '/..%2f..%2fetc%2fpasswd.txt'],
    ['a malformed path', '/%E0%A4%A.js'],
  ])('should leave %s to the next handler', async (_what, path) => {
    const answer = await get(path, { 'accept-encoding': 'br' });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toMatch(/^fallthrough /);
  });

  it('should not touch other methods', async () => {
    const answer = await get('/chunk-AB12CD34.js', { 'accept-encoding': 'br' }, 'POST');
    expect(answer.body.toString()).toBe('fallthrough /chunk-AB12CD34.js');
  });

  it.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5', 'gzip'],
    ['*', 'br'],
    ['identity', null],
    ['', null],
    [undefined, null],
    ['gzip;q=0, br;q=0', null],
  ])('should pick for Accept-Encoding %p: %p', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
