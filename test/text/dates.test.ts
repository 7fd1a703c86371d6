import { describe, expect, it } from 'vitest';
import { dayRange, findDates, inferYear, isValidDate, parseDateTime, periodBounds, periodOf, toVietnamIso, type DateMention } from '../../src/text/dates.js';

/** A Wednesday in August 2022, the publication date most tests are read against. */
const REF = '2022-08-10';

/** findDates, after checking that every span cuts its text out of the input and that spans do not overlap. */
function find(text: string, ref: string | null = REF): DateMention[] {
  const out = findDates(text, ref);
  for (const d of out) expect(text.slice(d.span[0], d.span[1])).toBe(d.text);
  for (let i = 1; i < out.length; i++) expect(out[i]!.span[0]).toBeGreaterThanOrEqual(out[i - 1]!.span[1]);
  return out;
}
/** [kind, value, text, inferred] of every mention. */
const brief = (text: string, ref: string | null = REF) => find(text, ref).map((d) => [d.kind, d.value, d.text, d.inferred]);

describe('findDates: days', () => {
  it.each([
    ['Ngày 08/8/2022, Bộ Tài chính tổ chức hội nghị.', 'date', '2022-08-08', '08/8/2022', false],
    ['Ngày 8/8/2022 là thứ Hai.', 'date', '2022-08-08', '8/8/2022', false],
    ['Văn bản ký ngày 24-6-2022.', 'date', '2022-06-24', '24-6-2022', false],
    ['Luật có hiệu lực từ 1.1.2016.', 'date', '2016-01-01', '1.1.2016', false],
    ['Ngày 2 tháng 9 năm 1945, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập.', 'date', '1945-09-02', 'Ngày 2 tháng 9 năm 1945', false],
    ['Hôm ngày 29 tháng 2 năm 2024 trời mưa.', 'date', '2024-02-29', 'ngày 29 tháng 2 năm 2024', false],
    ['Đoàn đến vào ngày 24-7 vừa qua.', 'date', '2022-07-24', 'ngày 24-7', true],
    ['Sáng 6-8, đoàn công tác làm việc với tỉnh.', 'date', '2022-08-06', 'Sáng 6-8', true],
    ['Chiều 1/8, hội nghị bế mạc.', 'date', '2022-08-01', 'Chiều 1/8', true],
    ['Tối 9.8, đoàn trở về.', 'date', '2022-08-09', 'Tối 9.8', true],
    ['Ngày 15 tháng 7, Quốc hội họp.', 'date', '2022-07-15', 'Ngày 15 tháng 7', true],
    ['Thứ 7, 13/8, đoàn lên đường.', 'date', '2022-08-13', 'Thứ 7, 13/8', true],
    ['Chủ nhật 14/8 là ngày nghỉ.', 'date', '2022-08-14', 'Chủ nhật 14/8', true],
    ['Hạn chót là 15/9.', 'date', '2022-09-15', '15/9', true],
  ])('%s', (text, kind, value, match, inferred) => {
    expect(brief(text)).toEqual([[kind, value, match, inferred]]);
  });

  it('infers the year of "Sáng 25/12" from the reference date', () => {
    // Read in August, the nearest 25 December is the coming one ...
    expect(brief('Sáng 25/12, Thủ tướng dự lễ khánh thành.')).toEqual([['date', '2022-12-25', 'Sáng 25/12', true]]);
    // ... read on 2 January, it is last week's.
    expect(brief('Sáng 25/12, Thủ tướng dự lễ khánh thành.', '2023-01-02')).toEqual([['date', '2022-12-25', 'Sáng 25/12', true]]);
    // A day early in the year read late in the previous December is next year's.
    expect(brief('Chiều 3/1, hội nghị sẽ khai mạc.', '2022-12-28')).toEqual([['date', '2023-01-03', 'Chiều 3/1', true]]);
  });
  it('accepts a full ISO timestamp as the reference', () => {
    expect(brief('Sáng 6-8, đoàn đến.', '2022-08-10T09:30:00+07:00')).toEqual([['date', '2022-08-06', 'Sáng 6-8', true]]);
  });
  it('without a reference date keeps a bare day-month as "--MM-DD" and gives it no period', () => {
    const out = find('Hạn chót là 25/12.', null);
    expect(out.map((d) => [d.kind, d.value, d.text, d.inferred])).toEqual([['date', '--12-25', '25/12', true]]);
    expect(periodOf(out[0]!)).toBeNull();
  });
  it('reads a range of dd.mm.yyyy dates as one interval', () => {
    expect(brief('Nhiệm kỳ từ 4.1.2017 - 4.1.2018.').map((d) => [d[0], d[1]])).toEqual([['range', '2017-01-04/2018-01-04']]);
    expect(brief('Nhiệm kỳ 4.1.2017 - 4.1.2018.').map((d) => d[1])).toEqual(['2017-01-04', '2018-01-04']);
  });
  it('reads relative days', () => {
    expect(brief('Hôm nay, Bộ công bố kết quả.')).toEqual([['date', '2022-08-10', 'Hôm nay', true]]);
    expect(brief('Hôm qua trời mưa.')).toEqual([['date', '2022-08-09', 'Hôm qua', true]]);
    expect(brief('Ngày mai khai mạc.', '2022-08-31')).toEqual([['date', '2022-09-01', 'Ngày mai', true]]);
    expect(brief('Sáng nay, đoàn đến.')).toEqual([['date', '2022-08-10', 'Sáng nay', true]]);
  });
});

