import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.js';
import { ResponseCache, type Rendered } from '../../src/serve/cache.js';
import { tempDir } from '../helpers.js';

const page = (text: string): Rendered => ({ status: 200, type: 'text/plain', body: Buffer.from(text) });

describe('ResponseCache', () => {
  const dir = tempDir('vnpress-cache-');
  let reader: Db;
  beforeEach(() => { openDb(join(dir.path, 'c.db')).close(); reader = openDb(join(dir.path, 'c.db'), { readonly: true }); });
  afterEach(() => reader.close());

  it('keeps a page until another connection commits a change', () => {
    const cache = new ResponseCache(reader);
    expect(cache.get('/a')).toBeUndefined();
    cache.set('/a', page('A'));
    expect(cache.get('/a')?.body.toString()).toBe('A');
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    const writer = openDb(join(dir.path, 'c.db'));
    writer.prepare("INSERT INTO sources (id, name, hosts, lang, updated_at) VALUES ('x', 'X', '[]', 'vi', '2024-01-01')").run();
    writer.close();
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not keep a page rendered before a change it may not show', () => {
    const cache = new ResponseCache(reader);
    const before = cache.current();
    const writer = openDb(join(dir.path, 'c.db'));
    writer.prepare("INSERT OR REPLACE INTO sources (id, name, hosts, lang, updated_at) VALUES ('y', 'Y', '[]', 'vi', '2024-01-01')").run();
    writer.close();
    cache.set('/b', page('B'), before);
    expect(cache.get('/b')).toBeUndefined();
    cache.set('/b', page('B'), cache.current());
    expect(cache.get('/b')).toBeDefined();
  });

  it('holds at most its bytes, dropping the least recently used first, and never a page over an eighth of them', () => {
    const cache = new ResponseCache(reader, 80);
    cache.set('/1', page('x'.repeat(8)));
    cache.set('/2', page('y'.repeat(8)));
    cache.get('/1'); // now the most recently used
    for (let i = 3; i < 10; i++) cache.set(`/${i}`, page('z'.repeat(8)));
    expect(cache.get('/1')).toBeDefined();
    expect(cache.get('/2')).toBeUndefined();
    cache.set('/big', page('w'.repeat(20)));
    expect(cache.get('/big')).toBeUndefined();
  });
});
