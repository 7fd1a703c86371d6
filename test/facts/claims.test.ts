import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/facts/claims.js';
import { extractLegalRefs, legalRefSpans } from '../../src/facts/legal-refs.js';
import { extractOfficials } from '../../src/facts/officials.js';

const claims = (text: string, publishedOn = '2022-08-08') =>
  extractClaims(text, { publishedOn, masked: legalRefSpans(extractLegalRefs(text)) }).map(({ value, unit, approx, period, change }) => ({ value, unit, approx, period, change }));

describe('extractClaims', () => {
  it('folds multipliers and reads qualifiers and periods', () => {
    expect(claims('Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 100% trong 6 tháng đầu năm 2022.')).toEqual([{ value: 100, unit: '%', approx: 'exact', period: '2022-H1', change: null }]);
    expect(claims('Cơ sở dữ liệu có thông tin của hơn 01 triệu doanh nghiệp.')).toEqual([{ value: 1_000_000, unit: 'doanh nghiệp', approx: 'over', period: null, change: null }]);
    expect(claims('Gói hỗ trợ khoảng 2,5 nghìn tỷ đồng.')).toEqual([{ value: 2.5e12, unit: 'đồng', approx: 'about', period: null, change: null }]);
    expect(claims('Có gần 200 triệu lượt tải mới (riêng tháng 6/2022).')).toEqual([{ value: 200_000_000, unit: 'lượt tải', approx: 'nearly', period: '2022-06', change: null }]);
  });
  it('keys GDP growth whatever the period written inside the clause', () => {
    expect(extractClaims('GDP quý II/2022 tăng 7,72% so với cùng kỳ năm 2021.', { publishedOn: '2022-06-29' })[0]!.metricKey).toBe('gdp-growth|rate');
  });
  it('reads changes with their direction', () => {
    expect(claims('GDP quý II/2022 tăng 7,72% so với cùng kỳ năm 2021.')).toEqual([{ value: 7.72, unit: '%', approx: 'exact', period: '2022-Q2', change: 'up' }]);
    expect(claims('Lạm phát cơ bản giảm 0,5 điểm phần trăm.')).toEqual([{ value: 0.5, unit: 'điểm phần trăm', approx: 'exact', period: null, change: 'down' }]);
  });
  it('reads "từ X trở lên" and "từ X trở xuống" as bounds', () => {
    expect(claims('Mục tiêu tăng trưởng từ 8% trở lên.').map((c) => [c.value, c.approx])).toEqual([[8, 'at_least']]);
    expect(claims('Doanh nghiệp có từ 50 lao động trở xuống được hỗ trợ.').map((c) => [c.value, c.approx])).toEqual([[50, 'at_most']]);
  });
  it('reads enumerations that drop the noun, ratio units and percentages per year', () => {
    expect(claims('Có 15 nhiệm vụ cơ bản hoàn thành, 12 cần tiếp tục hoàn thành.').map((c) => [c.value, c.unit])).toEqual([[15, 'nhiệm vụ'], [12, 'nhiệm vụ']]);
    expect(claims('Giá mua điện là 9,35 Uscents/kWh.').map((c) => [c.value, c.unit])).toEqual([[9.35, 'Uscents/kWh']]);
    expect(claims('Vay vốn với lãi suất 0%/năm.').map((c) => [c.value, c.unit])).toEqual([[0, '%']]);
  });
  it('keeps a range lower bound without the upper multiplier when it is already large', () => {
    expect(claims('Vé tháng từ 420.000-3,3 triệu đồng.').map((c) => c.value)).toEqual([420_000, 3_300_000]);
  });
  it('does not read numbers inside names or item references', () => {
    expect(claims('Có 1.888 công ty trách nhiệm hữu hạn 1 thành viên giải thể.').map((c) => c.value)).toEqual([1888]);
    expect(claims('Người dân ở khu phố 6 cũng chung tình cảnh.')).toEqual([]);
    expect(claims('Các tổ chức quy định từ 1 đến 8 nêu trên giúp Tổng cục trưởng.')).toEqual([]);
  });
  it('reads a quantity written like a year when it has a thousands dot, and not a quarter in "Vé quý 1.134.000"', () => {
    expect(claims('Các dự án có công suất 2.000 MW đã được chấp thuận.').map((c) => [c.value, c.unit])).toEqual([[2000, 'MW']]);
    expect(claims('Vé quý 1.134.000 - 8.910.000 đồng.', '2024-09-17').map((c) => c.value)).toEqual([1_134_000, 8_910_000]);
  });
  it('reads a sentence that opens as an estimate as approximate', () => {
    expect(claims('Ước số giải ngân đến hết tháng 1 là 304.219,4 tỷ đồng.', '2017-02-03')[0]!.approx).toBe('about');
  });
  it('reads ranks', () => {
    expect(claims('Việt Nam xếp hạng thứ 7 toàn cầu về lượt tải mới.')).toEqual([{ value: 7, unit: 'hạng', approx: 'exact', period: null, change: null }]);
  });
  it('gives the lower bound of a range the unit of the upper', () => {
    expect(claims('Giá vàng ở mức 66,1-66,9 triệu đồng/lượng.').map((c) => [c.value, c.unit])).toEqual([[66_100_000, 'đồng/lượng'], [66_900_000, 'đồng/lượng']]);
  });
  it('does not read dates, document numbers, ordinals or years as claims', () => {
    expect(claims('Ngày 24/6/2022, Chính phủ ban hành Nghị định số 42/2022/NĐ-CP tại phiên họp lần thứ 3; Đại hội XIII năm 2021.')).toEqual([]);
  });
  it('keeps comparisons and carries the subject across coordinated clauses', () => {
    const [a, b] = extractClaims('Trong tháng 5, cả nước có 10.954 doanh nghiệp thành lập mới, tăng 9,3% so với cùng kỳ năm trước.', { publishedOn: '2017-06-03' });
    expect(a).toMatchObject({ value: 10954, unit: 'doanh nghiệp', metric: 'doanh nghiệp thành lập mới', period: '2017-05', metricKey: 'new-enterprises|doanh nghiep' });
    expect(b).toMatchObject({ value: 9.3, unit: '%', change: 'up', comparison: 'so với cùng kỳ năm trước', period: '2017-05' });
  });
  it('carries a statistical period to the next sentences of its paragraph, not past it', () => {
    const text = 'Tổng cục Thống kê tổ chức họp báo.\n\nTính chung 5 tháng đầu năm, cả nước có 50.534 doanh nghiệp thành lập mới. Số vốn đăng ký đạt 485.600 tỷ đồng.\n\nDự án có 20 hạng mục.';
    expect(claims(text, '2017-06-03').map((c) => c.period)).toEqual(['2017-01/2017-05', '2017-01/2017-05', null]);
  });
  it('carries the period of the lead\'s figures to later paragraphs that name none', () => {
    const text = 'Trong 6 tháng đầu năm 2022, vốn đăng ký đạt 14,03 tỷ USD, theo số liệu cập nhật đến ngày 20/6/2022.\n\nTrong kỳ, có 752 dự án mới được cấp phép.';
    expect(claims(text, '2022-06-28').map((c) => c.period)).toEqual(['2022-H1', '2022-H1']);
    const meeting = 'Ngày 8/8, Thủ tướng chủ trì phiên họp đánh giá 6 tháng đầu năm 2022.\n\nĐã có hơn 30.000 doanh nghiệp tham gia.';
    expect(claims(meeting, '2022-08-08').map((c) => c.period)).toEqual([null]);
  });
  it('does not take a comparison base or a cited document\'s date as the period', () => {
    expect(claims('Giải ngân đạt 89,8% so với kế hoạch vốn năm 2016.', '2017-02-03')[0]!.period).toBeNull();
    expect(claims('Theo Quyết định số 610 ngày 13/7/2022 của Bộ Xây dựng, tổng mức đầu tư là 7.800 tỷ đồng.', '2022-12-23')[0]!.period).toBeNull();
  });
  it('reads "tính đến ngày X" as a running total in a year\'s statistics, else as the day', () => {
    expect(claims('Năm 2023 khép lại: tính đến ngày 20/12/2023, tổng vốn đăng ký đạt gần 36,61 tỷ USD.', '2023-12-28')[0]!.period).toBe('2023-01-01/2023-12-20');
    expect(claims('Tính đến ngày 10/6, Cổng tiếp nhận 661 hồ sơ.', '2020-06-15')[0]!.period).toBe('2020-06-10');
  });
  it('makes figures monthly after an opening "so với tháng trước", but not a monthly average over a period', () => {
    const text = 'Chỉ số giá tiêu dùng tháng 5/2023 tăng 0,01%. Tổng cục cho biết, so với tháng trước, có 6 nhóm hàng tăng giá. Có 5 nhóm hàng giảm giá. Bình quân 5 tháng đầu năm, mỗi tháng CPI tăng 0,2% so với tháng trước.';
    expect(claims(text, '2023-05-29').map((c) => [c.value, c.period])).toEqual([[0.01, '2023-05'], [6, '2023-05'], [5, '2023-05'], [0.2, '2023-01/2023-05']]);
  });
  it('reads "trong tháng" as the month being reported', () => {
    expect(claims('Tháng 2/2023 có nhiều ngày nghỉ. Trong tháng có 9.000 doanh nghiệp thành lập mới.', '2023-03-02').map((c) => c.period)).toEqual(['2023-02']);
  });
  it('dates "cùng kỳ năm X" in an aside as the same period of that year', () => {
    expect(claims('Trong 4 tháng đầu năm, 3.000 doanh nghiệp giải thể, tăng 2% (cùng kỳ năm 2021 tăng 11%).').map((c) => [c.value, c.period]))
      .toEqual([[3000, '2022-01/2022-04'], [2, '2022-01/2022-04'], [11, '2021-01/2021-04']]);
  });
  it('does not take deadlines, occasions, starting points, meeting days or superlative spans as periods', () => {
    expect(claims('Có 12 doanh nghiệp phải thoái vốn trước ngày 30/9/2022.')[0]!.period).toBeNull();
    expect(claims('Giá vé tăng mạnh vào dịp nghỉ lễ 2/9 nên doanh thu tăng 3%.')[0]!.period).toBeNull();
    expect(claims('Dự án được bố trí 500 tỷ đồng từ cuối năm 2019 nhưng còn 200 tỷ đồng chưa dùng.').map((c) => c.period)).toEqual([null, null]);
    expect(claims('Tại buổi làm việc với tỉnh ngày 5/8, Thủ tướng chỉ đạo làm đường 4 làn xe.')[0]!.period).toBeNull();
    expect(claims('Năm 2022, GDP tăng 8%, mức tăng cao nhất trong giai đoạn 2011-2022.')[0]!.period).toBe('2022');
  });
  it('dates a figure by the plan it is measured against only when the plan is its own subject', () => {
    expect(claims('Giải ngân đạt 80% kế hoạch vốn năm 2021.', '2022-01-31')[0]!.period).toBeNull();
    expect(claims('Kế hoạch vốn năm 2022 được giao là 500 nghìn tỷ đồng.', '2022-01-31')[0]!.period).toBe('2022');
  });
  it('prefers what came earlier in the sentence over a later clause, and ignores dates in asides', () => {
    expect(claims('Tính đến ngày 10/7/2022, xăng tăng giá 6 lần; dầu tăng giá 5 lần, làm cho giá dầu tháng 7 tăng 20%.').map((c) => [c.value, c.period]))
      .toEqual([[6, '2022-07-10'], [5, '2022-07-10'], [20, '2022-07']]);
    expect(claims('Lương tăng (năm 2022 cao hơn năm 2021 khoảng 200.000 đồng), nên giá dịch vụ tăng 5%.').map((c) => [c.value, c.period])).toEqual([[200_000, '2022'], [5, null]]);
  });
  it('dates figures by the headline\'s period, or by the review the lead reports', () => {
    const withTitle = (title: string, text: string, publishedOn = '2023-01-05') => extractClaims(text, { publishedOn, title }).map((c) => c.period);
    expect(withTitle('Xuất khẩu năm 2022 vượt 370 tỷ USD', 'Xuất khẩu đạt 371 tỷ USD.')).toEqual(['2022']);
    expect(withTitle('Kinh tế quý IV và cả năm 2022', 'Cả nước có 208.000 doanh nghiệp mới.\n\nXuất khẩu đạt 371 tỷ USD.')).toEqual(['2022', '2022']);
    // A goal in the headline is not the period reported.
    expect(withTitle('Phấn đấu năm 2023 giải ngân trên 95%', 'Tỉnh có 20 dự án chậm tiến độ.')).toEqual([null]);
    expect(withTitle('Ngành thuế triển khai nhiệm vụ', 'Sáng 4/1, Bộ tổ chức Hội nghị tổng kết công tác năm 2022.\n\nThu ngân sách đạt 1,8 triệu tỷ đồng.')).toEqual(['2022']);
  });
  it('reads "tính đến ngày" in a month\'s report as that month so far', () => {
    expect(extractClaims('Tính đến ngày 31/1/2025, vốn đăng ký đạt 4 tỷ USD.', { publishedOn: '2025-02-06', title: 'Kinh tế tháng 1/2025' })[0]!.period).toBe('2025-01');
  });
  it('reads a date range as one interval period', () => {
    expect(claims('Từ ngày 17/9 đến hết ngày 31/12/2024, trạm thu phí miễn phí cho 3.000 xe.', '2024-09-17')[0]!.period).toBe('2024-09-17/2024-12-31');
  });
  it('reads rates per unit', () => {
    expect(claims('Mức lương tối thiểu vùng I là 4.680.000 đồng/tháng.').map((c) => [c.value, c.unit])).toEqual([[4_680_000, 'đồng/tháng']]);
  });

  it('records the metric and the sentence', () => {
    const [c] = extractClaims('Theo Tổng cục Thống kê, tỷ lệ thất nghiệp là 2,3% trong quý I/2024.', { publishedOn: '2024-04-01' });
    expect(c).toMatchObject({ metric: 'tỷ lệ thất nghiệp', value: 2.3, unit: '%', period: '2024-Q1', source: 'Tổng cục Thống kê' });
    expect(c!.sentence).toBe('Theo Tổng cục Thống kê, tỷ lệ thất nghiệp là 2,3% trong quý I/2024.');
  });
});