describe('findDates: times', () => {
  it.each([
    ['Hội nghị khai mạc lúc 14h30.', '14:30', 'lúc 14h30'],
    ['Phiên họp bắt đầu 10g45 sáng nay.', '10:45', '10g45'],
    ['Buổi lễ bắt đầu lúc 9 giờ.', '09:00', 'lúc 9 giờ'],
    ['Đến 9 giờ 30 phút, đoàn rời đi.', '09:30', '9 giờ 30 phút'],
    ['Cập nhật 14:30.', '14:30', '14:30'],
    ['Họp từ 8h.', '08:00', '8h'],
  ])('%s', (text, value, match) => {
    expect(brief(text, null)).toEqual([['time', value, match, false]]);
  });
  it('does not read a bare duration or an impossible time', () => {
    expect(find('Cuộc họp kéo dài 3 giờ.')).toEqual([]);
    expect(find('Lúc 25h70 không tồn tại.')).toEqual([]);
  });
  it('reads a day and a time in one sentence', () => {
    expect(brief('Lúc 14h30 ngày 8/8/2022, hội nghị khai mạc.')).toEqual([
      ['time', '14:30', 'Lúc 14h30', false],
      ['date', '2022-08-08', '8/8/2022', false],
    ]);
  });
  it('times have no period', () => {
    expect(periodOf(find('lúc 14h30')[0]!)).toBeNull();
  });
});

