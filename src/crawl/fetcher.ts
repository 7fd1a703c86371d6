/**
 * HTTP fetching with undici: a clear User-Agent, conditional requests, redirects followed by hand (with
 * loop, limit and host checks), gzip/deflate/br decoded under a size cap (no bombs), a body size cap, connect,
 * headers and body timeouts, private addresses refused, and typed errors that say whether a retry can help.
 * A host can be pointed at another address (like `curl --resolve`), which is how tests and the demo crawl
 * the real definitions against the local mirror.
 */
import { Agent, request } from 'undici';
import { createGunzip, createInflate, createBrotliDecompress } from 'node:zlib';
import { Readable } from 'node:stream';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { FetchError, type FetchFailure } from '../errors.js';
import { decodeBody } from '../article/decode.js';
import type { Page } from '../types.js';

export interface FetcherOptions {
  userAgent: string;
  /** host → origin to connect to instead ("baochinhphu.vn" → "http://127.0.0.1:40123"). */
  resolve?: Record<string, string>;
  /** Time to open a connection. @default 10000 */
  connectTimeoutMs?: number;
  /** Time from the request to the response's headers. @default 30000 */
  headersTimeoutMs?: number;
  /** Longest silence while the body arrives. @default 30000 */
  bodyTimeoutMs?: number;
  /** Whole fetch, redirects included: a server that trickles a byte every few seconds ends here. @default 120000 */
  totalTimeoutMs?: number;
  /** Largest body accepted, before and after decompression. @default 10 MiB */
  maxBytes?: number;
  /** @default 10 */
  maxRedirects?: number;
  /** Connect to private, loopback and link-local addresses. Hosts mapped by `resolve` are always allowed. */
  allowPrivate?: boolean;
  /** Connections kept per origin. @default 4 */
  connections?: number;
}

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  /** Hosts a redirect may lead to (a source's hosts); any host when absent. */
  allowedHosts?: readonly string[];
  /** Content types worth reading; others are refused before their body is read. Any when absent. */
  accept?: (contentType: string) => boolean;
}

export interface FetchResult extends Page {
  notModified: boolean;
  /** The bytes as received, content-encoding undone (empty for a 304). */
  raw: Buffer;
  bytes: number;
  elapsedMs: number;
}

/** Says who we are; `--contact` adds an address so that site owners can reach the person running the crawl. */
export const DEFAULT_USER_AGENT = 'vnpress/0.1 (research crawler of public press releases)';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Addresses a crawler of public sites has no business connecting to: a hostile page or DNS answer could
 * otherwise point it at the machine itself or the local network (RFC 6890 special-purpose blocks).
 */
const PRIVATE = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const ADDRESS_REFUSED = 'EVNPRESS_PRIVATE_ADDRESS';

