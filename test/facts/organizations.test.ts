import { describe, expect, it } from 'vitest';
import { matchOrganizationAt, findOrganizations, expandAbbreviations, matchPlaceAt, matchProvinceAt } from '../../src/facts/organizations.js';

describe('organizations', () => {
  it('recognizes ministries and their abbreviations', () => {
    expect(matchOrganizationAt('Bộ KH&ĐT cho biết', 0)?.name).toBe('Bộ Kế hoạch và Đầu tư');
    expect(matchOrganizationAt('Bộ Thông tin và Truyền thông đã', 0)?.name).toBe('Bộ Thông tin và Truyền thông');
  });
  it('reads unknown bodies from their head word up to a stop word', () => {
    expect(matchOrganizationAt('Cục Quản lý đăng ký kinh doanh cho biết', 0)?.name).toBe('Cục Quản lý đăng ký kinh doanh');
    expect(matchOrganizationAt('Ủy ban Quốc gia về chuyển đổi số đã họp', 0)?.name).toBe('Ủy ban Quốc gia về chuyển đổi số');
    expect(matchOrganizationAt('UBND tỉnh Thanh Hóa đề nghị', 0)?.name).toBe('Ủy ban nhân dân tỉnh Thanh Hóa');
    expect(matchOrganizationAt('Ban Chấp hành Trung ương Đảng khóa XII đã', 0)?.name).toBe('Ban Chấp hành Trung ương Đảng khóa XII');
  });
  it('a bare head word names nothing', () => {
    expect(matchOrganizationAt('Bộ đã làm việc', 0)).toBeNull();
  });
  it('finds several in a sentence and expands abbreviations', () => {
    expect(findOrganizations('Bộ Tài chính và Ngân hàng Nhà nước phối hợp với UBND TP Hà Nội.').map((o) => o.name)).toEqual(['Bộ Tài chính', 'Ngân hàng Nhà nước', 'Ủy ban nhân dân thành phố Hà Nội']);
    expect(expandAbbreviations('Chủ nhiệm VPCP')).toBe('Chủ nhiệm Văn phòng Chính phủ');
  });
});

describe('matchPlaceAt and matchProvinceAt', () => {
  it('end a place where a person\'s name begins', () => {
    expect(matchPlaceAt(' tỉnh Quảng Ninh Cao Tường Huy', 0)).toEqual({ kind: 'tỉnh', name: 'Quảng Ninh', end: 16 });
    expect(matchPlaceAt(' huyện Đông Anh Nguyễn Xuân Linh', 0)).toMatchObject({ kind: 'huyện', name: 'Đông Anh' });
    expect(matchPlaceAt(' quận Lê Chân', 0)).toMatchObject({ name: 'Lê Chân' });
    expect(matchPlaceAt(' Hà Nội', 0)).toBeNull();
    expect(matchProvinceAt(' Hà Nội Đinh Tiến Dũng', 0)).toEqual({ kind: null, name: 'Hà Nội', end: 7 });
    expect(matchProvinceAt(' Đinh Tiến Dũng', 0)).toBeNull();
  });
});
