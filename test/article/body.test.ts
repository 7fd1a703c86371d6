import { describe, expect, it } from 'vitest';
import { readBody, readLine, splitTrailingByline, isBoilerplateParagraph } from '../../src/article/body.js';
import { PageIndex } from '../../src/article/select.js';

describe('readBody', () => {
  it('turns blocks into paragraphs, keeps headings, drops captions, related boxes and share bars', () => {
    const page = PageIndex.parse(`<div id="b"><p>Đoạn một <b>đậm</b> và <a href="#">liên kết</a>.</p><h3>Tiêu đề phụ</h3>
      <figure><img src="/a.jpg"><figcaption>Thủ tướng phát biểu - Ảnh: VGP/Nhật Bắc</figcaption></figure>
      <div class="related-box">Tin liên quan: Một tin khác</div><div class="share">Chia sẻ</div>
      <p>Đoạn hai<br>dòng tiếp</p><p>Thủ tướng và các đại biểu. Ảnh: TTXVN</p><p><strong>Kiều Nga, Duy Linh</strong></p></div>`);
    const r = readBody(page, page.first('#b')!, { baseUrl: 'https://baochinhphu.vn/x.htm' });
    expect(r.paragraphs).toEqual(['Đoạn một đậm và liên kết.', 'Tiêu đề phụ', 'Đoạn hai', 'dòng tiếp']);
    expect(r.authors).toEqual(['Kiều Nga', 'Duy Linh']);
    expect(r.images).toEqual([{ src: 'https://baochinhphu.vn/a.jpg', caption: 'Thủ tướng phát biểu - Ảnh: VGP/Nhật Bắc' }]);
  });
  it('reads a lead on one line without the elements a profile leaves out', () => {
    const page = PageIndex.parse('<p class="description"><span class="location-stamp">Hà Nội</span>Kinh tế năm 2024 <b>tăng</b>\n  7,09%.</p>');
    const lead = page.first('.description')!;
    expect(readLine(page, lead, ['.location-stamp'])).toBe('Kinh tế năm 2024 tăng 7,09%.');
    expect(readLine(page, lead, undefined)).toBe('Hà NộiKinh tế năm 2024 tăng 7,09%.');
  });
  it('a source credit at the end is a credit, not text', () => {
    expect(splitTrailingByline(['Nội dung bài.', 'Bảo Linh', 'Theo TTXVN'])).toEqual({ paragraphs: ['Nội dung bài.'], authors: ['Bảo Linh'], credit: 'Theo TTXVN' });
    expect(splitTrailingByline(['Nội dung bài.', 'Thủ tướng nhấn mạnh, đây là nhiệm vụ trọng tâm của năm 2024 và những năm tiếp theo.'])).toMatchObject({ authors: [], credit: null });
  });
  it('recognizes caption lines and chrome', () => {
    expect(isBoilerplateParagraph('Ảnh minh họa: Internet')).toBe(true);
    expect(isBoilerplateParagraph('Tin liên quan')).toBe(true);
    expect(isBoilerplateParagraph('Quang cảnh hội nghị - Ảnh: VGP/Nhật Bắc')).toBe(true);
    expect(isBoilerplateParagraph('Theo ông Dũng, ảnh hưởng của thiên tai là rất lớn.')).toBe(false);
  });
});
