import { describe, expect, it } from 'vitest';
import { findMainContent } from '../../src/article/generic.js';
import { PageIndex } from '../../src/article/select.js';

describe('findMainContent', () => {
  it('picks the block of paragraphs over menus, sidebars and link lists', () => {
    const p = (n: number) => `<p>Đoạn văn số ${n} của bài viết, có dấu phẩy, có nội dung đủ dài để được tính điểm như một đoạn văn thật sự trong bài báo.</p>`;
    const page = PageIndex.parse(`<body><nav class="menu"><a href="/">Trang chủ</a><a href="/a">Kinh tế</a></nav>
      <div class="sidebar"><p><a href="/x">Một tin rất dài trong cột bên cạnh, toàn là liên kết, không phải nội dung chính của trang.</a></p></div>
      <div class="article-body" id="main">${[1, 2, 3, 4].map(p).join('')}</div>
      <div class="comments"><p>Bình luận của bạn đọc, khá dài, nhưng không phải là nội dung bài viết chính.</p></div></body>`);
    expect(findMainContent(page)?.attribs.id).toBe('main');
  });
  it('finds nothing on a page without paragraphs', () => {
    expect(findMainContent(PageIndex.parse('<body><a href="/">x</a></body>'))).toBeNull();
  });
});
