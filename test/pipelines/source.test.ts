import { describe, expect, it } from 'vitest';
import { validateSource, sourceForUrl } from '../../pipelines/source.js';
import { SOURCES } from '../../pipelines/index.js';
import baochinhphu from '../../pipelines/baochinhphu.js';
import { ConfigError } from '../../src/errors.js';

describe('source definitions', () => {
  it('every definition is valid and its article pattern matches its own fixtures', () => {
    expect(SOURCES.map((s) => s.id)).toEqual(['baochinhphu', 'chinhphu', 'mpi']);
    expect(new RegExp(baochinhphu.articleUrlPattern).test('https://baochinhphu.vn/gdp-quy-ii-2022-tang-772-102220629112046215.htm')).toBe(true);
    expect(new RegExp(baochinhphu.articleUrlPattern).test('https://baochinhphu.vn/thoi-su.htm')).toBe(false);
  });
  it('a bad field is named in the error', () => {
    const bad = { ...baochinhphu, pacing: { delayMs: -1, concurrency: 1 } };
    expect(() => validateSource(bad)).toThrow(ConfigError);
    expect(() => validateSource(bad)).toThrow('source "baochinhphu": field "pacing.delayMs" must be a number of milliseconds ≥ 0; fix the definition in pipelines/');
    expect(() => validateSource({ ...baochinhphu, articleUrlPattern: '([' })).toThrow(/field "articleUrlPattern" is not a valid regular expression/);
    expect(() => validateSource({ ...baochinhphu, feeds: ['https://elsewhere.vn/rss'] })).toThrow(/field "feeds" has a URL on another host/);
    expect(() => validateSource({ ...baochinhphu, article: { ...baochinhphu.article, body: '' } })).toThrow(/field "article.body" must be a CSS selector/);
  });
  it('finds the source of a URL by host', () => {
    expect(sourceForUrl(SOURCES, 'https://www.mpi.gov.vn/Pages/tinbai.aspx?idTin=1&idcm=2')?.id).toBe('mpi');
    expect(sourceForUrl(SOURCES, 'https://example.com/')).toBeUndefined();
  });
});