/** DNS lookup that refuses private answers: checked at connect time, so a DNS answer cannot sneak one in. */
function publicLookup(hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad) {
      return callback(Object.assign(new Error(`${hostname} resolves to ${bad.address}, a private or loopback address`), { code: ADDRESS_REFUSED }), []);
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

export class Fetcher {
  private readonly agent: Agent;
  private readonly mappedAgent: Agent;
  private readonly opts: Required<Omit<FetcherOptions, 'resolve'>> & { resolve: Record<string, string> };

  constructor(options: FetcherOptions) {
    const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as FetcherOptions;
    this.opts = {
      connectTimeoutMs: 10_000, headersTimeoutMs: 30_000, bodyTimeoutMs: 30_000, totalTimeoutMs: 120_000,
      maxBytes: DEFAULT_MAX_BYTES, maxRedirects: 10, allowPrivate: false, connections: 4, resolve: {}, ...defined,
    };
    // Keep-alive connections, a few per origin; politeness (one request per host at a time) is the crawler's job.
    const agent = (lookup: typeof publicLookup | null) => new Agent({
      connections: this.opts.connections, keepAliveTimeout: 10_000,
      headersTimeout: this.opts.headersTimeoutMs, bodyTimeout: this.opts.bodyTimeoutMs,
      connect: { timeout: this.opts.connectTimeoutMs, ...(lookup ? { lookup } : {}) },
    });
    this.agent = agent(this.opts.allowPrivate ? null : publicLookup);
    // Hosts mapped with `resolve` go where they were told to, "localhost" included.
    this.mappedAgent = agent(null);
  }

  async close(): Promise<void> {
    await Promise.all([this.agent.close(), this.mappedAgent.close()]);
  }

  /** Where to connect for a URL, and the Host header to send. */
  private target(url: URL): { origin: string; host: string; mapped: boolean } {
    const mapped = this.opts.resolve[url.hostname] ?? this.opts.resolve[url.host];
    return { origin: mapped ?? url.origin, host: url.host, mapped: mapped !== undefined };
  }

  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const started = Date.now();
    const seen = new Set<string>();
    const signal = AbortSignal.timeout(this.opts.totalTimeoutMs);
    const fail = (message: string, reason: FetchFailure, retryable: boolean, extra: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) =>
      new FetchError(message, { url, reason, retryable, ...extra });
    let current = url;
    for (let hop = 0; hop <= this.opts.maxRedirects; hop++) {
      if (seen.has(current)) throw fail(`redirect loop at ${current}: the server sends it back to a page already visited`, 'redirect', false);
      seen.add(current);
      const u = new URL(current);
      const { origin, host, mapped } = this.target(u);
      // An address written in the URL never goes through DNS, so it is checked here.
      if (!mapped && !this.opts.allowPrivate && isPrivateAddress(u.hostname.replace(/^\[|\]$/g, ''))) {
        throw fail(`${current} is a private or loopback address; refused (use --allow-private to crawl a local network)`, 'address', false);
      }
      const headers: Record<string, string> = {
        'user-agent': this.opts.userAgent,
        'accept': 'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml;q=0.9,*/*;q=0.5',
        'accept-language': 'vi,en;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
        'host': host,
      };
      if (hop === 0 && options.etag) headers['if-none-match'] = options.etag;
      if (hop === 0 && options.lastModified) headers['if-modified-since'] = options.lastModified;
      let res;
      try {
        res = await request(new URL(u.pathname + u.search, origin), { method: 'GET', headers, dispatcher: mapped ? this.mappedAgent : this.agent, signal });
      } catch (e) {
        throw requestFailure(e, current, url, this.opts);
      }
      const status = res.statusCode;
      const h = flatHeaders(res.headers);
      if (status >= 300 && status < 400 && status !== 304 && h.location) {
        await res.body.dump();
        let next: URL;
        try { next = new URL(h.location, current); } catch { throw fail(`${current} redirects to "${h.location}", which is not a URL`, 'redirect', false); }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') throw fail(`${current} redirects to ${next.protocol} URL; not followed`, 'redirect', false);
        if (options.allowedHosts && !options.allowedHosts.includes(next.hostname.toLowerCase())) {
          throw fail(`${current} redirects to ${next.href}, outside the source's hosts (${options.allowedHosts.join(', ')}); not followed`, 'redirect', false);
        }
        next.hash = '';
        current = next.href;
        continue;
      }
      if (status === 304) {
        await res.body.dump();
        return { url, finalUrl: current, status, headers: h, body: '', raw: Buffer.alloc(0), fetchedAt: new Date().toISOString(), notModified: true, bytes: 0, elapsedMs: Date.now() - started };
      }
      if (status >= 400) {
        await res.body.dump();
        const retryable = status === 429 || status >= 500 || status === 408;
        throw fail(`${current} answered HTTP ${status}${retryable ? '; will retry later' : ''}`, 'http', retryable, { status, retryAfterMs: retryAfter(h['retry-after']) });
      }
      const contentType = (h['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (contentType && options.accept && !options.accept(contentType)) {
        discard(res.body);
        throw fail(`${current} is ${contentType}, not a page vnpress reads; recorded and skipped`, 'content-type', false, { status });
      }
      // Refused before reading when the server says how big it is.
      const declared = Number(h['content-length']);
      if (!h['content-encoding'] && Number.isFinite(declared) && declared > this.opts.maxBytes) {
        discard(res.body);
        throw fail(tooLarge(current, this.opts.maxBytes, `it says ${mib(declared)}`), 'too-large', false, { status });
      }
      // A gzipped file served as such (sitemap.xml.gz) arrives still compressed: open it, within the same cap.
      const raw = await gunzipIfNeeded(await readLimited(res.body, h['content-encoding'], this.opts.maxBytes, current, url, this.opts), this.opts.maxBytes, url);
      const decoded = decodeBody(raw, h['content-type']);
      return {
        url, finalUrl: current, status, headers: h, body: decoded.text, raw, charset: decoded.charset, charsetVia: decoded.via,
        convertedFrom: decoded.convertedFrom,
        fetchedAt: new Date().toISOString(), notModified: false, bytes: raw.length, elapsedMs: Date.now() - started,
      };
    }
    throw fail(`more than ${this.opts.maxRedirects} redirects from ${url}; not followed`, 'redirect', false);
  }
}

const mib = (n: number) => `${Number.isInteger(n / 1048576) ? n / 1048576 : (n / 1048576).toFixed(2)} MiB`;

/** Drops a body unread: the connection is closed, and the abort it causes is not an error of ours. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}
const tooLarge = (url: string, max: number, detail: string) => `${url} is larger than the ${mib(max)} limit (${detail}); skipped (raise --max-bytes to keep such pages)`;

/** An undici failure as a FetchError: which phase timed out, an address refused, or a network fault. */
function requestFailure(e: unknown, current: string, url: string, opts: Required<Omit<FetcherOptions, 'resolve'>>): FetchError {
  const chain: { code?: string; name?: string; message?: string }[] = [];
  for (let c = e as { cause?: unknown } | undefined; c && chain.length < 5; c = c.cause as typeof c) chain.push(c as never);
  const code = chain.map((c) => c.code).find(Boolean);
  if (chain.some((c) => c.code === ADDRESS_REFUSED)) {
    const msg = chain.find((c) => c.code === ADDRESS_REFUSED)!.message;
    return new FetchError(`${current}: ${msg}; refused (use --allow-private to crawl a local network)`, { url, reason: 'address', retryable: false, cause: e });
  }
  const timeouts: Record<string, string> = {
    UND_ERR_CONNECT_TIMEOUT: `could not connect within ${opts.connectTimeoutMs / 1000} s`,
    UND_ERR_HEADERS_TIMEOUT: `sent no response headers within ${opts.headersTimeoutMs / 1000} s`,
    UND_ERR_BODY_TIMEOUT: `stalled for ${opts.bodyTimeoutMs / 1000} s while sending the body`,
  };
  if (code && timeouts[code]) return new FetchError(`${current} ${timeouts[code]}; will retry later`, { url, reason: 'timeout', retryable: true, cause: e });
  if (chain.some((c) => c.name === 'TimeoutError')) {
    return new FetchError(`${current} took longer than ${opts.totalTimeoutMs / 1000} s in all; will retry later`, { url, reason: 'timeout', retryable: true, cause: e });
  }
  const why = chain.map((c) => c.message).filter(Boolean).pop() ?? String(e);
  return new FetchError(`cannot fetch ${current}: ${why}${code ? ` (${code})` : ''}; will retry later`, { url, reason: 'network', retryable: true, cause: e });
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

async function readLimited(body: Readable, encoding: string | undefined, maxBytes: number, current: string, url: string, opts?: Required<Omit<FetcherOptions, 'resolve'>>): Promise<Buffer> {
  let stream: Readable = body;
  const enc = (encoding ?? '').toLowerCase().trim();
  const decoder = enc === 'gzip' || enc === 'x-gzip' ? createGunzip() : enc === 'deflate' ? createInflate() : enc === 'br' ? createBrotliDecompress() : null;
  if (decoder) {
    // pipe() does not pass on the body's errors: a body that stalls or resets would leave the decoder
    // waiting forever. The compressed bytes count against the cap too.
    let received = 0;
    body.on('error', (e) => decoder.destroy(e));
    body.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) decoder.destroy(new FetchError(tooLarge(current, maxBytes, 'as received'), { url, reason: 'too-large', retryable: false }));
    });
    stream = body.pipe(decoder);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        discard(body);
        if (stream !== body) discard(stream);
        throw new FetchError(tooLarge(current, maxBytes, enc ? 'after decompression' : 'as received'), { url, reason: 'too-large', retryable: false });
      }
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    // A body that stalls past its timeout, or a fetch past its total time, is a timeout like any other.
    if (opts) {
      const failure = requestFailure(e, current, url, opts);
      if (failure.reason === 'timeout') throw failure;
    }
    throw new FetchError(`cannot read the body of ${current}: ${(e as Error).message}; will retry later`, { url, reason: 'network', retryable: true, cause: e });
  }
  return Buffer.concat(chunks);
}

/**
 * Decompresses gzip when the bytes start with its magic number (sitemap.xml.gz served as octet-stream). Bytes
 * that only look like gzip are kept as they are: fetching them again would not change them.
 */
export async function gunzipIfNeeded(bytes: Buffer, maxBytes: number, url = 'gzipped body'): Promise<Buffer> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return await readLimited(Readable.from([bytes]), 'gzip', maxBytes, url, url);
  } catch (e) {
    if (e instanceof FetchError && e.reason === 'too-large') throw e;
    return bytes;
  }
}
