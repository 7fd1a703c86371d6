/**
 * Writing articles and their facts. One article and all its facts are written in one transaction;
 * writing the same article again with the same text changes nothing (idempotent), and a changed text
 * replaces its facts.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db.js';
import type { Article, Facts, Span } from '../types.js';
import { docKey } from '../facts/legal-refs.js';
import { splitTitle } from '../facts/officials.js';
import { bands, hammingDistance, NEAR_DUPLICATE_BITS, simhash } from '../article/simhash.js';
import { foldKey } from '../text/normalize.js';
import { FtsIndex } from './fts-index.js';
import { RankIndex, announceIndexing } from './rank-index.js';
import { PersonResolver } from './persons.js';

/** Facts two articles in different languages must share to be versions of one story. */
export const VERSION_SHARED = 2;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface SavedArticle {
  id: number;
  /** False when the article was already stored with the same text and extraction: nothing was written. */
  changed: boolean;
}

/** A fingerprint of what extraction produced, so re-extraction with a newer extractor rewrites facts. */
function factsHash(text: string, facts: Facts): string {
  return sha256(text + JSON.stringify(facts));
}

export class ArticleStore {
  private readonly stmts;
  private readonly fts: FtsIndex;
  private readonly rank: RankIndex;
  private readonly persons: PersonResolver;

