/**
 * The local mirror: an HTTP server on 127.0.0.1 that serves every host of the fixtures/ folder with the
 * real sites' URL schemes, so that the crawler runs the real source definitions against it (pointing each
 * host at the mirror, as `curl --resolve` does). It builds each host's home page, category listings with
 * pagination, sitemap index and sitemap, RSS feed and robots.txt from the fixtures' expected.json files.
 *
 * Requests are routed by their Host header; a browser on http://127.0.0.1:<port>/ gets an index of hosts
 * and can browse a host under /<host>/….
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCES, sourceForUrl, type SourceDefinition } from './index.js';

export interface FixtureArticle {
  host: string;
  slug: string;
  url: string;
  /** Path and query as the server sees them. */
  path: string;
  category: string;
  title: string;
  publishedAt: string;
  sapo: string;
  html: string;
}

export interface Mirror {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  hosts: string[];
  /** host → origin, ready for the crawler's `resolve` option. */
  resolve: Record<string, string>;
  articles: FixtureArticle[];
  /** Requests served, for tests: "host path". */
  log: string[];
  close(): Promise<void>;
}

/** Articles per listing page: small, so that pagination is exercised. */
const PAGE_SIZE = 2;

export function fixturesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'fixtures'))) return join(dir, 'fixtures');
    dir = dirname(dir);
  }
  throw new Error('fixtures/ not found next to the program');
}

