/**
 * Every fixture page read through its site profile: title, date, authors as expected; the body contains
 * what it must and none of the chrome.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/article/extract.js';
import { loadFixtureArticles, fixturesDir } from '../../pipelines/local-mirror.js';
import { SOURCES, sourceForUrl } from '../../pipelines/index.js';

const fixtures = loadFixtureArticles();

describe.each(fixtures.map((f) => [`${f.host}/${f.slug}`, f] as const))('%s', (_name, f) => {
  const expected = JSON.parse(readFileSync(join(fixturesDir(), f.host, f.slug, 'expected.json'), 'utf8'));
  const article = extractArticle(f.html, { url: f.url, source: sourceForUrl(SOURCES, f.url) });

  it('reads the page through its site profile without warnings', () => {
    expect(article.method).toBe('profile');
    expect(article.warnings).toEqual([]);
  });
  it('has the title, publication time and authors', () => {
    expect(article.title).toBe(expected.title);
    expect(article.publishedAt).toBe(expected.publishedAt);
    expect(article.authors).toEqual(expected.authors);
    expect(article.lang).toBe('vi');
    if (expected.credit) expect(article.credit).toBe(expected.credit);
  });
  it('keeps the body and drops the chrome', () => {
    for (const s of expected.mustContain) expect(article.text).toContain(s);
    for (const s of expected.mustNotContain) expect(article.text).not.toContain(s);
  });
});
