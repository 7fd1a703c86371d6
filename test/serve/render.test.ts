import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.js';
import { isQuick, render } from '../../src/serve/render.js';
import { fixtureDb } from '../query/fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());
const at = (p: string) => new URL(p, 'http://vnpress.local');

describe('render', () => {
  it('renders a route as HTML, JSON or CSV by the extension', () => {
    expect(render(db, at('/claims?q=ty')).type).toBe('text/html; charset=utf-8');
    const json = render(db, at('/claims.json?q=ty'));
    expect(JSON.parse(json.body.toString()).claims.length).toBeGreaterThan(0);
    const csv = render(db, at('/claims.csv?q=ty'));
    expect(csv.body.toString().startsWith('\uFEFFid,')).toBe(true);
    expect(csv.headers?.['content-disposition']).toBe('attachment; filename="claims.csv"');
  });

  it('says what is wrong: 400 with the form for bad input, 404 for no such page, a redirect keeping the format', () => {
    const bad = render(db, at('/claims?since=yesterday'));
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toContain('<form');
    expect(render(db, at('/nowhere')).status).toBe(404);
    expect(render(db, at('/claims/1.json')).headers?.location).toMatch(/^\/articles\/\d+\.json\?start=\d+&end=\d+#span$/);
  });
});

describe('isQuick', () => {
  it('picks the pages read by primary key, in every format', () => {
    expect(['/articles/3', '/articles/3.json', '/claims/9'].map((p) => isQuick(at(p)))).toEqual([true, true, true]);
    expect(['/claims', '/claims.json', '/officials/x', '/metrics/gdp', '/crawl'].map((p) => isQuick(at(p)))).toEqual([false, false, false, false, false]);
  });
});
