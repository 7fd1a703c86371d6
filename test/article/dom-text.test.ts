import { describe, expect, it } from 'vitest';
import { attrOf, textOf } from '../../src/article/dom-text.js';
import { PageIndex } from '../../src/article/select.js';
import { extractArticle } from '../../src/article/extract.js';

// "Nghị định" with its marks as combining characters (NFD), and a soft hyphen inside a word.
const DECOMPOSED = 'Nghi\u0323 đi\u0323nh';

describe('textOf and attrOf', () => {
  const page = PageIndex.parse(`<p id="p">${DECOMPOSED}&nbsp;số&#x2003;13 — Thu\u0309 tươ\u0301ng</p><meta name="x" content="${DECOMPOSED}"><a id="a">x</a>`);
  it('give the text NFC with plain spaces, entities included', () => {
    expect(textOf(page.first('#p')!)).toBe('Nghị định số 13 — Thủ tướng');
    expect(textOf(page.first('#p')!)).toBe(textOf(page.first('#p')!).normalize('NFC'));
  });
  it('give attribute values normalized, and undefined for a missing attribute', () => {
    expect(attrOf(page.first('meta')!, 'content')).toBe('Nghị định');
    expect(attrOf(page.first('#a')!, 'href')).toBeUndefined();
  });
});

describe('an article read from a page written in decomposed Unicode', () => {
  it('has every field in NFC', () => {
    const html = `<html><head><title>${DECOMPOSED} mơ\u0301i</title><meta property="og:title" content="${DECOMPOSED} về dữ liê\u0323u">
      <meta property="article:published_time" content="2023-04-17T10:00:00+07:00"></head><body><article class="content">
      <p>Chi\u0301nh phu\u0309 vừa ban hành ${DECOMPOSED} về bảo vê\u0323 dữ liệu cá nhân, có hiệu lực từ ngày 1/7/2023, với nhiều quy định mới.</p>
      <p>Theo ${DECOMPOSED}, dữ liệu cá nhân được chia thành dữ liệu cơ bản và dữ liệu nhạy cảm, mỗi loại có cách bảo vệ riêng.</p></article></body></html>`;
    const a = extractArticle(html);
    expect(a.title).toBe('Nghị định về dữ liệu');
    expect(a.text).toContain('Chính phủ vừa ban hành Nghị định về bảo vệ dữ liệu');
    expect(a.text).toBe(a.text.normalize('NFC'));
    expect(a.lang).toBe('vi');
  });
});
