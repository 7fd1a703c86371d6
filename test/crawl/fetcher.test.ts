/** The fetcher against a real HTTP server on 127.0.0.1 that misbehaves in every way a site can. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { Fetcher, isPrivateAddress, retryAfter, type FetcherOptions } from '../../src/crawl/fetcher.js';
import { FetchError } from '../../src/errors.js';

let server: Server;
let origin = '';
let port = 0;
const seen: { path: string; host: string; headers: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', host: req.headers.host ?? '', headers: req.headers });
    const path = req.url ?? '';
    if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(302, { location: `/hop/${n + 1}` }).end();
      return;
    }
    switch (path) {
      case '/ok': res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }).end('<p>Nghị định</p>'); break;
      case '/cond': if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end(); else res.writeHead(200, { etag: '"v1"' }).end('x'); break;
      case '/gzip': res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain; charset=utf-8' }).end(gzipSync('Thủ tướng')); break;
      case '/bomb': res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5 * 1024 * 1024, 'a'))); break;
      // Windows-1258 writes vowels with their vowel marks precomposed and tones as combining marks.
      case '/cp1258': res.writeHead(200, { 'content-type': 'text/html; charset=windows-1258' }).end(iconv.encode('B\u00f4\u0323 Ta\u0300i chi\u0301nh', 'windows1258')); break;
      case '/loop-a': res.writeHead(302, { location: '/loop-b' }).end(); break;
      case '/loop-b': res.writeHead(302, { location: '/loop-a' }).end(); break;
      case '/moved': res.writeHead(301, { location: '/ok' }).end(); break;
      case '/elsewhere': res.writeHead(301, { location: 'https://tracker.example.com/x' }).end(); break;
      case '/busy': res.writeHead(429, { 'retry-after': '7' }).end(); break;
      case '/gone': res.writeHead(404).end(); break;
      case '/broken': res.writeHead(500).end(); break;
      case '/photo': res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.alloc(1000)); break;
      // Says how big it is: refused before a byte of the body is read.
      case '/huge-declared': res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(30 * 1024 * 1024) }); res.write('<p>'); break;
      // Chunked, no length: refused while reading, once past the cap.
      case '/huge-chunked': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(256 * 1024, 'a');
        let sent = 0;
        const pump = () => { while (sent < 30 * 1024 * 1024) { sent += chunk.length; if (!res.write(chunk)) return void res.once('drain', pump); } res.end(); };
        res.on('error', () => {});
        pump();
        break;
      }
      case '/stall-body': res.writeHead(200, { 'content-type': 'text/html' }); res.write('<p>first words'); break;
      // Compressed, then silence, or then a reset: the decompressor must not wait forever.
      case '/stall-gzip': res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }); res.write(gzipSync(Buffer.alloc(100_000, 'a')).subarray(0, 200)); break;
      case '/reset-gzip': res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }); res.write(gzipSync(Buffer.alloc(100_000, 'a')).subarray(0, 200), () => setTimeout(() => req.socket.destroy(), 50)); break;
      case '/fake-gzip': res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0x1f, 0x8b, 0x41, 0x42, 0x43])); break;
      case '/stall-headers': break;
      case '/reset': req.socket.destroy(); break;
      default: res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  port = typeof a === 'object' && a ? a.port : 0;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

/** Direct URLs on 127.0.0.1 need allowPrivate; the resolved host does not. */
const fetcher = (extra: Partial<FetcherOptions> = {}) => new Fetcher({
  userAgent: 'vnpress-test/1 (contact: test@example.org)', maxBytes: 1024 * 1024, resolve: { 'baochinhphu.vn': origin }, allowPrivate: true, ...extra,
});

const failure = async (p: Promise<unknown>): Promise<FetchError> => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(FetchError);
  return e as FetchError;
};