describe('findDates: months, quarters and halves', () => {
  it.each([
    ['Trong tháng 6/2022, giá giảm.', 'month', '2022-06', 'tháng 6/2022'],
    ['Từ tháng 4-2016, ông giữ chức vụ này.', 'month', '2016-04', 'tháng 4-2016'],
    ['Đến tháng 1.2018, dự án hoàn thành.', 'month', '2018-01', 'tháng 1.2018'],
    ['Vào tháng 3 năm 2020, dịch bùng phát.', 'month', '2020-03', 'tháng 3 năm 2020'],
    ['Trong quý I/2022, GDP tăng.', 'quarter', '2022-Q1', 'quý I/2022'],
    ['Quý IV/2021 tăng trưởng mạnh.', 'quarter', '2021-Q4', 'Quý IV/2021'],
    ['Trong quý 4 năm 2018, xuất khẩu tăng.', 'quarter', '2018-Q4', 'quý 4 năm 2018'],
    ['Quý II năm 2023 khởi công.', 'quarter', '2023-Q2', 'Quý II năm 2023'],
    ['Quý 3-2022 khởi sắc.', 'quarter', '2022-Q3', 'Quý 3-2022'],
    ['Trong 6 tháng đầu năm 2022, thu ngân sách tăng.', 'half', '2022-H1', '6 tháng đầu năm 2022'],
    ['Trong 3 tháng đầu năm 2021, vốn tăng.', 'quarter', '2021-Q1', '3 tháng đầu năm 2021'],
    ['Kết quả 9 tháng năm 2022 khả quan.', 'months', '2022-01/2022-09', '9 tháng năm 2022'],
    ['Kết quả 6 tháng năm 2022 khả quan.', 'half', '2022-H1', '6 tháng năm 2022'],
    ['Nửa đầu năm 2021, sản xuất phục hồi.', 'half', '2021-H1', 'Nửa đầu năm 2021'],
  ])('%s', (text, kind, value, match) => {
    expect(brief(text)).toEqual([[kind, value, match, false]]);
  });
  it('takes the year of "6 tháng đầu năm 2022" from the text, not from the reference date', () => {
    expect(brief('Số liệu 6 tháng đầu năm 2022 được công bố.', '2023-02-01')).toEqual([['half', '2022-H1', '6 tháng đầu năm 2022', false]]);
    expect(brief('Số liệu 6 tháng đầu năm 2022 được công bố.', null)).toEqual([['half', '2022-H1', '6 tháng đầu năm 2022', false]]);
  });
  it.each([
    ['Trong 6 tháng cuối năm, tỉnh tập trung giải ngân.', 'half', '2022-H2', '6 tháng cuối năm'],
    ['6 tháng đầu năm, xuất khẩu tăng.', 'half', '2022-H1', '6 tháng đầu năm'],
    ['9 tháng đầu năm nay, thu hút vốn tăng.', 'months', '2022-01/2022-09', '9 tháng đầu năm nay'],
    ['Cùng kỳ 6 tháng đầu năm ngoái, vốn giảm.', 'half', '2021-H1', '6 tháng đầu năm ngoái'],
    ['Chín tháng đầu năm, GDP tăng.', 'months', '2022-01/2022-09', 'Chín tháng đầu năm'],
    ['Quý III, sản xuất phục hồi.', 'quarter', '2022-Q3', 'Quý III'],
    ['Nửa cuối năm, tỉnh tăng tốc.', 'half', '2022-H2', 'Nửa cuối năm'],
    ['Đến tháng 9, công trình hoàn thành.', 'month', '2022-09', 'tháng 9'],
    ['Hồi tháng 12, giá tăng.', 'month', '2021-12', 'tháng 12'], // after the story's month (+1): last year
  ])('infers the year: %s', (text, kind, value, match) => {
    expect(brief(text)).toEqual([[kind, value, match, true]]);
  });
  it('reads a bare "9 tháng" as January to September where it is the reporting period', () => {
    expect(brief('9 tháng, kim ngạch xuất khẩu tăng 17%.', '2022-10-05')).toEqual([['months', '2022-01/2022-09', '9 tháng', true]]);
    expect(brief('Trong 9 tháng, kim ngạch xuất khẩu tăng 17%.', '2022-10-05')).toEqual([['months', '2022-01/2022-09', '9 tháng', true]]);
    expect(brief('Tính chung 9 tháng, vốn FDI đạt 15 tỷ USD.', '2022-10-05')).toEqual([['months', '2022-01/2022-09', '9 tháng', true]]);
    expect(brief('Ngành đã làm được nhiều việc trong 9 tháng qua.', '2022-10-05')).toEqual([['months', '2022-01/2022-09', '9 tháng qua', true]]);
    expect(brief('Xuất khẩu tăng. Trong 6 tháng, nhập khẩu giảm.', '2022-07-05')).toEqual([['half', '2022-H1', '6 tháng', true]]);
  });
  it('does not read "9 tháng" as a period where it is a duration', () => {
    expect(find('Thời hạn thi công là 9 tháng.')).toEqual([]);
    expect(find('Trong 6 tháng tới, tỉnh sẽ hoàn thành.')).toEqual([]);
    expect(find('Dự án chậm 3 tháng so với kế hoạch.')).toEqual([]);
  });
  it('reads relative months', () => {
    expect(brief('Tháng trước, giá xăng giảm.')).toEqual([['month', '2022-07', 'Tháng trước', true]]);
    expect(brief('Trong tháng qua, giá ổn định.', '2023-01-15')).toEqual([['month', '2022-12', 'tháng qua', true]]);
    expect(brief('Trong tháng này, tỉnh giải ngân.')).toEqual([['month', '2022-08', 'tháng này', true]]);
  });
});

