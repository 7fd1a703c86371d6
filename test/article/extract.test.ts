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

describe('a page from a site without a profile', () => {
  const para = (n: number) => `<p>Đoạn thứ ${n} của bài viết nói về giá vàng trong nước và thế giới, đủ dài để là một đoạn văn thật sự của bài báo.</p>`;
  const html = `<html><head><title>Giá vàng giảm</title><meta name="description" content="(Tin tức) - Giá vàng đi xuống"></head><body>
    <nav><a href="/">Trang chủ</a></nav>
    <article><h1 class="title-page">Giá vàng giảm sau dấu hiệu khả quan của kinh tế Mỹ</h1>
      <h2 class="singular-sapo">(Tin tức) - Giá vàng đi xuống khi kinh tế Mỹ tiếp tục cho thấy sự vững mạnh trong quý cuối năm.</h2>
      <div class="singular-content">${[1, 2, 3, 4].map(para).join('')}</div></article></body></html>`;
  it('reads the lead (sapo) from its class and opens the text with it', () => {
    const a = extractArticle(html, { url: 'https://tintuc.example/gia-vang-20221224.htm' });
    expect(a.method).toBe('generic');
    expect(a.lead).toBe('(Tin tức) - Giá vàng đi xuống khi kinh tế Mỹ tiếp tục cho thấy sự vững mạnh trong quý cuối năm.');
    expect(a.paragraphs[0]).toBe(a.lead);
    expect(a.paragraphs).toHaveLength(5);
  });
});

