import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/facts/claims.js';
import { extractLegalRefs, legalRefSpans } from '../../src/facts/legal-refs.js';

const claims = (text: string, publishedOn = '2022-08-08') =>
  extractClaims(text, { publishedOn, masked: legalRefSpans(extractLegalRefs(text)) }).map(({ value, unit, approx, period, change }) => ({ value, unit, approx, period, change }));

describe('extractClaims', () => {
  it('folds multipliers and reads qualifiers and periods', () => {
    expect(claims('Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 100% trong 6 tháng đầu năm 2022.')).toEqual([{ value: 100, unit: '%', approx: 'exact', period: '2022-H1', change: null }]);
    expect(claims('Cơ sở dữ liệu có thông tin của hơn 01 triệu doanh nghiệp.')).toEqual([{ value: 1_000_000, unit: 'doanh nghiệp', approx: 'over', period: null, change: null }]);
    expect(claims('Gói hỗ trợ khoảng 2,5 nghìn tỷ đồng.')).toEqual([{ value: 2.5e12, unit: 'đồng', approx: 'about', period: null, change: null }]);
    expect(claims('Có gần 200 triệu lượt tải mới (riêng tháng 6/2022).')).toEqual([{ value: 200_000_000, unit: 'lượt tải', approx: 'nearly', period: '2022-06', change: null }]);
  });
  it('reads changes with their direction', () => {
    expect(claims('GDP quý II/2022 tăng 7,72% so với cùng kỳ năm 2021.')).toEqual([{ value: 7.72, unit: '%', approx: 'exact', period: '2022-Q2', change: 'up' }]);
    expect(claims('Lạm phát cơ bản giảm 0,5 điểm phần trăm.')).toEqual([{ value: 0.5, unit: 'điểm phần trăm', approx: 'exact', period: null, change: 'down' }]);
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
  it('records the metric and the sentence', () => {
    const [c] = extractClaims('Theo Tổng cục Thống kê, tỷ lệ thất nghiệp là 2,3% trong quý I/2024.', { publishedOn: '2024-04-01' });
    expect(c).toMatchObject({ metric: 'tỷ lệ thất nghiệp', value: 2.3, unit: '%', period: '2024-Q1', source: 'Tổng cục Thống kê' });
    expect(c!.sentence).toBe('Theo Tổng cục Thống kê, tỷ lệ thất nghiệp là 2,3% trong quý I/2024.');
  });
});
