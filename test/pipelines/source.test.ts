import { describe, expect, it } from 'vitest';
import { validateSource, sourceForUrl } from '../../pipelines/source.js';
import { SOURCES } from '../../pipelines/index.js';
import baochinhphu from '../../pipelines/baochinhphu.js';
import mic from '../../pipelines/mic.js';
import { ConfigError } from '../../src/errors.js';

describe('source definitions', () => {
  it('every definition is valid and its article pattern matches its own fixtures', () => {
    expect(SOURCES.map((s) => s.id)).toEqual(['baochinhphu', 'chinhphu', 'mpi', 'mic', 'mst', 'mof', 'hanoi', 'vnexpress', 'moit', 'en-baochinhphu', 'en-mic']);
    expect(new RegExp(baochinhphu.articleUrlPattern).test('https://baochinhphu.vn/gdp-quy-ii-2022-tang-772-102220629112046215.htm')).toBe(true);
    expect(new RegExp(baochinhphu.articleUrlPattern).test('https://baochinhphu.vn/thoi-su.htm')).toBe(false);
  });
  it.each([
    ['mic', 'https://mic.gov.vn/nghi-dinh-147-2024-nd-cp-quan-ly-dich-vu-internet-va-thong-tin-tren-mang-197241227124622733.htm', 'https://mic.gov.vn/tin-tuc-su-kien/trang-2.htm'],
    ['mic', 'https://mic.gov.vn/bo-thong-tin-va-truyen-thong-hop-bao-thuong-ky-197159635.htm', 'https://mic.gov.vn/chuyen-doi-so.htm'],
    ['mst', 'https://mst.gov.vn/mang-xa-hoi-nao-duoc-nhieu-nguoi-dung-nhat-tai-viet-nam-197250107160615446.htm', 'https://mst.gov.vn/khoa-hoc-va-cong-nghe.htm'],
    ['mof', 'https://mof.gov.vn/bo-tai-chinh/thong-bao-chi-dao-dieu-hanh/bo-tai-chinh-thong-bao-ve-viec-huong-dan-thi-hanh-nghi-quyet', 'https://mof.gov.vn/bo-tai-chinh/tin-tuc-tai-chinh?page=2'],
    ['hanoi', 'https://hanoi.gov.vn/tin-so-nganh/sau-1-nam-van-hanh-metro-nhon-ga-ha-noi-phuc-vu-tren-6-4-trieu-luot-khach-4250808215021297.htm', 'https://hanoi.gov.vn/tin-so-nganh/trang-2.htm'],
    ['vnexpress', 'https://vnexpress.net/bo-khoa-hoc-va-cong-nghe-nhan-huan-chuong-lao-dong-hang-nhat-4945138.html', 'https://vnexpress.net/thoi-su-p2'],
    ['en-baochinhphu', 'https://en.baochinhphu.vn/government-issues-decree-on-personal-data-protection-111230419190527409.htm', 'https://en.baochinhphu.vn/economy/trang-2.htm'],
    ['en-baochinhphu', 'https://en.baochinhphu.vn/government-launches-national-public-service-portal-11140213.htm', 'https://en.baochinhphu.vn/politics.htm'],
    ['en-mic', 'https://english.mic.gov.vn/mic-prepares-for-national-digital-transformation-day-2023-197231006172045238.htm', 'https://english.mic.gov.vn/news-gallery/news-and-press-release/trang-2.htm'],
    ['en-mic', 'https://english.mic.gov.vn/mic-holds-regular-press-conference-197159702.htm', 'https://english.mic.gov.vn/news-gallery/news-and-press-release.htm'],
  ])('%s: the article pattern accepts an article and rejects a listing', (id, article, listing) => {
    const source = SOURCES.find((s) => s.id === id)!;
    const re = new RegExp(source.articleUrlPattern);
    expect(re.test(article)).toBe(true);
    expect(re.test(listing)).toBe(false);
    for (const l of source.listings) {
      expect(re.test(l.url)).toBe(false);
      expect(re.test(l.pagination!.replace('{page}', '2'))).toBe(false);
    }
  });
  it('mic.gov.vn closed with the March 2025 merger and names its successor', () => {
    expect([mic.until, mic.successor]).toEqual(['2025-02-28', 'mst']);
    expect(SOURCES.map((s) => s.id)).toContain(mic.successor);
    expect(SOURCES.find((s) => s.id === 'mpi')!.successor).toBe('mof');
    expect(SOURCES.find((s) => s.id === 'en-mic')!.until).toBe('2025-02-28');
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
    expect(sourceForUrl(SOURCES, 'https://www.mof.gov.vn/bo-tai-chinh/tin-tuc-tai-chinh')?.id).toBe('mof');
    expect(sourceForUrl(SOURCES, 'https://vnexpress.net/thoi-su')?.id).toBe('vnexpress');
    expect(sourceForUrl(SOURCES, 'https://en.baochinhphu.vn/politics.htm')?.id).toBe('en-baochinhphu');
    expect(sourceForUrl(SOURCES, 'https://english.mic.gov.vn/')?.id).toBe('en-mic');
    expect(sourceForUrl(SOURCES, 'https://example.com/')).toBeUndefined();
  });
});