describe('findDates: years and ranges', () => {
  it.each([
    ['Kế hoạch năm 2022 đã hoàn thành.', 'year', '2022', 'năm 2022', false],
    ['Tầm nhìn đến năm 2030.', 'year', '2030', 'năm 2030', false],
    ['Phấn đấu đến hết năm 2020 hoàn thành.', 'year', '2020', 'năm 2020', false],
    ['Kế hoạch giai đoạn 2022-2025 được thông qua.', 'range', '2022/2025', 'giai đoạn 2022-2025', false],
    ['Nhiệm kỳ 2021 - 2026 bắt đầu.', 'range', '2021/2026', 'Nhiệm kỳ 2021 - 2026', false],
    ['Từ năm 2016 đến năm 2020, vốn tăng.', 'range', '2016/2020', 'Từ năm 2016 đến năm 2020', false],
    ['So với năm ngoái, thu ngân sách tăng.', 'year', '2021', 'năm ngoái', true],
    ['Năm nay, tỉnh đặt mục tiêu cao.', 'year', '2022', 'Năm nay', true],
    ['Năm trước, tỉnh tăng trưởng chậm.', 'year', '2021', 'Năm trước', true],
  ])('%s', (text, kind, value, match, inferred) => {
    expect(brief(text)).toEqual([[kind, value, match, inferred]]);
  });
  it('reads "tuần qua" as the seven days up to the reference date', () => {
    expect(brief('Trong tuần qua, cả nước ghi nhận ít ca mắc.')).toEqual([['range', '2022-08-03/2022-08-10', 'tuần qua', true]]);
    expect(brief('Tuần qua giá tăng.', '2023-01-02')).toEqual([['range', '2022-12-26/2023-01-02', 'Tuần qua', true]]);
  });
  it('reads "năm ngoái" across the turn of the year', () => {
    expect(brief('Năm ngoái tỉnh tăng trưởng 8%.', '2023-01-02')).toEqual([['year', '2022', 'Năm ngoái', true]]);
  });
  it('does not read "N năm qua", "N tuần qua", "những năm qua" as last year or last week', () => {
    expect(find('Trong 5 năm qua, tỉnh đã thay đổi.')).toEqual([]);
    expect(find('Trong những năm qua, ngành phát triển.')).toEqual([]);
    expect(find('Trong 2 tuần qua, giá tăng.')).toEqual([]);
    expect(find('Trong ba năm trước, vốn giảm.')).toEqual([]);
  });
  it('joins "từ <period> đến <period>" of different forms into one interval', () => {
    expect(brief('Từ năm 2019 đến tháng 10 năm 2021, tỉnh đã sắp xếp 40 đơn vị.')).toEqual([['range', '2019/2021-10', 'Từ năm 2019 đến tháng 10 năm 2021', false]]);
    expect(brief('Kể từ quý II/2021 đến hết quý I/2022, giá tăng.')).toEqual([['range', '2021-Q2/2022-Q1', 'Kể từ quý II/2021 đến hết quý I/2022', false]]);
  });
  it('joins two back-to-back periods linked by "và", and only those', () => {
    expect(brief('Trong năm 2021 và quý I năm 2022, ngành thu 5 tỷ đồng.')).toEqual([['range', '2021/2022-Q1', 'năm 2021 và quý I năm 2022', false]]);
    expect(brief('Tháng 3 và tháng 4/2022 giá giảm.').map((d) => d[1])).toEqual(['2022-03/2022-04']);
    // Not contiguous: two periods, not one.
    expect(brief('Năm 2019 và năm 2021 đều tăng.').map((d) => d[1])).toEqual(['2019', '2021']);
    // A period does not run backwards.
    expect(brief('Từ năm 2022 đến năm 2020 sai thứ tự.').filter((d) => d[0] === 'range')).toEqual([]);
  });
  it('gives "quý IV và cả năm 2022" the year written after it', () => {
    expect(brief('Kinh tế quý IV và cả năm 2022 khởi sắc.', '2023-01-05').map((d) => d[1])).toEqual(['2022-Q4', '2022']);
  });
  it('writes a span of whole months in its short form', () => {
    expect(brief('Từ ngày 1/4 đến ngày 30/6/2022, tỉnh tiếp nhận hồ sơ.').map((d) => [d[0], d[1]])).toEqual([['quarter', '2022-Q2']]);
    expect(brief('Từ ngày 1/1 đến 31/1/2023, giá ổn định.').map((d) => d[1])).toEqual(['2023-01']);
    expect(brief('Từ ngày 17/9 đến 31/12/2022, phí giảm.').map((d) => d[1])).toEqual(['2022-09-17/2022-12-31']);
  });
  it('reads "N tháng" before a figure\'s verb as the reporting period', () => {
    expect(brief('Kim ngạch xuất khẩu 7 tháng ước đạt 200 tỷ USD.').map((d) => d[1])).toEqual(['2022-01/2022-07']);
    expect(brief('Cũng trong 7 tháng, vốn FDI tăng.').map((d) => d[1])).toEqual(['2022-01/2022-07']);
    expect(find('Thời hạn 7 tháng kể từ ngày ký.')).toEqual([]);
  });
  it('does not read a backward range as a range', () => {
    expect(brief('Số liệu 2025-2020 sai thứ tự.').filter((d) => d[0] === 'range')).toEqual([]);
  });
  it('needs a reference date for relative forms', () => {
    expect(find('Năm ngoái, tuần qua, hôm nay, 6 tháng cuối năm, quý III, tháng 9.', null)).toEqual([]);
  });
});

