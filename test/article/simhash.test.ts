import { describe, expect, it } from 'vitest';
import { bands, hammingDistance, NEAR_DUPLICATE_BITS, simhash } from '../../src/article/simhash.js';

/** A release written for this test, long enough to be fingerprinted as a news text is. */
const RELEASE = [
  'Chiều 17/6, Thủ tướng Chính phủ chủ trì hội nghị trực tuyến toàn quốc về tháo gỡ khó khăn, thúc đẩy phát triển nhà ở xã hội cho người thu nhập thấp và công nhân khu công nghiệp.',
  'Theo báo cáo của Bộ Xây dựng, cả nước đã hoàn thành 301 dự án nhà ở xã hội với quy mô khoảng 155.000 căn hộ; đang triển khai 398 dự án với quy mô khoảng 401.000 căn.',
  'Ngân hàng Nhà nước cho biết đã giao bốn ngân hàng thương mại nhà nước thực hiện gói tín dụng 120.000 tỷ đồng cho chủ đầu tư và người mua nhà ở xã hội, lãi suất thấp hơn thị trường.',
  'Thủ tướng yêu cầu các bộ, ngành, địa phương rà soát quỹ đất, cắt giảm thủ tục hành chính, rút ngắn thời gian phê duyệt dự án và công khai danh sách dự án đủ điều kiện vay vốn.',
  'Phát biểu kết luận, Thủ tướng nhấn mạnh phát triển nhà ở xã hội là chủ trương lớn, thể hiện bản chất tốt đẹp của chế độ, với tinh thần không để ai bị bỏ lại phía sau.',
].join('\n\n');

describe('simhash', () => {
  it('gives the same story published by two sites, one with its own lead line and an edited word, nearly the same fingerprint', () => {
    const syndicated = `(Chinhphu.vn) - Bài viết được đăng lại.\n\n${RELEASE.replace('rút ngắn', 'giảm')}`;
    const a = simhash(RELEASE)!;
    const b = simhash(syndicated)!;
    expect(hammingDistance(a, b)).toBeLessThanOrEqual(NEAR_DUPLICATE_BITS);
  });
  it('tells different stories apart', () => {
    const other = 'Tổng cục Thống kê công bố chỉ số giá tiêu dùng tháng 6 tăng 0,27% so với tháng trước, bình quân sáu tháng đầu năm tăng 3,29% so với cùng kỳ năm trước, lạm phát cơ bản tăng 4,54%, xuất khẩu giảm 12,1% trong khi vốn đầu tư trực tiếp nước ngoài thực hiện đạt 10,02 tỷ USD.';
    expect(hammingDistance(simhash(RELEASE)!, simhash(other)!)).toBeGreaterThan(10);
  });
  it('ignores case, diacritics and spacing', () => {
    expect(simhash(RELEASE)).toBe(simhash(RELEASE.toUpperCase().replace(/ /g, '  ')));
  });
  it('has no fingerprint for a text of fewer than two words', () => {
    expect(simhash('Hà')).toBeNull();
    expect(simhash(RELEASE)).toMatch(/^[0-9a-f]{16}$/);
  });
  it('cuts a fingerprint into four bands, one of which two near fingerprints share', () => {
    expect(bands('0123456789abcdef')).toEqual([0x0123, 0x4567, 0x89ab, 0xcdef]);
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
    expect(hammingDistance('0000000000000001', '8000000000000000')).toBe(2);
  });
});
