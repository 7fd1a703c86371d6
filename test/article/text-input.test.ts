import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../src/article/text-input.js';

describe('articleFromText', () => {
  it('takes the first short line as the title and drops captions and flattened caption tables', () => {
    const a = articleFromText([
      'Thủ tướng chủ trì hội nghị trực tuyến toàn quốc',
      '(Chinhphu.vn) - Sáng nay, Thủ tướng chủ trì hội nghị.',
      '|',
      'Thủ tướng phát biểu. Ảnh chụp tại điểm cầu Hà Nội |',
      'Ảnh minh họa: Internet',
      'Hội nghị đánh giá kết quả 6 tháng đầu năm.',
      'Thu Hằng',
    ].join('\n'));
    expect(a.title).toBe('Thủ tướng chủ trì hội nghị trực tuyến toàn quốc');
    // The headline stays the first paragraph: it states facts too.
    expect(a.paragraphs).toEqual(['Thủ tướng chủ trì hội nghị trực tuyến toàn quốc', '(Chinhphu.vn) - Sáng nay, Thủ tướng chủ trì hội nghị.', 'Hội nghị đánh giá kết quả 6 tháng đầu năm.']);
    expect(a.lead).toBe('(Chinhphu.vn) - Sáng nay, Thủ tướng chủ trì hội nghị.');
    expect(a.text).toBe(a.paragraphs.join('\n\n'));
    expect(a.authors).toEqual(['Thu Hằng']);
    expect(a.method).toBe('text');
  });
  it('a text that starts with its lead has no title', () => {
    expect(articleFromText('(MPI) - Ngày 08/8/2022, Bộ Kế hoạch và Đầu tư tổ chức hội nghị.\nNội dung tiếp theo.').title).toBeNull();
  });
});
