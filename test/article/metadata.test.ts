import { describe, expect, it } from 'vitest';
import { readMeta, dateFromUrl } from '../../src/article/metadata.js';
import { PageIndex } from '../../src/article/select.js';

const pageOf = (html: string) => PageIndex.parse(html);

describe('readMeta', () => {
  it('trusts JSON-LD first', () => {
    const page = pageOf(`<html lang="vi"><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Tiêu đề","datePublished":"2022-08-08T04:20:00Z","author":[{"@type":"Person","name":"Kiều Nga"},{"@type":"Person","name":"Duy Linh"}]}]}</script>
      <meta property="article:published_time" content="2019-01-01T00:00:00+07:00"></head></html>`);
    expect(readMeta(page)).toMatchObject({ title: 'Tiêu đề', publishedAt: '2022-08-08T11:20:00+07:00', authors: ['Kiều Nga', 'Duy Linh'], lang: 'vi' });
  });
  it('falls back to OpenGraph and article meta; ignores broken JSON-LD', () => {
    const page = pageOf(`<head><script type="application/ld+json">{ not json</script><meta property="og:title" content="OG">
      <meta property="article:published_time" content="2023-03-12T16:20:00+07:00"><meta name="author" content="Dân Trí"><meta name="copyright" content="Dân Trí"></head>`);
    expect(readMeta(page)).toMatchObject({ title: 'OG', publishedAt: '2023-03-12T16:20:00+07:00', authors: [] });
  });
});

describe('dateFromUrl', () => {
  it('reads the time in article ids', () => {
    expect(dateFromUrl('https://baochinhphu.vn/gdp-102220629112046215.htm')).toBe('2022-06-29T11:20:46+07:00');
    expect(dateFromUrl('https://dantri.com.vn/kinh-doanh/gia-vang-20221224012650880.htm')).toBe('2022-12-24T01:26:50+07:00');
    expect(dateFromUrl('https://example.vn/2024/07/01/tin.html')).toBe('2024-07-01T00:00:00+07:00');
  });
  it('does not invent a date from other numbers', () => {
    expect(dateFromUrl('https://www.mpi.gov.vn/Pages/tinbai.aspx?idTin=54937&idcm=188')).toBeNull();
    expect(dateFromUrl('https://example.vn/nghi-dinh-42-2022-nd-cp.htm')).toBeNull();
  });
});