export function loadFixtureArticles(dir = fixturesDir()): FixtureArticle[] {
  const out: FixtureArticle[] = [];
  for (const host of readdirSync(dir, { withFileTypes: true })) {
    if (!host.isDirectory()) continue;
    for (const slug of readdirSync(join(dir, host.name), { withFileTypes: true })) {
      const folder = join(dir, host.name, slug.name);
      if (!slug.isDirectory() || !existsSync(join(folder, 'expected.json')) || !existsSync(join(folder, 'page.html'))) continue;
      const e = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, unknown>;
      if (typeof e.url !== 'string') continue;
      const u = new URL(e.url);
      out.push({
        host: u.hostname, slug: slug.name, url: e.url, path: u.pathname + u.search, category: String(e.category ?? ''),
        title: String(e.title ?? ''), publishedAt: String(e.publishedAt ?? ''), sapo: String(e.sapo ?? ''),
        html: readFileSync(join(folder, 'page.html'), 'utf8'),
      });
    }
  }
  return out.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pathOf = (url: string) => { const u = new URL(url); return u.pathname + u.search; };
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;

interface Route { type: string; body: string }

/** Builds every page a host serves, keyed by path (with query). */
function buildSite(source: SourceDefinition, host: string, articles: FixtureArticle[]): Map<string, Route> {
  const routes = new Map<string, Route>();
  const html = (title: string, body: string) => `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>
<header><nav class="menu"><ul>${source.listings.map((l) => `<li><a href="${esc(pathOf(l.url))}">${esc(categoryName(l.url))}</a></li>`).join('')}</ul></nav></header>
${body}
<footer class="footer">${esc(source.name)} · bản sao cục bộ dùng cho kiểm thử</footer></body></html>`;
  const item = (a: FixtureArticle) => `<li class="story"><a href="${esc(a.path)}">${esc(a.title)}</a> <span class="time">${ddmmyyyy(a.publishedAt)}</span><p class="sapo">${esc(a.sapo)}</p></li>`;
  const mine = articles.filter((a) => a.host === host);
  for (const a of mine) routes.set(a.path, { type: 'text/html; charset=utf-8', body: a.html });
  // Home page: the newest articles.
  for (const start of source.startUrls) {
    routes.set(pathOf(start), { type: 'text/html; charset=utf-8', body: html(source.name, `<h1>${esc(source.name)}</h1><ul class="latest">${mine.slice(0, 6).map(item).join('')}</ul>`) });
  }
  // Category listings, newest first, PAGE_SIZE per page, with a link to the next page.
  for (const l of source.listings) {
    const inCategory = mine.filter((a) => categoryMatches(l.url, a.category));
    const pages = Math.max(1, Math.ceil(inCategory.length / PAGE_SIZE));
    for (let p = 1; p <= pages; p++) {
      const url = p === 1 ? l.url : l.pagination!.replace('{page}', String(p));
      const next = p < pages && l.pagination ? `<a class="next" href="${esc(pathOf(l.pagination.replace('{page}', String(p + 1))))}">Trang sau</a>` : '';
      const list = inCategory.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE).map(item).join('');
      routes.set(pathOf(url), { type: 'text/html; charset=utf-8', body: html(`${categoryName(l.url)} - trang ${p}`, `<div class="breadcrumb"><a href="/">Trang chủ</a></div><ul class="list-news">${list}</ul><div class="paging">${next}</div>`) });
    }
  }
  // Sitemap index → one urlset (gzipped) with lastmod; RSS 2.0 feed.
  const origin = `https://${host}`;
  for (const sm of source.sitemaps) {
    const child = `${origin}/sitemaps/articles.xml.gz`;
    routes.set(pathOf(sm), { type: 'application/xml; charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${esc(child)}</loc><lastmod>${mine[0]?.publishedAt ?? ''}</lastmod></sitemap></sitemapindex>` });
    routes.set('/sitemaps/articles.xml.gz', { type: 'application/gzip', body: `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${mine.map((a) => `<url><loc>${esc(a.url)}</loc><lastmod>${a.publishedAt}</lastmod></url>`).join('')}</urlset>` });
  }
  for (const feed of source.feeds) {
    routes.set(pathOf(feed), { type: 'application/rss+xml; charset=utf-8', body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${esc(source.name)}</title><link>${origin}/</link>${mine.slice(0, 10).map((a) => `<item><title>${esc(a.title)}</title><link>${esc(a.url)}</link><pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate><description>${esc(a.sapo)}</description></item>`).join('')}</channel></rss>` });
  }
  routes.set('/robots.txt', { type: 'text/plain; charset=utf-8', body: `User-agent: *\nDisallow: /admin/\nDisallow: /_layouts/\nAllow: /\n${source.sitemaps.map((s) => `Sitemap: ${s}`).join('\n')}\n` });
  return routes;
}

/**
 * The category slug of a listing URL: its `idcm` parameter (www.mpi.gov.vn), else the last segment of its path
 * without extension (/thoi-su.htm, /thoi-su, /bo-tai-chinh/tin-tuc-tai-chinh).
 */
export function categoryOf(listingUrl: string): string {
  const u = new URL(listingUrl);
  return u.searchParams.get('idcm') ?? u.pathname.split('/').filter(Boolean).pop()?.replace(/\.[a-z]+$/i, '') ?? '';
}

/** A fixture article belongs to a listing when its category is the listing's slug. */
export function categoryMatches(listingUrl: string, category: string): boolean {
  return category !== '' && categoryOf(listingUrl) === category;
}

/** Names of the categories the sources list, for the menus of the mirror's pages. */
const CATEGORY_NAMES: Record<string, string> = {
  'thoi-su': 'Thời sự', 'kinh-te': 'Kinh tế', 'chinh-sach-moi': 'Chính sách mới', 'chi-dao-dieu-hanh': 'Chỉ đạo điều hành',
  'van-ban-moi': 'Văn bản mới', 'hoat-dong-bo-nganh': 'Hoạt động bộ ngành', '188': 'Hoạt động của Bộ', '207': 'Tình hình kinh tế - xã hội',
  '133': 'Đầu tư nước ngoài', 'tin-tuc-su-kien': 'Tin tức - Sự kiện', 'chuyen-doi-so': 'Chuyển đổi số', 'vien-thong': 'Viễn thông',
  'khoa-hoc-va-cong-nghe': 'Khoa học và Công nghệ', 'tin-tuc-tai-chinh': 'Tin tức tài chính', 'hoat-dong-cua-bo': 'Hoạt động của Bộ',
  'thong-bao-chi-dao-dieu-hanh': 'Thông báo chỉ đạo điều hành', 'tin-tuc-su-kien-noi-bat': 'Tin tức - Sự kiện nổi bật',
  'chi-dao-cua-ubnd-thanh-pho-ha-noi': 'Chỉ đạo của UBND Thành phố', 'tin-so-nganh': 'Tin sở ngành', 'kinh-doanh': 'Kinh doanh',
  'phap-luat': 'Pháp luật', 'hoat-dong': 'Hoạt động', 'phat-trien-nang-luong': 'Phát triển năng lượng',
  'thi-truong-nuoc-ngoai': 'Thị trường nước ngoài',
  // English editions (en.baochinhphu.vn, english.mic.gov.vn).
  politics: 'Politics', economy: 'Economy', policies: 'Policies', 'news-and-press-release': 'News and Press Release',
};

export function categoryName(listingUrl: string): string {
  const slug = categoryOf(listingUrl);
  return CATEGORY_NAMES[slug] ?? slug;
}

export interface MirrorOptions {
  port?: number;
  fixtures?: string;
}

export async function startMirror(options: MirrorOptions = {}): Promise<Mirror> {
  const articles = loadFixtureArticles(options.fixtures);
  const sites = new Map<string, Map<string, Route>>();
  for (const host of new Set(articles.map((a) => a.host))) {
    const source = sourceForUrl(SOURCES, `https://${host}/`);
    if (!source) continue;
    const routes = buildSite(source, host, articles);
    for (const h of source.hosts) sites.set(h, routes);
  }
  const log: string[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    let host = hostHeader;
    let path = req.url ?? '/';
    if (!sites.has(host)) {
      // Browsing the mirror itself: /<host>/path, or an index of hosts.
      const m = /^\/([a-z0-9.-]+\.[a-z]{2,})(\/.*)?$/.exec(path);
      if (m && sites.has(m[1]!)) { host = m[1]!; path = m[2] ?? '/'; }
      else {
        const index = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>vnpress local mirror</title></head><body><h1>vnpress local mirror</h1><ul>${[...new Set(articles.map((a) => a.host))].map((h) => `<li><a href="/${h}/">${h}</a></li>`).join('')}</ul></body></html>`;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(index);
        return;
      }
    }
    log.push(`${host} ${path}`);
    const route = sites.get(host)!.get(path) ?? sites.get(host)!.get(decodeURI(path));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${path}\n`);
      return;
    }
    const etag = `"${createHash('sha1').update(route.body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    let body: Buffer = Buffer.from(route.body, 'utf8');
    const headers: Record<string, string> = { 'content-type': route.type, etag, 'cache-control': 'max-age=60' };
    if (route.type === 'application/gzip') body = gzipSync(body);
    else if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && body.length > 1024) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers).end(body);
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  const hosts = [...sites.keys()];
  return {
    origin, port, hosts, articles, log,
    resolve: Object.fromEntries(hosts.map((h) => [h, origin])),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

// `node dist/pipelines/local-mirror.js [port]` serves the mirror until stopped.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const m = await startMirror({ port: Number(process.argv[2] ?? 0) });
  process.stdout.write(`local mirror on ${m.origin} serving ${m.hosts.join(', ')} (${m.articles.length} articles)\n`);
}
