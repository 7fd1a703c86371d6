import { describe, expect, it } from 'vitest';
import { pageKind } from '../../src/article/page-kind.js';
import { findMainContent } from '../../src/article/generic.js';
import { PageIndex } from '../../src/article/select.js';
import { extractArticle } from '../../src/article/extract.js';
import { NotAnArticleError } from '../../src/errors.js';

const kindOf = (html: string) => {
  const page = PageIndex.parse(html);
  return pageKind(page, findMainContent(page))?.kind ?? null;
};
const para = (n: number) => `<p>Đoạn văn thứ ${n} của bài viết về giải ngân vốn đầu tư công, đủ dài để là một đoạn văn thật sự trong bài báo.</p>`;
const links = (n: number) => Array.from({ length: n }, (_, i) => `<li><a href="/tin-${i}.htm">Tin tức số ${i} về kinh tế vĩ mô</a></li>`).join('');

describe('pageKind', () => {
  it('a category page of links is a listing', () => {
    expect(kindOf(`<html><head><title>Kinh tế</title></head><body><h1>Kinh tế</h1><ul class="list">${links(20)}</ul></body></html>`)).toBe('listing');
  });
  it('an error page is an error page', () => {
    expect(kindOf('<html><head><title>404 - Không tìm thấy trang</title></head><body><h1>Không tìm thấy trang</h1><p>Xin lỗi.</p></body></html>')).toBe('error');
  });
  it('a login wall is a login page', () => {
    expect(kindOf('<html><body><form><input name="u"><input type="password" name="p"><button>Đăng nhập</button></form></body></html>')).toBe('login');
  });
  it('an article with related links is an article', () => {
    expect(kindOf(`<html><head><title>Giải ngân vốn đầu tư công</title></head><body><article>${[1, 2, 3].map(para).join('')}</article><ul class="related">${links(20)}</ul></body></html>`)).toBeNull();
  });
  it('an article that mentions an error is still an article', () => {
    expect(kindOf(`<html><head><title>Lỗi phần mềm khiến hệ thống ngừng hoạt động</title></head><body><article>${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(para).join('')}</article></body></html>`)).toBeNull();
  });
});

describe('extractArticle on a page that is not an article', () => {
  it('throws a typed error that names what the page is', () => {
    const html = `<html><head><title>Thời sự</title></head><body><ul>${links(15)}</ul></body></html>`;
    let err: unknown;
    try { extractArticle(html, { url: 'https://tintuc.example/thoi-su.htm' }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(NotAnArticleError);
    expect((err as NotAnArticleError).kind).toBe('listing');
    expect((err as Error).message).toBe('not an article: https://tintuc.example/thoi-su.htm is a listing: 15 links and 0 paragraphs of text');
  });
});
