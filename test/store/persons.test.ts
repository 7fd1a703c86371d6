import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { PersonResolver } from '../../src/store/persons.js';
import { canonicalKey } from '../../src/text/normalize.js';

describe('PersonResolver', () => {
  let db: Db;
  beforeEach(() => { db = openDb(':memory:'); });
  afterEach(() => db.close());
  const resolve = (r: PersonResolver, name: string) => r.resolve(name, canonicalKey(name));
  const persons = () => db.prepare('SELECT id, name FROM persons ORDER BY id').all();

  it('gives a name written without diacritics the person written with them', () => {
    const r = new PersonResolver(db);
    const vi = resolve(r, 'Phạm Minh Chính');
    expect(resolve(r, 'Pham Minh Chinh')).toBe(vi);
    expect(resolve(new PersonResolver(db), 'PHAM MINH CHINH')).toBe(vi);
    expect(persons()).toEqual([{ id: vi, name: 'Phạm Minh Chính' }]);
  });

  it('spells a person known only from English the Vietnamese way once a Vietnamese article names them', () => {
    const r = new PersonResolver(db);
    const en = resolve(r, 'Nguyen Manh Hung');
    expect(resolve(r, 'Nguyễn Mạnh Hùng')).toBe(en);
    expect(persons()).toEqual([{ id: en, name: 'Nguyễn Mạnh Hùng' }]);
    expect(db.prepare('SELECT person_key FROM persons').get()).toEqual({ person_key: canonicalKey('Nguyễn Mạnh Hùng') });
  });

  it('keeps two Vietnamese names that fold alike apart, and sends the plain name to the one most mentioned', () => {
    const r = new PersonResolver(db);
    const an = resolve(r, 'Nguyễn Văn An');
    const an2 = resolve(r, 'Nguyễn Văn Ân');
    expect(an2).not.toBe(an);
    db.exec(`INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES ('s', 'S', '[]', 'vi', '2024-01-01')`);
    db.prepare(`INSERT INTO articles (id, url, canonical_url, source_id, title, text, lang, tags, images, method, warnings, text_hash, extracted_at)
      VALUES (1, 'u', 'u', 's', 't', 'x', 'vi', '[]', '[]', 'text', '[]', 'h', '2024-01-01')`).run();
    db.prepare('INSERT INTO official_mentions (article_id, person_id, mentions, span_start, span_end, quote) VALUES (1, ?, 1, 0, 1, ?)').run(an2, 'x');
    expect(resolve(r, 'Nguyen Van An')).toBe(an2);
  });
});
