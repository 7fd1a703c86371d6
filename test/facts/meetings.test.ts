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
  it('"Quốc hội thảo luận" is the National Assembly discussing, not a "hội thảo"', () => {
    expect(meetings('Sáng 25/10, Quốc hội thảo luận ở tổ về dự án Luật Viễn thông (sửa đổi).', '2023-10-25')).toEqual([]);
    expect(meetings('Chiều 3/4, Bộ Khoa học và Công nghệ tổ chức Hội thảo về trí tuệ nhân tạo.', '2025-04-03').map((m) => m.kind)).toEqual(['hội thảo']);
  });
  it('plural mentions name no meeting', () => {
    expect(meetings('Các hội nghị đã được tổ chức nhiều lần.', '2022-01-01')).toEqual([]);
  });

  it('takes a day written after the kind word, but not the day of something reported at it', () => {
    const press = 'Phát biểu tại cuộc họp báo công bố số liệu kinh tế quý II năm 2024 của Tổng cục Thống kê tổ chức sáng 29/6 tại Hà Nội, bà Nguyễn Thị Hương cho biết.';
    expect(meetings(press, '2024-06-29')).toEqual([{ kind: 'họp báo', ordinal: null, body: 'Tổng cục Thống kê', date: '2024-06-29', chair: null, mode: null }]);
    const visit = 'Trong buổi làm việc với lãnh đạo tỉnh Phú Thọ ngày 3/9, Thủ tướng chỉ đạo nghiên cứu mở rộng cao tốc.';
    expect(meetings(visit, '2022-10-01').map((m) => [m.kind, m.date])).toEqual([['buổi làm việc', '2022-09-03']]);
    const reported = 'Báo cáo tại hội nghị, Bộ Xây dựng cho biết, ngày 03/4/2023, Thủ tướng đã ban hành Quyết định số 338/QĐ-TTg.';
    expect(meetings(reported, '2023-06-17')).toEqual([]);
  });
  it('reads "làm việc với" as a meeting of the sentence\'s subject when it has a day', () => {
    const text = 'Bộ Kế hoạch và Đầu tư đã làm việc với UBND tỉnh Tuyên Quang vào ngày 14/9 để bàn phương án.';
    expect(meetings(text, '2022-10-01')).toEqual([{ kind: 'làm việc', ordinal: null, body: 'Bộ Kế hoạch và Đầu tư', date: '2022-09-14', chair: null, mode: null }]);
    expect(meetings('Người lao động làm việc với cường độ cao.', '2022-10-01')).toEqual([]);
  });
  it('reads the body at the end of a long name when the chair heads it', () => {
    const text = 'Sáng 25/12, Thủ tướng Phạm Minh Chính, Chủ tịch Ủy ban Quốc gia về chuyển đổi số chủ trì Hội nghị sơ kết một năm triển khai Đề án 06, tổng kết hoạt động năm 2022 của Ủy ban Quốc gia về chuyển đổi số.';
    expect(meetings(text, '2022-12-26')[0]!.body).toBe('Ủy ban Quốc gia về chuyển đổi số');
  });
  it('gives the chair to the one who "chủ trì" over the one who "điều hành" a part', () => {
    const text = 'Sáng 12/7, dưới sự điều hành của Phó Chủ tịch Quốc hội Trần Quang Phương, Ủy ban Thường vụ Quốc hội bế mạc Phiên họp thứ 12. Chủ tịch Quốc hội Vương Đình Huệ chủ trì và phát biểu bế mạc Phiên họp thứ 12.';
    expect(meetings(text, '2022-07-12').map((m) => [m.ordinal, m.chair])).toEqual([[12, 'Vương Đình Huệ']]);
  });

  it('reads what a meeting was held for and who attended it', () => {
    const text = 'Sáng 17/6, Thủ tướng Phạm Minh Chính chủ trì hội nghị trực tuyến toàn quốc về tháo gỡ khó khăn cho nhà ở xã hội. '
      + 'Cùng dự có Phó Thủ tướng Trần Hồng Hà; Bộ trưởng Bộ Xây dựng Nguyễn Thanh Nghị; lãnh đạo các bộ, ngành.';
    const [m] = extractMeetings(text, { publishedOn: '2023-06-17', officials: extractOfficials(text) });
    expect(m).toMatchObject({ purpose: 'tháo gỡ khó khăn cho nhà ở xã hội', participants: ['Trần Hồng Hà', 'Nguyễn Thanh Nghị'], chair: 'Phạm Minh Chính' });
    const named = 'Ngày 08/8/2022, Thủ tướng Phạm Minh Chính chủ trì phiên họp lần thứ 3 của Ủy ban Quốc gia về chuyển đổi số nhằm đánh giá kết quả chuyển đổi số trong 6 tháng đầu năm.';
    // "về" inside the body's name is not the purpose.
    expect(extractMeetings(named, { publishedOn: '2022-08-08', officials: extractOfficials(named) })[0]!.purpose).toBe('đánh giá kết quả chuyển đổi số');
  });
});