describe('claim sources', () => {
  const sources = (text: string) => extractClaims(text, { publishedOn: '2023-01-05', officials: extractOfficials(text) }).map((c) => [c.value, c.source]);
  it('names the official a sentence quotes, by a later mention too', () => {
    expect(sources('Bộ trưởng Bộ Tài chính Hồ Văn Nam dự họp. Bộ trưởng cho biết, thu ngân sách đạt 1.500 nghìn tỷ đồng.'))
      .toEqual([[1.5e15, 'Hồ Văn Nam']]);
    expect(sources('Thứ trưởng Trần Văn Bình dự họp. Theo ông Bình, vốn giải ngân đạt 95%.')).toEqual([[95, 'Trần Văn Bình']]);
  });
  it('names a body that opens the sentence and reports the figure', () => {
    expect(sources('Bộ Kế hoạch và Đầu tư cho biết, cả nước có 208 nghìn doanh nghiệp thành lập mới.')).toEqual([[208000, 'Bộ Kế hoạch và Đầu tư']]);
  });
  it('names no one where the sentence names no source', () => {
    expect(sources('Vốn FDI thực hiện đạt 22,4 tỷ USD.')).toEqual([[22.4e9, null]]);
    // A body inside the sentence is not its source.
    expect(sources('Doanh thu của Tập đoàn Điện lực Việt Nam đạt 400 nghìn tỷ đồng.')).toEqual([[4e14, null]]);
  });
});

