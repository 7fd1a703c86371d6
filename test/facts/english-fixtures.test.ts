/**
 * The English fixture pages (fixtures/en.baochinhphu.vn, fixtures/english.mic.gov.vn) through the whole path
 * a crawl takes: the page read by its source's profile, its language detected, its facts extracted. Every
 * document, official and meeting the expected.json lists must be found as written there; figures are
 * matched by value and unit, and nearly all must be found, with their qualifier.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/article/extract.js';
import { extractFacts } from '../../src/facts/index.js';
import { loadFixtureArticles, fixturesDir } from '../../pipelines/local-mirror.js';
import { SOURCES, sourceForUrl } from '../../pipelines/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ENGLISH = loadFixtureArticles().filter((f) => f.host === 'en.baochinhphu.vn' || f.host === 'english.mic.gov.vn');
const one = <T>(v: T | T[]) => (Array.isArray(v) ? v : [v]);

describe('English fixture pages', () => {
  it('there are English pages from both English sources', () => {
    expect(new Set(ENGLISH.map((f) => f.host))).toEqual(new Set(['en.baochinhphu.vn', 'english.mic.gov.vn']));
  });

  it.each(ENGLISH.map((f) => [f.slug, f] as const))('%s: its facts', (_slug, f) => {
    const expected = JSON.parse(readFileSync(join(fixturesDir(), f.host, f.slug, 'expected.json'), 'utf8')).facts as Record<string, Record<string, unknown>[]>;
    const article = extractArticle(f.html, { url: f.url, source: sourceForUrl(SOURCES, f.url) });
    expect(article.lang).toBe('en');
    const facts = extractFacts(article.text, { publishedOn: article.publishedAt, title: article.title, lang: article.lang });

    for (const e of expected.legalRefs ?? []) {
      const got = facts.legalRefs.find((r) => r.number === e.number);
      expect(got, String(e.number)).toBeDefined();
      expect(got!.type, String(e.number)).toBe(e.type);
      if (e.issuedOn) expect(got!.issuedOn, String(e.number)).toBe(e.issuedOn);
    }
    for (const e of expected.officials ?? []) {
      const got = facts.officials.find((o) => o.name === e.name);
      expect(got, String(e.name)).toBeDefined();
      for (const t of e.titles as string[]) expect(got!.titles, String(e.name)).toContain(t);
    }
    for (const e of expected.meetings ?? []) {
      const got = facts.meetings.find((m) => one(e.kind).includes(m.kind) && m.ordinal === e.ordinal);
      expect(got, JSON.stringify(e)).toBeDefined();
      expect(got!.date).toBe(e.date);
      if (e.mode) expect(one(e.mode), JSON.stringify(e)).toContain(got!.mode);
    }
    const claims = (expected.claims ?? []).filter((e) => !e.optional);
    const found = claims.filter((e) => facts.claims.some((c) => Math.abs(c.value - Number(e.value)) <= 1e-6 * Math.max(1, Math.abs(c.value)) && c.unit === e.unit
      && one(e.approx).includes(c.approx)));
    // All but one figure per page at most (the expected files hold a few a rule of thumb cannot reach).
    expect(found.length, claims.filter((e) => !found.includes(e)).map((e) => JSON.stringify(e)).join('\n')).toBeGreaterThanOrEqual(claims.length - 1);
  });
});
