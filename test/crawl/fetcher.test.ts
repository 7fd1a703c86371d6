/** The fetcher against a real HTTP server on 127.0.0.1. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { Fetcher, retryAfter } from '../../src/crawl/fetcher.js';
import { FetchError } from '../../src/errors.js';

let server: Server;
let origin = '';
const seen: { path: string; host: string; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', host: req.headers.host ?? '', headers: req.headers });
    switch (req.url) {
      case '/ok': res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end('<p>Nghị định</p>'); break;
      case '/cond': if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end(); else res.writeHead(200, { etag: '"v1"' }).end('x'); break;
      case '/gzip': res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain; charset=utf-8' }).end(gzipSync('Thủ tướng')); break;
      case '/bomb': res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5 * 1024 * 1024, 'a'))); break;
      // Windows-1258 writes vowels with their vowel marks precomposed and tones as combining marks.
      case '/cp1258': res.writeHead(200, { 'content-type': 'text/html; charset=windows-1258' }).end(iconv.encode('B\u00f4\u0323 Ta\u0300i chi\u0301nh', 'windows1258')); break;
      case '/loop-a': res.writeHead(302, { location: '/loop-b' }).end(); break;
      case '/loop-b': res.writeHead(302, { location: '/loop-a' }).end(); break;
      case '/moved': res.writeHead(301, { location: '/ok' }).end(); break;
      case '/busy': res.writeHead(429, { 'retry-after': '7' }).end(); break;
      case '/gone': res.writeHead(404).end(); break;
      case '/broken': res.writeHead(500).end(); break;
      default: res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const fetcher = () => new Fetcher({ userAgent: 'vnpress-test/1 (contact: test@example.org)', maxBytes: 1024 * 1024, resolve: { 'baochinhphu.vn': origin } });

describe('Fetcher', () => {
  it('sends requests for a resolved host to the given address, with the real Host header and our User-Agent', async () => {
    const f = fetcher();
    const res = await f.fetch('https://baochinhphu.vn/ok');
    await f.close();
    expect(res.status).toBe(200);
    expect(res.body).toBe('<p>Nghị định</p>');
    expect(res.url).toBe('https://baochinhphu.vn/ok');
    const req = seen.find((s) => s.path === '/ok')!;
    expect(req.host).toBe('baochinhphu.vn');
    expect(req.headers['user-agent']).toBe('vnpress-test/1 (contact: test@example.org)');
  });

  it('sends If-None-Match and reports 304 as not modified', async () => {
    const f = fetcher();
    const res = await f.fetch(`${origin}/cond`, { etag: '"v1"' });
    await f.close();
    expect(res.notModified).toBe(true);
    expect(res.status).toBe(304);
  });

  it('decodes gzip and legacy charsets to NFC text', async () => {
    const f = fetcher();
    expect((await f.fetch(`${origin}/gzip`)).body).toBe('Thủ tướng');
    const legacy = await f.fetch(`${origin}/cp1258`);
    await f.close();
    expect(legacy.body).toBe('Bộ Tài chính');
    expect(legacy.charset).toBe('windows1258');
  });

  it('refuses a gzip bomb past the size cap', async () => {
    const f = fetcher();
    await expect(f.fetch(`${origin}/bomb`)).rejects.toThrow(/larger than 1 MiB/);
    await f.close();
  });

  it('follows redirects and stops redirect loops', async () => {
    const f = fetcher();
    expect((await f.fetch(`${origin}/moved`)).finalUrl).toBe(`${origin}/ok`);
    await expect(f.fetch(`${origin}/loop-a`)).rejects.toThrow(/redirect loop/);
    await f.close();
  });

  it('says which failures are worth retrying, with Retry-After', async () => {
    const f = fetcher();
    const busy = await f.fetch(`${origin}/busy`).catch((e) => e);
    const gone = await f.fetch(`${origin}/gone`).catch((e) => e);
    const broken = await f.fetch(`${origin}/broken`).catch((e) => e);
    const refused = await f.fetch('http://127.0.0.1:1/').catch((e) => e);
    await f.close();
    expect(busy).toBeInstanceOf(FetchError);
    expect([busy.status, busy.retryable, busy.retryAfterMs]).toEqual([429, true, 7000]);
    expect([gone.status, gone.retryable]).toEqual([404, false]);
    expect([broken.status, broken.retryable]).toEqual([500, true]);
    expect(refused.retryable).toBe(true);
    expect(refused.message).toMatch(/^cannot fetch http:\/\/127\.0\.0\.1:1\//);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfter('120')).toBe(120_000);
    expect(retryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT'))).toBe(60_000);
    expect(retryAfter('soon')).toBeUndefined();
  });
});
