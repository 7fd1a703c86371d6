/**
 * HTTP fetching with undici: a clear User-Agent, conditional requests, redirects followed by hand (with loop
 * and limit checks), gzip/deflate/br decoded with a size cap (no gzip bombs), a body size cap, a timeout,
 * and typed errors that say whether a retry can help. A host can be pointed at another address (like
 * `curl --resolve`), which is how tests and the demo crawl the real definitions against the local mirror.
 */
import { Agent, request } from 'undici';
import { createGunzip, createInflate, createBrotliDecompress } from 'node:zlib';
import { Readable } from 'node:stream';
import { FetchError } from '../errors.js';
import { decodeBody } from '../article/decode.js';
import type { Page } from '../types.js';

export interface FetcherOptions {
  userAgent: string;
  /** host → origin to connect to instead ("baochinhphu.vn" → "http://127.0.0.1:40123"). */
  resolve?: Record<string, string>;
  /** @default 30000 */
  timeoutMs?: number;
  /** Largest body accepted, after decompression. @default 20 MiB */
  maxBytes?: number;
  /** @default 5 */
  maxRedirects?: number;
}

export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResult extends Page {
  notModified: boolean;
  bytes: number;
  elapsedMs: number;
}

/** Says who we are; `--contact` adds an address so that site owners can reach the person running the crawl. */
export const DEFAULT_USER_AGENT = 'vnpress/0.1 (research crawler of public press releases)';

export class Fetcher {
  private readonly agent: Agent;
  private readonly opts: Required<Omit<FetcherOptions, 'resolve'>> & { resolve: Record<string, string> };

  constructor(options: FetcherOptions) {
    this.opts = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5, resolve: {}, ...options };
    // Keep-alive connections, a few per origin; politeness (one request per host at a time) is the crawler's job.
    this.agent = new Agent({ connections: 4, keepAliveTimeout: 10_000, headersTimeout: this.opts.timeoutMs, bodyTimeout: this.opts.timeoutMs });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** Where to connect for a URL, and the Host header to send. */
  private target(url: URL): { origin: string; host: string } {
    const mapped = this.opts.resolve[url.hostname] ?? this.opts.resolve[url.host];
    return { origin: mapped ?? url.origin, host: url.host };
  }

  async fetch(url: string, conditional: ConditionalHeaders = {}): Promise<FetchResult> {
    const started = Date.now();
    const seen = new Set<string>();
    let current = url;
    for (let hop = 0; hop <= this.opts.maxRedirects; hop++) {
      if (seen.has(current)) throw new FetchError(`redirect loop at ${current}`, { url, retryable: false });
      seen.add(current);
      const u = new URL(current);
      const { origin, host } = this.target(u);
      const headers: Record<string, string> = {
        'user-agent': this.opts.userAgent,
        'accept': 'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,*/*;q=0.5',
        'accept-language': 'vi,en;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
        'host': host,
      };
      if (hop === 0 && conditional.etag) headers['if-none-match'] = conditional.etag;
      if (hop === 0 && conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
      let res;
      try {
        res = await request(new URL(u.pathname + u.search, origin), {
          method: 'GET', headers, dispatcher: this.agent, signal: AbortSignal.timeout(this.opts.timeoutMs),
        });
      } catch (e) {
        throw new FetchError(`cannot fetch ${current}: ${(e as Error).message}`, { url, retryable: true, cause: e });
      }
      const status = res.statusCode;
      const h = flatHeaders(res.headers);
      if (status >= 300 && status < 400 && status !== 304 && h.location) {
        await res.body.dump();
        current = new URL(h.location, current).href;
        continue;
      }
      if (status === 304) {
        await res.body.dump();
        return { url, finalUrl: current, status, headers: h, body: '', fetchedAt: new Date().toISOString(), notModified: true, bytes: 0, elapsedMs: Date.now() - started };
      }
      if (status >= 400) {
        await res.body.dump();
        const retryable = status === 429 || status >= 500 || status === 408;
        throw new FetchError(`${current} answered HTTP ${status}${retryable ? '; will retry later' : ''}`, {
          url, status, retryable, retryAfterMs: retryAfter(h['retry-after']),
        });
      }
      // A gzipped file served as such (sitemap.xml.gz) arrives still compressed: open it, within the same cap.
      const bytes = await gunzipIfNeeded(await readLimited(res.body, h['content-encoding'], this.opts.maxBytes, current), this.opts.maxBytes);
      const decoded = decodeBody(bytes, h['content-type']);
      return {
        url, finalUrl: current, status, headers: h, body: decoded.text, charset: decoded.charset,
        fetchedAt: new Date().toISOString(), notModified: false, bytes: bytes.length, elapsedMs: Date.now() - started,
      };
    }
    throw new FetchError(`more than ${this.opts.maxRedirects} redirects from ${url}`, { url, retryable: false });
  }
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Retry-After as milliseconds: either seconds or an HTTP date. */
export function retryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

async function readLimited(body: Readable, encoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  let stream: Readable = body;
  const enc = (encoding ?? '').toLowerCase().trim();
  if (enc === 'gzip' || enc === 'x-gzip') stream = body.pipe(createGunzip());
  else if (enc === 'deflate') stream = body.pipe(createInflate());
  else if (enc === 'br') stream = body.pipe(createBrotliDecompress());
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        body.destroy();
        stream.destroy();
        throw new FetchError(`${url} is larger than ${Math.round(maxBytes / 1048576)} MiB (after decompression); skipped`, { url, retryable: false });
      }
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(`cannot read the body of ${url}: ${(e as Error).message}`, { url, retryable: true, cause: e });
  }
  return Buffer.concat(chunks);
}

/** Decompresses gzip when the bytes start with its magic number (sitemap.xml.gz served as octet-stream). */
export async function gunzipIfNeeded(bytes: Buffer, maxBytes: number): Promise<Buffer> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  return readLimited(Readable.from([bytes]), 'gzip', maxBytes, 'gzipped body');
}
