/**
 * Every fixture page read through its site profile: title, date, authors as expected; the body contains
 * what it must and none of the chrome.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../src/article/extract.js';
import { ParseError } from '../../src/errors.js';
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
    // The language the source declares: Vietnamese sites, and the English editions (en.baochinhphu.vn, english.mic.gov.vn).
    expect(article.lang).toBe(sourceForUrl(SOURCES, f.url)!.lang);
    if (expected.credit) expect(article.credit).toBe(expected.credit);
    if (expected.lead !== undefined) expect(article.lead).toBe(expected.lead);
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

describe('bad pages: a result or a typed error, in bounded time', () => {
  const para = (n: number) => `<p>Đoạn thứ ${n} của bài viết về xuất khẩu nông sản, đủ dài để là một đoạn văn thật sự của bài báo điện tử.</p>`;
  it('a page cut off mid-tag still gives the paragraphs it holds', () => {
    const full = `<html><head><title>Xuất khẩu nông sản</title></head><body><article><h1>Xuất khẩu nông sản tăng</h1>${[1, 2, 3, 4].map(para).join('')}</article></body></html>`;
    const cut = full.slice(0, full.indexOf('Đoạn thứ 4') + 20);
    const a = extractArticle(cut, { url: 'https://tintuc.example/xuat-khau.htm' });
    for (const n of [1, 2, 3]) expect(a.paragraphs).toContain(`Đoạn thứ ${n} của bài viết về xuất khẩu nông sản, đủ dài để là một đoạn văn thật sự của bài báo điện tử.`);
  });
  it('5 MB of nested tables', () => {
    const depth = 2000;
    const nested = `${'<table><tr><td>'.repeat(depth)}ô${'</td></tr></table>'.repeat(depth)}`;
    const html = `<html><body><article>${[1, 2, 3].map(para).join('')}</article>${nested.repeat(Math.ceil(5e6 / nested.length))}</body></html>`;
    expect(html.length).toBeGreaterThan(5e6);
    let result: unknown;
    try { result = extractArticle(html, { url: 'https://tintuc.example/bang.htm' }); } catch (e) { result = e; }
    // The subtrees nested too deep are dropped: the article is read, with no stack overflow.
    expect((result as { paragraphs: string[] }).paragraphs).toHaveLength(3);
  });
  it('an unclosed <script> swallows the rest of the page: a typed error that says so', () => {
    const html = `<html><head><title>Tin</title><script>var x = "<p>${'a'.repeat(200)}</p>";</head><body>${[1, 2].map(para).join('')}</body></html>`;
    expect(() => extractArticle(html, { url: 'https://tintuc.example/script.htm' })).toThrow(ParseError);
  });
});

describe('the publication date of a page without metadata', () => {
  const para = (n: number) => `<p>Đoạn thứ ${n} của bài viết về nghị định mới, đủ dài để là một đoạn văn thật sự của bài báo điện tử hôm nay.</p>`;
  it('is read from the byline, never from a document number near it', () => {
    const html = `<html><head><title>Nghị định mới</title></head><body><article><h1>Nghị định mới về bảo vệ dữ liệu</h1>
      <div class="meta-doc">Căn cứ Nghị định 42/2022/NĐ-CP ngày 24/6/2022</div>
      <div class="post-date">Thứ Hai, 08/08/2022 - 14:30</div>
      ${[1, 2, 3].map(para).join('')}</article></body></html>`;
    expect(extractArticle(html, { url: 'https://tintuc.example/nghi-dinh.htm' }).publishedAt).toBe('2022-08-08T14:30:00+07:00');
  });
});