describe('findDates: several mentions', () => {
  it('returns every mention in text order, longest match winning', () => {
    const text = 'Sáng 25/12, tại Hà Nội, Bộ tổng kết năm 2022 và triển khai kế hoạch quý I/2023, lúc 8h30.';
    expect(brief(text, '2022-12-26')).toEqual([
      ['date', '2022-12-25', 'Sáng 25/12', true],
      ['year', '2022', 'năm 2022', false],
      ['quarter', '2023-Q1', 'quý I/2023', false],
      ['time', '08:30', 'lúc 8h30', false],
    ]);
  });
  it('prefers the whole "ngày 2 tháng 9 năm 1945" over its pieces', () => {
    const out = find('ngày 2 tháng 9 năm 1945');
    expect(out).toHaveLength(1);
    expect(out[0]!.span).toEqual([0, 23]);
  });
  it('is stable across calls (no regex state carried over)', () => {
    const text = 'Ngày 08/8/2022 và quý I/2022.';
    expect(brief(text)).toEqual(brief(text));
  });
});

describe('findDates: negatives', () => {
  it.each([
    'Cần có ngày chính xác cho kế hoạch.',
    'Có 1975 người tham gia.',
    'Văn bản số 42/2022/NĐ-CP được ban hành.',
    'Dịch COVID-19 đã được kiểm soát.',
    'Khối lượng 30.000 tấn.',
    'Tỷ lệ 38,5%.',
    'Ngày làm việc kết thúc sớm.',
    'Mùa thu năm nào cũng đẹp.',
  ])('no date in %j', (text) => {
    expect(find(text)).toEqual([]);
  });
  it.each([
    'Ngày 32 tháng 4 không tồn tại.',
    'Không có ngày 31 tháng 4.',
    'Ngày 32 tháng 4 năm 2022 là ngày sai.',
    'Ngày 30/2/2022 là ngày sai.',
    'Ngày 31.4.2022 là ngày sai.',
    'Sáng 32-8 là ngày sai.',
    'Tháng 13/2022 là tháng sai.',
    'Quý V/2022 không có.',
  ])('no date in the impossible %j', (text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('periodOf', () => {
  it('returns the value for days and periods', () => {
    const out = find('Ngày 08/8/2022, quý I/2022, 6 tháng đầu năm 2022, năm 2022, giai đoạn 2021-2025.');
    expect(out.map(periodOf)).toEqual(['2022-08-08', '2022-Q1', '2022-H1', '2022', '2021/2025']);
  });
});

describe('periodBounds and dayRange', () => {
  it('gives the first and last day of each period form', () => {
    expect(periodBounds('2024')).toEqual(['2024-01-01', '2024-12-31']);
    expect(periodBounds('2024-H2')).toEqual(['2024-07-01', '2024-12-31']);
    expect(periodBounds('2024-Q1')).toEqual(['2024-01-01', '2024-03-31']);
    expect(periodBounds('2024-02')).toEqual(['2024-02-01', '2024-02-29']);
    expect(periodBounds('2024-02-10')).toEqual(['2024-02-10', '2024-02-10']);
    expect(periodBounds('2016/2018-11')).toEqual(['2016-01-01', '2018-11-30']);
    expect(periodBounds('--08-10')).toBeNull();
  });
  it('shortens whole months, quarters, halves and years', () => {
    expect(dayRange('2023-01-01', '2023-12-31')).toBe('2023');
    expect(dayRange('2023-07-01', '2023-12-31')).toBe('2023-H2');
    expect(dayRange('2023-01-01', '2023-09-30')).toBe('2023-01/2023-09');
    expect(dayRange('2022-11-01', '2023-02-28')).toBe('2022-11/2023-02');
    expect(dayRange('2023-01-01', '2023-12-20')).toBe('2023-01-01/2023-12-20');
  });
});

describe('isValidDate and inferYear', () => {
  it('checks month lengths and leap years', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(2000, 2, 29)).toBe(true);
    expect(isValidDate(1900, 2, 29)).toBe(false);
    expect(isValidDate(2022, 4, 31)).toBe(false);
    expect(isValidDate(2022, 12, 31)).toBe(true);
    expect(isValidDate(2022, 13, 1)).toBe(false);
    expect(isValidDate(2022, 0, 1)).toBe(false);
    expect(isValidDate(2022, 1, 0)).toBe(false);
    expect(isValidDate(999, 1, 1)).toBe(false);
  });
  it('picks the year that puts the day nearest the reference date', () => {
    expect(inferYear('2023-01-02', 12, 25)).toBe(2022);
    expect(inferYear('2022-12-28', 1, 3)).toBe(2023);
    expect(inferYear('2022-08-10', 8, 6)).toBe(2022);
    expect(inferYear('2022-08-10', 12, 25)).toBe(2022);
    // Nearest either way: 20 January is 163 days ahead but 202 days back, 20 February 171 back, 194 ahead.
    expect(inferYear('2022-08-10', 1, 20)).toBe(2023);
    expect(inferYear('2022-08-10', 2, 20)).toBe(2022);
    expect(inferYear('2023-03-01', 2, 29)).toBe(2024);
    expect(inferYear(null, 1, 1)).toBeNull();
    expect(inferYear('not a date', 1, 1)).toBeNull();
  });
});

describe('parseDateTime', () => {
  it.each([
    ['Thứ Hai, 08/08/2022 - 14:30', '2022-08-08T14:30:00+07:00'],
    ['08/8/2022 10:20 GMT+7', '2022-08-08T10:20:00+07:00'],
    ['2022-08-08T11:55:00+07:00', '2022-08-08T11:55:00+07:00'],
    ['Cập nhật: 14h30 ngày 8/8/2022', '2022-08-08T14:30:00+07:00'],
    ['Cập nhật lúc 09g05, 8/8/2022', '2022-08-08T09:05:00+07:00'],
    ['08/08/2022', '2022-08-08T00:00:00+07:00'],
    ['8.8.2022 07:05:09', '2022-08-08T07:05:09+07:00'],
    ['ngày 8 tháng 8 năm 2022', '2022-08-08T00:00:00+07:00'],
    ['2022-08-08', '2022-08-08T00:00:00+07:00'],
    ['2022-08-08 11:55', '2022-08-08T11:55:00+07:00'],
    ['2022-08-08T11:55:00.123+0700', '2022-08-08T11:55:00+07:00'],
    ['  31/12/2022 23:59  ', '2022-12-31T23:59:00+07:00'],
  ])('%j', (input, expected) => {
    expect(parseDateTime(input)).toBe(expected);
  });
  it('converts an ISO time in UTC to +07:00', () => {
    expect(parseDateTime('2022-08-08T04:55:00Z')).toBe('2022-08-08T11:55:00+07:00');
    expect(parseDateTime('2022-08-08T20:00:00.000Z')).toBe('2022-08-09T03:00:00+07:00');
  });
  it('converts other ISO offsets to +07:00', () => {
    expect(parseDateTime('2022-08-08T01:00:00-05:00')).toBe('2022-08-08T13:00:00+07:00');
    expect(parseDateTime('2022-08-08T10:00:00+0900')).toBe('2022-08-08T08:00:00+07:00');
  });
  it('converts a byline time given in another zone ("GMT+9", "UTC")', () => {
    expect(parseDateTime('08/8/2022 10:20 GMT+9')).toBe('2022-08-08T08:20:00+07:00');
    expect(parseDateTime('08/8/2022 02:20 UTC')).toBe('2022-08-08T09:20:00+07:00');
    expect(parseDateTime('31/12/2022 23:30 GMT')).toBe('2023-01-01T06:30:00+07:00');
    expect(parseDateTime('08/8/2022 10:20 (GMT+07:00)')).toBe('2022-08-08T10:20:00+07:00');
  });
  it('reads a decomposed (NFD) byline', () => {
    expect(parseDateTime('Câ\u0323p nhâ\u0323t: 14h30 nga\u0300y 8/8/2022')).toBe('2022-08-08T14:30:00+07:00');
  });
  it('ignores an impossible time but keeps the day', () => {
    expect(parseDateTime('08/08/2022 25:30')).toBe('2022-08-08T00:00:00+07:00');
  });
  it.each(['', 'không có ngày', '30/02/2022 10:00', '2022-02-30T10:00:00Z', '2022-13-01', '08/08'])('returns null for %j', (input) => {
    expect(parseDateTime(input)).toBeNull();
  });
});

describe('toVietnamIso', () => {
  it('formats a UTC instant in Vietnam time', () => {
    expect(toVietnamIso(Date.UTC(2022, 7, 8, 4, 55, 0))).toBe('2022-08-08T11:55:00+07:00');
    expect(toVietnamIso(Date.UTC(2022, 11, 31, 17, 0, 0))).toBe('2023-01-01T00:00:00+07:00');
  });
});

describe('the reported year and running totals', () => {
  it('reads "cả năm" and "trong năm" as the reference year, but not a target "cho cả năm"', () => {
    expect(findDates('Tính chung cả năm, khu vực dịch vụ tăng 9,99%.', '2022-12-29').map((d) => [d.kind, d.value])).toEqual([['year', '2022']]);
    expect(findDates('Trong năm, 3.188 dự án mới được cấp phép.', '2023-12-28').map((d) => d.value)).toEqual(['2023']);
    expect(findDates('đạt mục tiêu đặt ra cho cả năm', '2022-08-08')).toEqual([]);
    expect(findDates('trong năm 2023', '2024-01-01').map((d) => d.value)).toEqual(['2023']);
  });
});
