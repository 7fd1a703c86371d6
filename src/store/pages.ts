/**
 * Fetched pages, raw body kept. A page fetched again with the same body (by hash) is recorded as seen
 * without a rewrite, so unchanged pages do no extraction work downstream.
 */
import type { PageKind } from '../errors.js';
import type { Db } from './db.js';
import type { Page } from '../types.js';
import { sha256 } from './articles.js';
import type { SourceDefinition } from '../../pipelines/source.js';

export interface SavedPage {
  id: number;
  changed: boolean;
}

export class PageStore {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      find: db.prepare<[string], { id: number; body_hash: string; etag: string | null; last_modified: string | null }>(
        'SELECT id, body_hash, etag, last_modified FROM pages WHERE url = ?'),
      insert: db.prepare(`INSERT INTO pages (url, final_url, source_id, status, content_type, headers, body, body_hash, charset, etag, last_modified, fetched_at)
        VALUES (@url, @final_url, @source_id, @status, @content_type, @headers, @body, @body_hash, @charset, @etag, @last_modified, @fetched_at)`),
      update: db.prepare(`UPDATE pages SET final_url = @final_url, status = @status, content_type = @content_type, headers = @headers, body = @body,
        body_hash = @body_hash, charset = @charset, etag = @etag, last_modified = @last_modified, fetched_at = @fetched_at WHERE id = @id`),
      touch: db.prepare('UPDATE pages SET fetched_at = ?, etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified) WHERE id = ?'),
      notArticle: db.prepare('UPDATE pages SET page_kind = ? WHERE url = ?'),
      source: db.prepare(`INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, hosts = excluded.hosts, lang = excluded.lang, updated_at = excluded.updated_at`),
    };
  }

  conditional(url: string): { etag: string | null; lastModified: string | null } | null {
    const r = this.stmts.find.get(url);
    return r ? { etag: r.etag, lastModified: r.last_modified } : null;
  }

  save(page: Page): SavedPage {
    const hash = sha256(page.body);
    const existing = this.stmts.find.get(page.url);
    const row = {
      url: page.url, final_url: page.finalUrl, source_id: page.source ?? null, status: page.status,
      content_type: page.headers['content-type'] ?? null, headers: JSON.stringify(page.headers), body: page.body, body_hash: hash,
      charset: page.charset ?? null, etag: page.headers.etag ?? null, last_modified: page.headers['last-modified'] ?? null,
      fetched_at: page.fetchedAt,
    };
    if (!existing) return { id: Number(this.stmts.insert.run(row).lastInsertRowid), changed: true };
    if (existing.body_hash === hash) {
      this.stmts.touch.run(page.fetchedAt, row.etag, row.last_modified, existing.id);
      return { id: existing.id, changed: false };
    }
    this.stmts.update.run({ ...row, id: existing.id });
    return { id: existing.id, changed: true };
  }

  /** Records a 304 Not Modified: the stored body still holds. */
  /** Records that a fetched URL holds no article, and what it is instead. */
  markNotArticle(url: string, kind: PageKind): void {
    this.stmts.notArticle.run(kind, url);
  }

  notModified(url: string, fetchedAt: string): number | null {
    const existing = this.stmts.find.get(url);
    if (!existing) return null;
    this.stmts.touch.run(fetchedAt, null, null, existing.id);
    return existing.id;
  }

  upsertSource(s: SourceDefinition): void {
    this.stmts.source.run(s.id, s.name, JSON.stringify(s.hosts), s.lang, new Date().toISOString());
  }
}
