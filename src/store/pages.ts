/**
 * Fetched pages, kept as the bytes the server sent (gzip-compressed) with the headers and what they were
 * decoded as. A page fetched again with the same bytes (by hash) is recorded as seen without a rewrite, so
 * unchanged pages do no extraction work downstream; the archive can be re-read without the network
 * (`vnpress reextract`) or written out as WARC (`vnpress export-warc`).
 */
import { gunzipSync, gzipSync, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import type { PageKind } from '../errors.js';
import type { Db } from './db.js';
import type { Page } from '../types.js';
import type { SourceDefinition } from '../../pipelines/source.js';

export interface SavedPage {
  id: number;
  changed: boolean;
}

/** A fetched page with its bytes: what the store keeps. */
export interface RawPage extends Page {
  /** The bytes as received, HTTP content-encoding undone. */
  raw: Uint8Array;
}

/** A page of the archive, its bytes read on demand. */
export interface ArchivedPage {
  id: number;
  url: string;
  finalUrl: string;
  sourceId: string | null;
  status: number;
  headers: Record<string, string>;
  fetchedAt: string;
  /** The frontier's kind for the URL ('article', 'listing', …), null when the frontier does not know it. */
  kind: string | null;
  /** The bytes as received; pages archived before bytes were kept give their decoded text as UTF-8. */
  raw(): Buffer;
  /**
   * The decoded text of a page archived before bytes were kept (null for others): it must not be decoded
   * again by its headers' charset, which named the bytes it came from.
   */
  legacyText: string | null;
}

interface PageRow {
  id: number; url: string; final_url: string; source_id: string | null; status: number; headers: string;
  fetched_at: string; raw: Buffer | null; body: string | null; kind: string | null;
}

/** gzip at level 6: a third of the size of a news page for a fifth of a millisecond (level 1 saves little time). */
const GZIP = { level: 6 };

export const sha256Bytes = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A page's bytes compressed and hashed, ready to store. */
export interface PackedRaw {
  gz: Buffer;
  hash: string;
  bytes: number;
}

const gzipAsync = promisify(gzip);

/**
 * Compresses a page's bytes on libuv's thread pool: a fifth of a millisecond per page that the crawl's
 * main thread would otherwise spend, at a thousand pages a second, a fifth of its time on.
 */
export async function packRaw(raw: Uint8Array, hash = sha256Bytes(raw)): Promise<PackedRaw> {
  return { gz: await gzipAsync(raw, GZIP), hash, bytes: raw.length };
}

const packRawSync = (raw: Uint8Array): PackedRaw => ({ gz: gzipSync(raw, GZIP), hash: sha256Bytes(raw), bytes: raw.length });

export class PageStore {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      find: db.prepare<[string], { id: number; body_hash: string; etag: string | null; last_modified: string | null }>(
        'SELECT id, body_hash, etag, last_modified FROM pages WHERE url = ?'),
      insert: db.prepare(`INSERT INTO pages (url, final_url, source_id, status, content_type, headers, raw, raw_bytes, body_hash, charset, charset_via, converted_from, etag, last_modified, fetched_at)
        VALUES (@url, @final_url, @source_id, @status, @content_type, @headers, @raw, @raw_bytes, @body_hash, @charset, @charset_via, @converted_from, @etag, @last_modified, @fetched_at)`),
      update: db.prepare(`UPDATE pages SET final_url = @final_url, status = @status, content_type = @content_type, headers = @headers, raw = @raw,
        raw_bytes = @raw_bytes, body = NULL, body_hash = @body_hash, charset = @charset, charset_via = @charset_via, converted_from = @converted_from,
        etag = @etag, last_modified = @last_modified, fetched_at = @fetched_at, page_kind = NULL WHERE id = @id`),
      touch: db.prepare('UPDATE pages SET fetched_at = ?, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) WHERE id = ?'),
      notArticle: db.prepare('UPDATE pages SET page_kind = ? WHERE url = ?'),
      source: db.prepare(`INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, hosts = excluded.hosts, lang = excluded.lang, updated_at = excluded.updated_at`),
      // Keyset pages of the archive: an open iterator would keep the connection busy, and re-extraction
      // writes between reads.
      archived: db.prepare<{ after: number; source: string | null; limit: number }, PageRow>(`SELECT p.id, p.url, p.final_url, p.source_id,
        p.status, p.headers, p.fetched_at, p.raw, p.body, f.kind FROM pages p LEFT JOIN frontier f ON f.url = p.url
        WHERE p.id > @after AND (@source IS NULL OR p.source_id = @source) ORDER BY p.id LIMIT @limit`),
      count: db.prepare<{ source: string | null }, { n: number }>('SELECT COUNT(*) AS n FROM pages WHERE @source IS NULL OR source_id = @source'),
    };
  }

  /** Whether the page is stored with exactly these bytes (by their sha256). */
  hasBody(url: string, hash: string): boolean {
    return this.stmts.find.get(url)?.body_hash === hash;
  }

  conditional(url: string): { etag: string | null; lastModified: string | null } | null {
    const r = this.stmts.find.get(url);
    return r ? { etag: r.etag, lastModified: r.last_modified } : null;
  }

  /** Stores a page; `packed` is its bytes already compressed (packRaw), else they are compressed here. */
  save(page: RawPage, packed: PackedRaw = packRawSync(page.raw)): SavedPage {
    const hash = packed.hash;
    const existing = this.stmts.find.get(page.url);
    if (existing && existing.body_hash === hash) {
      this.stmts.touch.run(page.fetchedAt, page.headers.etag ?? null, page.headers['last-modified'] ?? null, existing.id);
      return { id: existing.id, changed: false };
    }
    const row = {
      url: page.url, final_url: page.finalUrl, source_id: page.source ?? null, status: page.status,
      content_type: page.headers['content-type'] ?? null, headers: JSON.stringify(page.headers),
      raw: packed.gz, raw_bytes: packed.bytes, body_hash: hash,
      charset: page.charset ?? null, charset_via: page.charsetVia ?? null, converted_from: page.convertedFrom ?? null,
      etag: page.headers.etag ?? null, last_modified: page.headers['last-modified'] ?? null, fetched_at: page.fetchedAt,
    };
    if (!existing) return { id: Number(this.stmts.insert.run(row).lastInsertRowid), changed: true };
    this.stmts.update.run({ ...row, id: existing.id });
    return { id: existing.id, changed: true };
  }

  /** Records that a fetched URL holds no article, and what it is instead (null: it holds one after all). */
  markNotArticle(url: string, kind: PageKind | null): void {
    this.stmts.notArticle.run(kind, url);
  }

  /**
   * Records a fetch that brought nothing new (a 304, or the same bytes): the stored page still holds; a new
   * ETag or Last-Modified the answer carried is kept for the next conditional request.
   */
  seen(url: string, fetchedAt: string, headers: Record<string, string> = {}): number | null {
    const existing = this.stmts.find.get(url);
    if (!existing) return null;
    this.stmts.touch.run(fetchedAt, headers.etag ?? null, headers['last-modified'] ?? null, existing.id);
    return existing.id;
  }

  upsertSource(s: SourceDefinition): void {
    this.stmts.source.run(s.id, s.name, JSON.stringify(s.hosts), s.lang, new Date().toISOString());
  }

  count(source: string | null = null): number {
    return this.stmts.count.get({ source })!.n;
  }

  /** Every archived page (of one source), in the order fetched first, read a batch at a time. */
  *archive(source: string | null = null, batch = 200): Generator<ArchivedPage> {
    let after = 0;
    for (;;) {
      const rows = this.stmts.archived.all({ after, source, limit: batch });
      if (!rows.length) return;
      for (const r of rows) {
        yield {
          id: r.id, url: r.url, finalUrl: r.final_url, sourceId: r.source_id, status: r.status,
          headers: JSON.parse(r.headers) as Record<string, string>, fetchedAt: r.fetched_at, kind: r.kind,
          raw: () => (r.raw ? gunzipSync(r.raw) : Buffer.from(r.body ?? '', 'utf8')),
          legacyText: r.raw ? null : r.body ?? '',
        };
      }
      after = rows[rows.length - 1]!.id;
    }
  }
}