describe('Fetcher', () => {
  it('sends requests for a resolved host to the given address, with the real Host header and our User-Agent', async () => {
    const f = fetcher({ allowPrivate: false });
    const res = await f.fetch('https://baochinhphu.vn/ok');
    await f.close();
    expect(res.status).toBe(200);
    expect(res.body).toBe('<p>Nghị định</p>');
    expect(res.raw.toString('utf8')).toBe('<p>Nghị định</p>');
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

  it('decodes gzip and legacy charsets to NFC text, and keeps the bytes as received', async () => {
    const f = fetcher();
    const gz = await f.fetch(`${origin}/gzip`);
    expect(gz.body).toBe('Thủ tướng');
    expect(gz.raw.toString('utf8')).toBe('Thủ tướng');
    const legacy = await f.fetch(`${origin}/cp1258`);
    await f.close();
    expect(legacy.body).toBe('Bộ Tài chính');
    expect(legacy.charset).toBe('windows1258');
    expect(legacy.charsetVia).toBe('header');
  });

  it('refuses a gzip bomb past the size cap, without inflating it all', async () => {
    const f = fetcher();
    const e = await failure(f.fetch(`${origin}/bomb`));
    await f.close();
    expect(e.message).toMatch(/larger than the 1 MiB limit \(after decompression\)/);
    expect([e.reason, e.retryable]).toEqual(['too-large', false]);
  });

  it('refuses a 30 MB page: at once when it says its length, while reading when it does not', async () => {
    const f = fetcher();
    const declared = await failure(f.fetch(`${origin}/huge-declared`));
    const chunked = await failure(f.fetch(`${origin}/huge-chunked`));
    await f.close();
    expect(declared.message).toMatch(/it says 30 MiB/);
    expect(chunked.message).toMatch(/larger than the 1 MiB limit \(as received\)/);
    for (const e of [declared, chunked]) expect([e.reason, e.retryable]).toEqual(['too-large', false]);
  });

  it('follows redirects, stops loops, stops after 10, and never leaves the allowed hosts', async () => {
    const f = fetcher();
    expect((await f.fetch(`${origin}/moved`)).finalUrl).toBe(`${origin}/ok`);
    expect((await failure(f.fetch(`${origin}/loop-a`))).message).toMatch(/redirect loop/);
    const many = await failure(f.fetch(`${origin}/hop/0`));
    expect(many.message).toMatch(/more than 10 redirects/);
    expect(seen.filter((s) => s.path.startsWith('/hop/')).length).toBe(11);
    const off = await failure(f.fetch('https://baochinhphu.vn/elsewhere', { allowedHosts: ['baochinhphu.vn'] }));
    expect(off.message).toMatch(/redirects to https:\/\/tracker\.example\.com\/x, outside the source's hosts \(baochinhphu\.vn\); not followed/);
    await f.close();
    for (const e of [many, off]) expect([e.reason, e.retryable]).toEqual(['redirect', false]);
  });

  it('refuses content types it does not read before reading them', async () => {
    const f = fetcher();
    const e = await failure(f.fetch(`${origin}/photo`, { accept: (t) => t === 'text/html' }));
    await f.close();
    expect(e.message).toMatch(/is image\/jpeg, not a page vnpress reads; recorded and skipped/);
    expect([e.reason, e.retryable]).toEqual(['content-type', false]);
  });

  it('says which failures are worth retrying, with Retry-After', async () => {
    const f = fetcher();
    const busy = await failure(f.fetch(`${origin}/busy`));
    const gone = await failure(f.fetch(`${origin}/gone`));
    const broken = await failure(f.fetch(`${origin}/broken`));
    const refused = await failure(f.fetch('http://127.0.0.1:1/'));
    const reset = await failure(f.fetch(`${origin}/reset`));
    await f.close();
    expect([busy.status, busy.retryable, busy.retryAfterMs]).toEqual([429, true, 7000]);
    expect([gone.status, gone.retryable]).toEqual([404, false]);
    expect([broken.status, broken.retryable]).toEqual([500, true]);
    expect([refused.reason, refused.retryable]).toEqual(['network', true]);
    expect(refused.message).toMatch(/^cannot fetch http:\/\/127\.0\.0\.1:1\/: .*ECONNREFUSED/);
    expect([reset.reason, reset.retryable]).toEqual(['network', true]);
  });

  it('times out a server that sends headers then stalls, and one that never answers', async () => {
    const f = fetcher({ headersTimeoutMs: 300, bodyTimeoutMs: 300 });
    const body = await failure(f.fetch(`${origin}/stall-body`));
    const headers = await failure(f.fetch(`${origin}/stall-headers`));
    await f.close();
    expect(body.message).toMatch(/stalled for 0\.3 s while sending the body; will retry later/);
    expect(headers.message).toMatch(/sent no response headers within 0\.3 s/);
    for (const e of [body, headers]) expect([e.reason, e.retryable]).toEqual(['timeout', true]);
  });

  it('a compressed body that stalls or breaks off ends in a timeout or a network error, not a hang', async () => {
    const f = fetcher({ bodyTimeoutMs: 300, totalTimeoutMs: 2000 });
    const stalled = await failure(f.fetch(`${origin}/stall-gzip`));
    const reset = await failure(f.fetch(`${origin}/reset-gzip`));
    await f.close();
    expect([stalled.reason, stalled.retryable]).toEqual(['timeout', true]);
    expect([reset.reason, reset.retryable]).toEqual(['network', true]);
  });

  it('keeps bytes that only look like gzip as they are', async () => {
    const f = fetcher();
    const res = await f.fetch(`${origin}/fake-gzip`);
    await f.close();
    expect([...res.raw]).toEqual([0x1f, 0x8b, 0x41, 0x42, 0x43]);
  });

  it('a host mapped to localhost is allowed: the mapping says where to go', async () => {
    const f = fetcher({ allowPrivate: false, resolve: { 'baochinhphu.vn': `http://localhost:${port}` } });
    const res = await f.fetch('https://baochinhphu.vn/ok');
    await f.close();
    expect(res.status).toBe(200);
  });

  it('refuses private and loopback addresses, by literal and by DNS, unless allowed or mapped', async () => {
    const f = fetcher({ allowPrivate: false });
    const literal = await failure(f.fetch(`${origin}/ok`));
    const dns = await failure(f.fetch(`http://localhost:${port}/ok`));
    const mapped = await f.fetch('https://baochinhphu.vn/ok');
    await f.close();
    expect(literal.message).toMatch(/is a private or loopback address; refused \(use --allow-private/);
    expect(dns.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a private or loopback address; refused/);
    for (const e of [literal, dns]) expect([e.reason, e.retryable]).toEqual(['address', false]);
    expect(mapped.status).toBe(200);
  });

  it('knows the private ranges', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ['203.162.0.1', '14.225.0.1', '8.8.8.8', '2001:4860:4860::8888', '172.32.0.1']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(retryAfter('120')).toBe(120_000);
    expect(retryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT'))).toBe(60_000);
    expect(retryAfter('soon')).toBeUndefined();
  });
});
