/**
 * WARC writer for `vnpress export-warc`: the archived pages as a .warc.gz that web-archive tools (pywb, warcio,
 * OpenWayback, ArchiveWeb.page) can index and replay.
 *
 * Format: WARC/1.1 (ISO 28500:2017). A file is one `warcinfo` record followed by one `response` record per page;
 * each record is compressed as its own gzip member (Annex A, "record-at-time compression"), so that an index
 * (CDX) can point at a record's offset and a reader can decompress it alone.
 *
 * No `request` records are written: the store keeps the response, not the request headers we sent, and a
 * synthesised request would record something that was never on the wire. Replay tools do not need them for GET.
 */
import { createHash, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { isIP } from 'node:net';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { InputError, VnpressError } from '../errors.js';

const gzip = promisify(gzipCallback);

export interface WarcPage {
  /** The URL requested (WARC-Target-URI). */
  url: string;
  /** ISO 8601 time of the fetch (WARC-Date, written as YYYY-MM-DDThh:mm:ssZ UTC). */
  fetchedAt: string;
  /** HTTP status. */
  status: number;
  /** Response headers as received (lowercase names). */
  headers: Record<string, string>;
  /** The payload bytes as received, after content-encoding was removed. */
  body: Buffer | Uint8Array;
  /** WARC-IP-Address when known. */
  ip?: string | null;
}

export interface WarcInfo {
  /** Name and version of the software that wrote the file, e.g. "vnpress/0.1.0". */
  software: string;
  operator?: string | null;
  description?: string | null;
}

/** Where a record landed in the output: what a CDX line needs. */
export interface WarcRecordRef {
  /** The record's WARC-Record-ID, `<urn:uuid:…>`. */
  recordId: string;
  /** Offset of the record's gzip member from the first byte this writer wrote. */
  offset: number;
  /** Compressed length of the record's gzip member. */
  length: number;
}

/**
 * Where the original value of a header we rewrite is kept. This is the convention of Webrecorder's writers
 * (ArchiveWeb.page, browsertrix: `x-orig-content-encoding` when the browser already decoded the body). pywb's
 * `X-Archive-Orig-` is deliberately not used: pywb adds that prefix itself when it serves a capture, so a
 * WARC that already carried it would replay as `X-Archive-Orig-X-Archive-Orig-…`.
 */
export const ORIGINAL_HEADER_PREFIX = 'x-orig-';

/** Headers that would describe the body as still encoded or framed; the body we store is neither. */
const REWRITTEN_HEADERS = new Set(['content-encoding', 'transfer-encoding', 'content-length']);

const CRLF = Buffer.from('\r\n', 'latin1');
const RECORD_END = Buffer.from('\r\n\r\n', 'latin1');
/** RFC 7230 `token`: the only characters a header name may have. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Writes a .warc.gz stream: one warcinfo record, then one `response` record per page, each record its own gzip
 * member. Await every `write`: records are written in call order, and a write resolves only once the output has
 * taken its bytes (waiting for 'drain' when the stream is full), so an export of any size runs in flat memory.
 *
 * A page that cannot be written (an unparseable URL or date, an impossible status) rejects that write only,
 * before any byte is written, so the caller may skip it and go on. An error of the output stream rejects the
 * write during which it is seen and every later call; one the OS reports after the last write rejects `end()`,
 * so an export is complete only when `end()` has resolved.
 */
export class WarcWriter {
  /** The WARC-Record-ID of this file's warcinfo record; every response record points at it. */
  readonly warcinfoId = recordId();

  private readonly created = new Date();
  private queue: Promise<unknown> = Promise.resolve();
  private failure: unknown = undefined;
  private started = false;
  private ending: Promise<void> | undefined;
  private written = 0;
  private records = 0;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly info: WarcInfo,
    private readonly filename: string,
  ) {
    // Without a listener an output error would crash the process; it is kept and reported by the next call.
    out.on('error', (err: unknown) => {
      this.failure ??= err;
    });
  }

  /** Compressed bytes written so far: what a caller rotating files by size compares with its limit. */
  get bytesWritten(): number {
    return this.written;
  }

  /** Records written so far, the warcinfo record included. */
  get recordCount(): number {
    return this.records;
  }

  /** Writes one page as a `response` record. */
  write(page: WarcPage): Promise<WarcRecordRef> {
    if (this.ending) return Promise.reject(new VnpressError(`WARC ${this.filename}: write after end()`));
    let record: { id: string; bytes: Buffer };
    try {
      record = responseRecord(page, this.warcinfoId);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.enqueue(() => this.emit(record.id, record.bytes));
  }

  /** Writes what is pending (the warcinfo record at least, so an empty export is still a valid WARC), then ends the stream. */
  end(): Promise<void> {
    this.ending ??= this.enqueue(async () => {
      await this.ensureWarcinfo();
      this.out.end();
      await finished(this.out);
      if (this.failure !== undefined) throw this.failure;
    });
    return this.ending;
  }

  /** Runs tasks one at a time in call order; after an output failure every task rejects with it. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.failure !== undefined) throw this.failure;
      try {
        return await task();
      } catch (err) {
        this.failure ??= err;
        throw err;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async ensureWarcinfo(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.writeMember(warcinfoRecord(this.warcinfoId, this.created, this.info, this.filename));
  }

  private async emit(id: string, bytes: Buffer): Promise<WarcRecordRef> {
    await this.ensureWarcinfo();
    const { offset, length } = await this.writeMember(bytes);
    return { recordId: id, offset, length };
  }

  /** Compresses one record as its own gzip member and hands it to the stream, waiting while the stream is full. */
  private async writeMember(record: Buffer): Promise<{ offset: number; length: number }> {
    const member = await gzip(record);
    // A destroyed stream takes no bytes and emits neither 'drain' nor 'error' again: waiting would hang forever.
    if ((this.out as { destroyed?: boolean }).destroyed) {
      throw this.failure ?? new VnpressError(`the WARC output for ${this.filename} was closed while records were still being written`);
    }
    const offset = this.written;
    this.written += member.length;
    this.records++;
    if (!this.out.write(member)) await drained(this.out, () => this.failure);
    if (this.failure !== undefined) throw this.failure;
    return { offset, length: member.length };
  }
}

/** Resolves on 'drain'; rejects if the stream fails or closes first, so a dead output never hangs the export. */
function drained(out: NodeJS.WritableStream, failure: () => unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (err?: unknown) => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
      if (err === undefined) resolve();
      else reject(err);
    };
    const onDrain = () => settle();
    const onError = (err: unknown) => settle(err);
    const onClose = () => settle(failure() ?? new VnpressError('the WARC output was closed while records were still being written'));
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
    // The stream may have failed between write() and here: its 'error' has already been emitted.
    const already = failure();
    if (already !== undefined) settle(already);
  });
}

