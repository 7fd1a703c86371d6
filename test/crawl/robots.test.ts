import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { Fetcher } from '../../src/crawl/fetcher.js';
import { RobotsCache } from '../../src/crawl/robots.js';

let server: Server;
let port = 0;
const answers: Record<string, [number, string]> = {
  'rules.vn': [200, 'User-agent: *\nDisallow: /admin/\nCrawl-delay: 3\n\nUser-agent: vnpress\nDisallow: /private/\nSitemap: https://rules.vn/sitemap.xml\n'],
  'missing.vn': [404, ''],
  'broken.vn': [503, ''],
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const [status, body] = answers[(req.headers.host ?? '').split(':')[0]!] ?? [404, ''];
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  port = typeof a === 'object' && a ? a.port : 0;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function cache() {
  const origin = `http://127.0.0.1:${port}`;
  const fetcher = new Fetcher({ userAgent: 'vnpress', resolve: { 'rules.vn': origin, 'missing.vn': origin, 'broken.vn': origin } });
  return { robots: new RobotsCache(fetcher, 'vnpress'), fetcher };
}

describe('RobotsCache (RFC 9309)', () => {
  it('obeys the group for our user agent', async () => {
    const { robots, fetcher } = cache();
    const r = await robots.rulesFor('https://rules.vn/news/1.htm');
    await fetcher.close();
    expect(r.allowed('https://rules.vn/news/1.htm')).toBe(true);
    expect(r.allowed('https://rules.vn/private/x')).toBe(false);
    expect(r.sitemaps).toEqual(['https://rules.vn/sitemap.xml']);
  });
  it('a 4xx robots.txt allows everything', async () => {
    const { robots, fetcher } = cache();
    const r = await robots.rulesFor('https://missing.vn/a');
    await fetcher.close();
    expect(r.allowed('https://missing.vn/anything')).toBe(true);
  });
  it('a 5xx robots.txt disallows everything for now', async () => {
    const { robots, fetcher } = cache();
    const r = await robots.rulesFor('https://broken.vn/a');
    await fetcher.close();
    expect(r.allowed('https://broken.vn/a')).toBe(false);
    expect(r.origin).toMatch(/unreachable/);
  });
});
