/**
 * The full-text rows of officials and legal documents: folded text (no tones, đ→d) of a person's name and
 * every title the articles give them, and of a document's number, type and subject. Rewritten for the
 * persons and documents an article names each time it is stored; built for all of them once for a database
 * from a version that had no such index.
 */
import type { Db } from './db.js';
import { foldKey } from '../text/normalize.js';

export class FtsIndex {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      person: db.prepare<[number], { name: string }>('SELECT name FROM persons WHERE id = ?'),
      titles: db.prepare<[number], { title: string }>('SELECT DISTINCT title FROM official_titles WHERE person_id = ?'),
      personDelete: db.prepare('DELETE FROM officials_fts WHERE rowid = ?'),
      personInsert: db.prepare('INSERT INTO officials_fts (rowid, name, titles) VALUES (?, ?, ?)'),
      doc: db.prepare<[number], { number: string; type: string | null; subject: string | null }>('SELECT number, type, subject FROM legal_documents WHERE id = ?'),
      docDelete: db.prepare('DELETE FROM documents_fts WHERE rowid = ?'),
      docInsert: db.prepare('INSERT INTO documents_fts (rowid, number, type, subject) VALUES (?, ?, ?, ?)'),
      missing: db.prepare<[], { persons: number; indexed: number; docs: number; docsIndexed: number }>(`SELECT
        (SELECT COUNT(*) FROM persons) AS persons, (SELECT COUNT(*) FROM officials_fts) AS indexed,
        (SELECT COUNT(*) FROM legal_documents) AS docs, (SELECT COUNT(*) FROM documents_fts) AS docsIndexed`),
    };
  }

  person(id: number): void {
    const p = this.stmts.person.get(id);
    this.stmts.personDelete.run(id);
    if (!p) return;
    const titles = this.stmts.titles.all(id).map((t) => t.title).join(' | ');
    this.stmts.personInsert.run(id, foldKey(p.name), foldKey(titles));
  }

  document(id: number): void {
    const d = this.stmts.doc.get(id);
    this.stmts.docDelete.run(id);
    if (!d) return;
    this.stmts.docInsert.run(id, foldKey(d.number), foldKey(d.type ?? ''), foldKey(d.subject ?? ''));
  }

  /** Indexes every person and document when the index is behind (a database from an earlier version). */
  catchUp(): number {
    const m = this.stmts.missing.get()!;
    if (m.persons === m.indexed && m.docs === m.docsIndexed) return 0;
    let n = 0;
    this.db.transaction(() => {
      for (const { id } of this.db.prepare('SELECT id FROM persons').all() as { id: number }[]) { this.person(id); n++; }
      for (const { id } of this.db.prepare('SELECT id FROM legal_documents').all() as { id: number }[]) { this.document(id); n++; }
    })();
    return n;
  }
}