/**
 * A name following the WARC guidelines' Prefix-Timestamp-Serial pattern (no crawl host: one machine writes them),
 * e.g. `vnpress-20261122183000-00000.warc.gz`. The timestamp is the UTC time the file was begun.
 */
export function warcFileName(prefix: string, date: Date, serial: number): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(prefix)) {
    throw new InputError(`WARC file prefix "${prefix}" may only have letters, digits, '.', '_' and '-' (it names files)`);
  }
  if (!Number.isSafeInteger(serial) || serial < 0) {
    throw new InputError(`WARC file serial must be a whole number from 0, not ${serial}`);
  }
  if (Number.isNaN(date.getTime())) throw new InputError('WARC file name: the start time is not a valid date');
  return `${prefix}-${timestamp14(date)}-${String(serial).padStart(5, '0')}.warc.gz`;
}

function timestamp14(date: Date): string {
  return warcDate(date).replace(/[-:TZ]/g, '');
}

/** WARC-Date: UTC, to the second, `YYYY-MM-DDThh:mm:ssZ` (the form every WARC 1.0 and 1.1 reader accepts). */
function warcDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new VnpressError('WARC-Date: invalid date');
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

function recordId(): string {
  return `<urn:uuid:${randomUUID()}>`;
}

/** `sha1:` + RFC 4648 base32 (uppercase): the labelled digest web archives write and CDX indexes carry. */
export function sha1Digest(...parts: Uint8Array[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  return `sha1:${base32(hash.digest())}`;
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 with padding (a SHA-1's 20 bytes need none). */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

/**
 * A WARC field value on one line: CR and LF (and other control characters) would end the field early and let a
 * value forge fields or records of its own, so each run of them becomes one space.
 */
function fieldValue(value: string): string {
  return value.replace(/[\x00-\x08\x0a-\x1f\x7f]+/g, ' ').trim();
}

/** WARC record header: version line, named fields, blank line. Field values may be UTF-8 (WARC 1.1 §4). */
function warcHeader(fields: [string, string][]): Buffer {
  let text = 'WARC/1.1\r\n';
  for (const [name, value] of fields) text += `${name}: ${fieldValue(value)}\r\n`;
  return Buffer.from(text + '\r\n', 'utf8');
}

function warcinfoRecord(id: string, created: Date, info: WarcInfo, filename: string): Buffer {
  const fields: [string, string][] = [
    ['software', info.software],
    ['format', 'WARC File Format 1.1'],
    ['conformsTo', 'https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/'],
  ];
  if (info.operator) fields.push(['operator', info.operator]);
  if (info.description) fields.push(['description', info.description]);
  // application/warc-fields: the same `name: value` lines as a record header, without version line or blank line.
  const block = Buffer.from(fields.map(([name, value]) => `${name}: ${fieldValue(value)}\r\n`).join(''), 'utf8');
  const header = warcHeader([
    ['WARC-Type', 'warcinfo'],
    ['WARC-Record-ID', id],
    ['WARC-Date', warcDate(created)],
    ['WARC-Filename', filename],
    ['WARC-Block-Digest', sha1Digest(block)],
    ['Content-Type', 'application/warc-fields'],
    ['Content-Length', String(block.length)],
  ]);
  return Buffer.concat([header, block, RECORD_END]);
}

function responseRecord(page: WarcPage, warcinfoId: string): { id: string; bytes: Buffer } {
  const targetUri = targetUriOf(page.url);
  const date = new Date(page.fetchedAt);
  if (Number.isNaN(date.getTime())) {
    throw new VnpressError(`cannot write ${targetUri} as WARC: its fetch time "${page.fetchedAt}" is not a date`);
  }
  if (!Number.isInteger(page.status) || page.status < 100 || page.status > 999) {
    throw new VnpressError(`cannot write ${targetUri} as WARC: HTTP status ${page.status} is not a status code`);
  }
  const body = Buffer.isBuffer(page.body) ? page.body : Buffer.from(page.body.buffer, page.body.byteOffset, page.body.byteLength);
  const httpHead = httpResponseHead(page.status, page.headers, body.length);
  const id = recordId();
  const fields: [string, string][] = [
    ['WARC-Type', 'response'],
    ['WARC-Record-ID', id],
    ['WARC-Date', warcDate(date)],
    ['WARC-Target-URI', targetUri],
  ];
  // An address that is not one would make the record invalid; it is left out rather than written wrong.
  if (page.ip && isIP(page.ip.trim()) !== 0) fields.push(['WARC-IP-Address', page.ip.trim()]);
  fields.push(
    ['WARC-Warcinfo-ID', warcinfoId],
    ['WARC-Block-Digest', sha1Digest(httpHead, body)],
    // The payload of an application/http block is its entity-body, which here is the body as stored.
    ['WARC-Payload-Digest', sha1Digest(body)],
    ['Content-Type', 'application/http;msgtype=response'],
    ['Content-Length', String(httpHead.length + body.length)],
  );
  return { id, bytes: Buffer.concat([warcHeader(fields), httpHead, body, RECORD_END]) };
}

/**
 * The request URI as an RFC 3986 URI: the WHATWG serialisation percent-encodes non-ASCII path and query
 * characters as UTF-8 and writes an IDN host in punycode. The fragment goes: it is never sent, so it was not the
 * target of the request. Written without angle brackets, as every reader expects (wget's `<…>` is a known defect).
 */
function targetUriOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (err) {
    throw new VnpressError(`cannot write "${fieldValue(url)}" as WARC: it is not an absolute URL`, { cause: err });
  }
  parsed.hash = '';
  return parsed.href;
}

/**
 * Status line, headers and blank line for a body that is stored decoded: the headers must say what the block
 * holds, or a reader would try to gunzip plain HTML or read chunk sizes out of it. Content-Encoding and
 * Transfer-Encoding are kept under ORIGINAL_HEADER_PREFIX, Content-Length is set to the stored length (the
 * received value kept likewise when it differs).
 */
function httpResponseHead(status: number, headers: Record<string, string>, length: number): Buffer {
  const lines: Buffer[] = [Buffer.from(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n`, 'latin1')];
  const add = (name: string, value: string) => {
    // A value holding line breaks (several values joined with '\n') becomes one header line per value, so that
    // no value can start a header or a body of its own.
    for (const part of value.split(/\r\n|\r|\n/)) {
      const clean = part.replace(/[\x00-\x08\x0a-\x1f\x7f]+/g, ' ').trim();
      if (clean !== '') lines.push(headerLine(name, clean));
    }
  };
  for (const [rawName, value] of Object.entries(headers)) {
    const name = rawName.trim().toLowerCase();
    // HTTP/2 pseudo-headers (':status') and other non-tokens cannot be written in an HTTP/1.1 message.
    if (!TOKEN.test(name) || typeof value !== 'string') continue;
    if (!REWRITTEN_HEADERS.has(name)) {
      add(rawName.trim(), value);
    } else if (name !== 'content-length' || value.trim() !== String(length)) {
      add(ORIGINAL_HEADER_PREFIX + name, value);
    }
  }
  lines.push(Buffer.from(`content-length: ${length}\r\n`, 'latin1'), CRLF);
  return Buffer.concat(lines);
}

/**
 * HTTP header bytes. undici hands header values over as latin1 (one character per byte received), so latin1
 * gives the server's bytes back; a value with characters beyond latin1 cannot have come from the wire that way
 * and is written as UTF-8 rather than mangled.
 */
function headerLine(name: string, value: string): Buffer {
  const encoding = /^[\x00-\xff]*$/.test(value) ? 'latin1' : 'utf8';
  return Buffer.concat([Buffer.from(`${name}: `, 'latin1'), Buffer.from(value, encoding), CRLF]);
}