  constructor(private readonly db: Db) {
    this.stmts = {
      find: db.prepare<[string], { id: number; text_hash: string }>('SELECT id, text_hash FROM articles WHERE url = ?'),
      insert: db.prepare(`INSERT INTO articles (page_id, url, canonical_url, source_id, title, published_at, updated_at, author, credit,
          lead, text, lang, category, tags, images, method, warnings, text_hash, extracted_at)
        VALUES (@page_id, @url, @canonical_url, @source_id, @title, @published_at, @updated_at, @author, @credit,
          @lead, @text, @lang, @category, @tags, @images, @method, @warnings, @text_hash, @extracted_at)`),
      update: db.prepare(`UPDATE articles SET page_id = @page_id, canonical_url = @canonical_url, source_id = @source_id, title = @title,
          published_at = @published_at, updated_at = @updated_at, author = @author, credit = @credit, lead = @lead, text = @text,
          lang = @lang, category = @category, tags = @tags, images = @images, method = @method, warnings = @warnings,
          text_hash = @text_hash, extracted_at = @extracted_at WHERE id = @id`),
      clear: ['legal_refs', 'official_mentions', 'official_titles', 'meetings'].map((t) => db.prepare(`DELETE FROM ${t} WHERE article_id = ?`)),
      clearClaimsFts: db.prepare('DELETE FROM claims_fts WHERE rowid IN (SELECT id FROM claims WHERE article_id = ?)'),
      clearClaims: db.prepare('DELETE FROM claims WHERE article_id = ?'),
      ftsDelete: db.prepare('DELETE FROM articles_fts WHERE rowid = ?'),
      ftsInsert: db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
      docUpsert: db.prepare(`INSERT INTO legal_documents (doc_key, number, type, issued_on, issuer, subject) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (doc_key) DO UPDATE SET type = COALESCE(legal_documents.type, excluded.type),
          issued_on = COALESCE(legal_documents.issued_on, excluded.issued_on),
          issuer = COALESCE(legal_documents.issuer, excluded.issuer),
          -- The first subject stays, but a Vietnamese one replaces one from an English edition (plain ASCII).
          subject = CASE WHEN legal_documents.subject IS NULL OR (legal_documents.subject NOT GLOB '*[^ -~]*' AND excluded.subject GLOB '*[^ -~]*')
            THEN COALESCE(excluded.subject, legal_documents.subject) ELSE legal_documents.subject END
        RETURNING id`),
      refInsert: db.prepare('INSERT INTO legal_refs (article_id, document_id, mentions, span_start, span_end, quote) VALUES (?, ?, ?, ?, ?, ?)'),
      mentionInsert: db.prepare('INSERT INTO official_mentions (article_id, person_id, mentions, span_start, span_end, quote) VALUES (?, ?, ?, ?, ?, ?)'),
      titleInsert: db.prepare('INSERT OR IGNORE INTO official_titles (article_id, person_id, title, post, organization) VALUES (?, ?, ?, ?, ?)'),
      meetingInsert: db.prepare(`INSERT INTO meetings (article_id, kind, ordinal, body, date, chair, mode, location, purpose, participants, span_start, span_end, quote)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      claimInsert: db.prepare(`INSERT INTO claims (article_id, metric, metric_key, value, unit, approx, period, change, comparison, source, sentence, span_start, span_end, quote)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      claimFts: db.prepare('INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, ?, ?)'),
      bandsClear: db.prepare('DELETE FROM article_bands WHERE article_id = ?'),
      bandInsert: db.prepare('INSERT INTO article_bands (article_id, band, value) VALUES (?, ?, ?)'),
      bandMatches: db.prepare(`SELECT a.id, a.simhash, a.duplicate_of FROM article_bands b JOIN articles a ON a.id = b.article_id
        WHERE b.band = ? AND b.value = ? AND a.id != ? AND a.simhash IS NOT NULL`),
      fingerprint: db.prepare('UPDATE articles SET simhash = ?, duplicate_of = ? WHERE id = ?'),
      versionCandidates: db.prepare(`SELECT id FROM articles WHERE lang = @lang AND id != @id
        AND published_at >= date(@day, '-1 day') AND published_at < date(@day, '+2 day')`),
      // Shared facts: people, documents, and figures (the same value in the same unit).
      versionShared: db.prepare(`SELECT
          (SELECT COUNT(DISTINCT x.person_id) FROM official_mentions x JOIN official_mentions y ON y.person_id = x.person_id WHERE x.article_id = @a AND y.article_id = @b)
        + (SELECT COUNT(DISTINCT x.document_id) FROM legal_refs x JOIN legal_refs y ON y.document_id = x.document_id WHERE x.article_id = @a AND y.article_id = @b)
        + (SELECT COUNT(*) FROM (SELECT DISTINCT x.value, x.unit FROM claims x JOIN claims y ON y.value = x.value AND y.unit = x.unit WHERE x.article_id = @a AND y.article_id = @b)) AS n`),
      linkVersion: db.prepare(`UPDATE articles SET duplicate_of = (SELECT COALESCE(v.duplicate_of, v.id) FROM articles v WHERE v.id = @vi)
        WHERE id = @en AND (duplicate_of IS NULL OR duplicate_of = @en)`),
    };
    splitStoredTitles(db);
    this.fts = new FtsIndex(db);
    this.fts.catchUp();
    this.rank = new RankIndex(db);
    this.rank.catchUp(announceIndexing(db.name));
    this.persons = new PersonResolver(db);
  }

  /** Brings the ranking index up to date with every article stored so far (at the end of a run). */
  flushIndex(): void {
    this.rank.flush();
  }

  /** Stores an article (keyed by its URL) and replaces its facts, in one transaction. */
  save(article: Article & { url: string }, facts: Facts, pageId: number | null = null): SavedArticle {
    const s = this.stmts;
    const saved = this.db.transaction((): SavedArticle => {
      const hash = factsHash(article.text, facts);
      const existing = s.find.get(article.url);
      if (existing && existing.text_hash === hash) return { id: existing.id, changed: false };
      const row = {
        page_id: pageId, url: article.url, canonical_url: article.canonicalUrl, source_id: article.source, title: article.title,
        published_at: article.publishedAt, updated_at: article.updatedAt, author: article.author, credit: article.credit,
        lead: article.lead, text: article.text, lang: article.lang, category: article.category, tags: JSON.stringify(article.tags),
        images: JSON.stringify(article.images), method: article.method, warnings: JSON.stringify(article.warnings),
        text_hash: hash, extracted_at: new Date().toISOString(),
      };
      let id: number;
      if (existing) {
        id = existing.id;
        s.update.run({ ...row, id });
        for (const c of s.clear) c.run(id);
        s.clearClaimsFts.run(id);
        s.clearClaims.run(id);
        s.ftsDelete.run(id);
      } else {
        id = Number(s.insert.run(row).lastInsertRowid);
      }
      s.ftsInsert.run(id, foldKey(article.title ?? ''), foldKey(article.text));
      this.writeFacts(id, article.text, facts);
      this.linkNearDuplicates(id, article.text);
      this.linkVersions(id, article.lang, article.publishedAt);
      return { id, changed: true };
    })();
    // The ranking index catches up every MAINTAIN_AT articles, outside the article's transaction.
    if (saved.changed) this.rank.maintain();
    return saved;
  }

  /**
   * Fingerprints the text and links the article to the first article of the same story, when an earlier
   * one is within NEAR_DUPLICATE_BITS bits (found through a shared band of the fingerprint).
   */
  private linkNearDuplicates(id: number, text: string): void {
    const s = this.stmts;
    const fingerprint = simhash(text);
    s.bandsClear.run(id);
    let first: number | null = null;
    if (fingerprint) {
      const seen = new Set<number>();
      bands(fingerprint).forEach((value, band) => {
        for (const c of s.bandMatches.all(band, value, id) as { id: number; simhash: string; duplicate_of: number | null }[]) {
          if (seen.has(c.id)) continue;
          seen.add(c.id);
          if (hammingDistance(fingerprint, c.simhash) > NEAR_DUPLICATE_BITS) continue;
          const root = c.duplicate_of ?? c.id;
          if (root !== id && (first === null || root < first)) first = root;
        }
        s.bandInsert.run(id, band, value);
      });
    }
    s.fingerprint.run(fingerprint, first, id);
  }

  /**
   * Links a Vietnamese article and an English one about the same event as versions of one story: published
   * within a day of each other, and sharing at least VERSION_SHARED of their facts (the same people, the same
   * documents, the same figures). The English version points to the Vietnamese one (duplicate_of, which
   * trends read as "the same story"), whichever was stored first.
   */
  private linkVersions(id: number, lang: string | null, publishedAt: string | null): void {
    if ((lang !== 'vi' && lang !== 'en') || !publishedAt) return;
    const s = this.stmts;
    const day = publishedAt.slice(0, 10);
    let best: { id: number; shared: number } | null = null;
    for (const c of s.versionCandidates.all({ lang: lang === 'vi' ? 'en' : 'vi', day, id }) as { id: number }[]) {
      const shared = (s.versionShared.get({ a: id, b: c.id }) as { n: number }).n;
      if (shared >= VERSION_SHARED && (!best || shared > best.shared)) best = { id: c.id, shared };
    }
    if (!best) return;
    const [vi, en] = lang === 'vi' ? [id, best.id] : [best.id, id];
    s.linkVersion.run({ en, vi });
  }

  private writeFacts(articleId: number, text: string, facts: Facts): void {
    const s = this.stmts;
    const quote = (span: Span) => text.slice(span[0], span[1]);
    for (const r of facts.legalRefs) {
      const doc = s.docUpsert.get(docKey(r.number), r.number, r.type, r.issuedOn, r.issuer, r.subject) as { id: number };
      s.refInsert.run(articleId, doc.id, r.mentions.length, r.span[0], r.span[1], quote(r.span));
      this.fts.document(doc.id);
    }
    for (const o of facts.officials) {
      const person = { id: this.persons.resolve(o.name, o.key) };
      s.mentionInsert.run(articleId, person.id, o.mentions.length, o.span[0], o.span[1], quote(o.span));
      for (const t of o.titles) {
        const { post, organization } = splitTitle(t);
        s.titleInsert.run(articleId, person.id, t, post, organization);
      }
      this.fts.person(person.id);
    }
    for (const m of facts.meetings) {
      s.meetingInsert.run(articleId, m.kind, m.ordinal, m.body, m.date, m.chair, m.mode, m.location, m.purpose, JSON.stringify(m.participants),
        m.span[0], m.span[1], quote(m.span));
    }
    for (const c of facts.claims) {
      const id = Number(s.claimInsert.run(articleId, c.metric, c.metricKey, c.value, c.unit, c.approx, c.period, c.change, c.comparison, c.source,
        c.sentence, c.span[0], c.span[1], quote(c.span)).lastInsertRowid);
      s.claimFts.run(id, foldKey(c.metric), foldKey(c.sentence));
    }
  }
}

/**
 * Titles stored before titles were split into post and organization (migration 0003) are split now: a
 * database from an earlier version answers "who held … when" like a new one. A no-op once done.
 */
export function splitStoredTitles(db: Db): number {
  const rows = db.prepare('SELECT DISTINCT title FROM official_titles WHERE post IS NULL').all() as { title: string }[];
  if (!rows.length) return 0;
  const update = db.prepare('UPDATE official_titles SET post = ?, organization = ? WHERE title = ? AND post IS NULL');
  db.transaction(() => {
    for (const { title } of rows) {
      const { post, organization } = splitTitle(title);
      update.run(post, organization, title);
    }
  })();
  return rows.length;
}
