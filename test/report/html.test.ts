import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { openDb, type Db } from '../../src/store/db.js';
import { ArticleStore } from '../../src/store/articles.js';
import { extractFacts } from '../../src/facts/index.js';
import { extractArticle } from '../../src/article/extract.js';
import { reportData } from '../../src/query/report-data.js';
import { renderReport } from '../../src/report/html.js';
import { fixtureDb } from '../query/fixture-db.js';

let db: Db;
beforeAll(() => { db = fixtureDb(); });
afterAll(() => db.close());

const NOW = new Date('2026-01-15T08:00:00Z');

describe('renderReport', () => {
  it('one document, every section charted, nothing to fetch', () => {
    const html = renderReport(reportData(db, {}, NOW));
    const doc = parseDocument(html);
    const svgs = findAll((e) => e.name === 'svg', doc.children);
    expect(svgs.map((s) => getAttributeValue(s, 'data-chart'))).toEqual(expect.arrayContaining(['metric-0', 'documents', 'officials', 'meetings', 'crawl', 'coverage']));
    for (const id of ['metrics', 'documents', 'officials', 'meetings', 'coverage']) {
      expect(findAll((e) => e.name === 'section' && getAttributeValue(e, 'id') === id, doc.children)).toHaveLength(1);
    }
    // Self-contained: no script, no stylesheet, image or font to load, and a policy that forbids loading any.
    expect(findAll((e) => ['script', 'link', 'img', 'iframe', 'object'].includes(e.name), doc.children)).toHaveLength(0);
    expect(findAll((e) => Object.keys(e.attribs).some((a) => a === 'src' || a.startsWith('on')), doc.children)).toHaveLength(0);
    expect(html).not.toMatch(/url\(|@import/);
    const csp = findAll((e) => e.name === 'meta' && getAttributeValue(e, 'http-equiv') === 'Content-Security-Policy', doc.children)[0];
    expect(getAttributeValue(csp!, 'content')).toMatch(/^default-src 'none'/);
    expect(textContent(doc)).toContain('generated 2026-01-15 08:00 UTC');
    expect(html.normalize('NFC')).toBe(html);
  });
  it('the numbers beside each chart are the data\'s', () => {
    const data = reportData(db, {}, NOW);
    const doc = parseDocument(renderReport(data));
    const section = (id: string) => findAll((e) => e.name === 'section' && getAttributeValue(e, 'id') === id, doc.children)[0]!;
    const rows = findAll((e) => e.name === 'tr', section('documents').children).slice(1).map((tr) => findAll((e) => e.name === 'td', tr.children).map(textContent));
    expect(rows.map((r) => [r[0], Number(r[5])])).toEqual(data.documents.map((d) => [d.number, d.articles]));
    const bars = findAll((e) => (getAttributeValue(e, 'class') ?? '') === 'bar', section('officials').children);
    expect(bars.map((b) => Number(getAttributeValue(b, 'data-value')))).toEqual(data.officials.map((o) => o.articles));
  });
  it('text from the articles is text, never markup', () => {
    const evil = openDb(':memory:');
    const page = `<html><head><title>&lt;img src=x onerror=alert(1)&gt; &lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>
      <meta property="article:published_time" content="2024-03-01T08:00:00+07:00"></head><body><article>
      <h1>&lt;img src=x onerror=alert(1)&gt; &lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;</h1>
      <p>Sáng 1/3, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị về Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân; kim ngạch xuất khẩu quý I/2024 đạt hơn 93 tỷ USD.</p>
      </article></body></html>`;
    const article = extractArticle(page, { url: 'https://example.gov.vn/a.html' });
    expect(article.title).toContain('<script>');
    new ArticleStore(evil).save({ ...article, url: 'https://example.gov.vn/a.html' }, extractFacts(article.text, { publishedOn: article.publishedAt, title: article.title }));
    evil.prepare("UPDATE legal_documents SET subject = '<script>alert(3)</script>'").run();
    const html = renderReport(reportData(evil, {}, NOW));
    evil.close();
    const doc = parseDocument(html);
    expect(findAll((e) => ['script', 'img'].includes(e.name), doc.children)).toHaveLength(0);
    expect(textContent(doc)).toContain('<script>alert(3)</script>');
    expect(textContent(doc)).toContain('</svg><script>alert(2)</script>'); // the title, in the metric's tooltip and table
  });
  it('an empty database gives a report that says what is missing and how to fill it', () => {
    const empty = openDb(':memory:');
    const html = renderReport(reportData(empty, {}, NOW));
    empty.close();
    const text = textContent(parseDocument(html));
    expect(text).toContain('No metric with a dated figure');
    expect(text).toContain('No legal document cited');
    expect(text).toContain('Nothing crawled yet: vnpress crawl fills the database.');
  });
});
