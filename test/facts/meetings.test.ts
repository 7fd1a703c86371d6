import { describe, expect, it } from 'vitest';
import { extractMeetings } from '../../src/facts/meetings.js';
import { extractOfficials } from '../../src/facts/officials.js';

const meetings = (text: string, publishedOn: string) => extractMeetings(text, { publishedOn, officials: extractOfficials(text) })
  .map(({ kind, ordinal, body, date, chair, mode }) => ({ kind, ordinal, body, date, chair, mode }));

describe('extractMeetings', () => {
  it('reads kind, ordinal, body, date, chair and mode', () => {
    const text = 'Ngày 08/8/2022, Thủ tướng Chính phủ Phạm Minh Chính, Chủ tịch Ủy ban Quốc gia về chuyển đổi số đã chủ trì phiên họp lần thứ 3 của Ủy ban. Phiên họp được kết nối trực tuyến tới 63 tỉnh, thành phố.';
    expect(meetings(text, '2022-08-08')).toEqual([{ kind: 'phiên họp', ordinal: 3, body: 'Ủy ban Quốc gia về chuyển đổi số', date: '2022-08-08', chair: 'Phạm Minh Chính', mode: 'online' }]);
  });
  it('resolves "Sáng 25/12" against the publication date and reads hybrid mode', () => {
    const text = 'Sáng 25/12, Thủ tướng Phạm Minh Chính chủ trì Hội nghị sơ kết theo hình thức trực tiếp kết hợp trực tuyến.';
    expect(meetings(text, '2023-01-02')).toEqual([{ kind: 'hội nghị', ordinal: null, body: null, date: '2022-12-25', chair: 'Phạm Minh Chính', mode: 'hybrid' }]);
  });
  it('keeps a meeting cited in passing apart from the one reported', () => {
    const text = 'Chiều 12/7, Chủ tịch Quốc hội Vương Đình Huệ chủ trì Phiên họp thứ 12 của Ủy ban Thường vụ Quốc hội. Các nhiệm vụ giao tại Phiên họp thứ 11 đã hoàn thành.';
    const m = meetings(text, '2022-07-12');
    expect(m.map((x) => [x.ordinal, x.date, x.chair])).toEqual([[12, '2022-07-12', 'Vương Đình Huệ'], [11, null, null]]);
    expect(m[0]!.body).toBe('Ủy ban Thường vụ Quốc hội');
  });
  it('plural mentions name no meeting', () => {
    expect(meetings('Các hội nghị đã được tổ chức nhiều lần.', '2022-01-01')).toEqual([]);
  });
});