describe('periods written without their year', () => {
  const periods = (text: string, publishedOn: string) => claims(text, publishedOn).map((c) => [c.value, c.period]);
  it('a list of quarters gives each figure its own quarter, not the next item\'s', () => {
    expect(periods('Năm 2024, GDP quý I tăng 5,98%, quý II tăng 7,25% và quý III tăng 7,43%.', '2024-12-29'))
      .toEqual([[5.98, '2024-Q1'], [7.25, '2024-Q2'], [7.43, '2024-Q3']]);
  });
  it('in a review of the past year published in January, they are that year\'s', () => {
    const text = 'GDP quý IV/2024 ước tăng 7,55%, cao nhất trong năm.\n\nTăng trưởng quý sau cao hơn quý trước: quý I tăng 5,98%, quý III tăng 7,43%. Tính chung cả năm, xuất khẩu tăng 14,3%.';
    expect(periods(text, '2025-01-06')).toEqual([[7.55, '2024-Q4'], [5.98, '2024-Q1'], [7.43, '2024-Q3'], [14.3, '2024']]);
  });
  it('keep the publication year when the paragraph has no earlier year, or the period has ended', () => {
    expect(periods('Quý I, các bộ phấn đấu giải ngân đạt 20% kế hoạch.', '2025-01-06')).toEqual([[20, '2025-Q1']]);
    // The half-year figures released on 29 June, framed by the same year.
    expect(periods('Năm 2024 là năm bứt phá. 6 tháng đầu năm, GDP tăng 6,42%.', '2024-06-29')).toEqual([[6.42, '2024-H1']]);
  });
});
