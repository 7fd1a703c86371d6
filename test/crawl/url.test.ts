import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../src/crawl/url.js';

describe('canonicalizeUrl', () => {
  it('lowercases scheme and host, drops default ports, fragments and trailing slashes', () => {
    expect(canonicalizeUrl('HTTPS://BaoChinhPhu.VN:443/thoi-su.htm#top')).toBe('https://baochinhphu.vn/thoi-su.htm');
    expect(canonicalizeUrl('http://example.vn:80/a/b/')).toBe('http://example.vn/a/b');
    expect(canonicalizeUrl('https://example.vn/')).toBe('https://example.vn/');
  });
  it('drops tracking parameters and keeps the others in order', () => {
    expect(canonicalizeUrl('https://www.mpi.gov.vn/Pages/tinbai.aspx?idTin=54937&utm_source=fb&idcm=188&fbclid=x'))
      .toBe('https://www.mpi.gov.vn/Pages/tinbai.aspx?idTin=54937&idcm=188');
  });
  it('resolves relative links against a base', () => {
    expect(canonicalizeUrl('../kinh-te.htm', 'https://baochinhphu.vn/thoi-su/trang-2.htm')).toBe('https://baochinhphu.vn/kinh-te.htm');
  });
  it('refuses what cannot be fetched', () => {
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalizeUrl('mailto:a@b.vn')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
  });
});
