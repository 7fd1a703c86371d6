import { describe, expect, it } from 'vitest';
import { extractLegalRefs, issuerFromCode, normalizeDocNumber } from '../../src/facts/legal-refs.js';

const one = (text: string) => {
  const refs = extractLegalRefs(text);
  expect(refs).toHaveLength(1);
  return refs[0]!;
};

describe('extractLegalRefs', () => {
  it('reads a full first mention: type, number, date, issuer, subject', () => {
    const text = 'Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng.';
    const r = one(text);
    expect(r).toMatchObject({ type: 'Nghị định', number: '42/2022/NĐ-CP', issuedOn: '2022-06-24', issuer: 'Chính phủ' });
    expect(r.subject).toMatch(/^quy định về việc cung cấp thông tin/);
    expect(text.slice(r.span[0], r.span[1])).toBe('Nghị định số 42/2022/NĐ-CP');
  });

  it('links a later short mention to the full reference', () => {
    const refs = extractLegalRefs('Chính phủ ban hành Nghị định số 13/2023/NĐ-CP. Theo Nghị định 13, dữ liệu cá nhân được bảo vệ.');
    expect(refs).toHaveLength(1);
    expect(refs[0]!.mentions).toHaveLength(2);
  });

  it('reads every form of number', () => {
    const text = 'Căn cứ Quyết định 06/QĐ-TTg, Chỉ thị 22/CT-TTg, Luật số 20/2023/QH15, Nghị quyết 57-NQ/TW, Thông tư 22/2024/TT-BKHĐT, Thông tư liên tịch 55/2005/TTLT-BNV-VPCP, công văn 1234/VPCP-KSTT và Nghị quyết số 30a/2008/NQ- CP.';
    expect(extractLegalRefs(text).map((r) => [r.type, r.number])).toEqual([
      ['Quyết định', '06/QĐ-TTg'], ['Chỉ thị', '22/CT-TTg'], ['Luật', '20/2023/QH15'], ['Nghị quyết', '57-NQ/TW'],
      ['Thông tư', '22/2024/TT-BKHĐT'], ['Thông tư liên tịch', '55/2005/TTLT-BNV-VPCP'], ['Công văn', '1234/VPCP-KSTT'], ['Nghị quyết', '30a/2008/NQ-CP'],
    ]);
  });

  it('links "Đề án 06" to the decision that approved it when the article cites it', () => {
    const refs = extractLegalRefs('Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư. Triển khai Đề án 06 đạt nhiều kết quả.');
    expect(refs.map((r) => [r.number, r.mentions.length])).toEqual([['06/QĐ-TTg', 2]]);
  });

  it('keeps numbers named after their type, such as "Đề án 06" and "Quyết định 610"', () => {
    expect(extractLegalRefs('triển khai Đề án 06 trên toàn quốc').map((r) => [r.type, r.number])).toEqual([['Đề án', '06']]);
    expect(one('theo Quyết định số 610 ngày 13/7/2022 của Bộ Xây dựng')).toMatchObject({ type: 'Quyết định', number: '610', issuedOn: '2022-07-13', issuer: 'Bộ Xây dựng' });
  });

  it('does not read dates, fractions or plain numbers as documents', () => {
    expect(extractLegalRefs('Ngày 24/6/2022, trong tháng 6/2022, đạt 3/4 kế hoạch, 15/3 và 30.000 doanh nghiệp; Kế hoạch 2022.')).toEqual([]);
  });

  it('reads the date and issuer written before the document, with the year inferred', () => {
    expect(one('Ngày 15/9/2023, Chính phủ ban hành Nghị quyết 144/NQ-CP về nhiệm vụ trọng tâm.')).toMatchObject({ issuedOn: '2023-09-15', issuer: 'Chính phủ' });
    expect(extractLegalRefs('Sáng 12/3, Thủ tướng Chính phủ đã ký Quyết định số 12/2024/QĐ-TTg.', { publishedOn: '2024-03-20' })[0])
      .toMatchObject({ issuedOn: '2024-03-12', issuer: 'Thủ tướng Chính phủ' });
    expect(extractLegalRefs('Văn phòng Chính phủ có Thông báo 215 ngày 5/6 truyền đạt ý kiến.', { publishedOn: '2023-06-10' })[0])
      .toMatchObject({ type: 'Thông báo', number: '215', issuedOn: '2023-06-05', issuer: 'Văn phòng Chính phủ' });
  });

  it('reads joint issuers, issuers after a meeting name, and skips "năm YYYY"', () => {
    expect(one('theo Thông tư liên tịch số 13/2016/TTLT-BYT-BTC ngày 02/6/2016 của Bộ Y tế và Bộ Tài chính').issuer).toBe('Bộ Y tế và Bộ Tài chính');
    expect(one('Nghị quyết số 18-NQ/TW ngày 25/10/2017 Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII').issuer).toBe('Ban Chấp hành Trung ương Đảng khóa XII');
    expect(one('Theo Quyết định 1454 năm 2021 của Thủ tướng Chính phủ').issuer).toBe('Thủ tướng Chính phủ');
    expect(one('văn bản số 1027/TTg-ĐMDN ngày 3/8/2022').type).toBe('Công văn');
  });

  it('takes the issuer from the code when the text does not name it', () => {
    expect(issuerFromCode('NĐ-CP')).toBe('Chính phủ');
    expect(issuerFromCode('QH14')).toBe('Quốc hội khóa XIV');
    expect(issuerFromCode('TTLT-BYT-BTC')).toBe('Bộ Y tế và Bộ Tài chính');
    expect(normalizeDocNumber('44 /2005/QĐ- UBND')).toBe('44/2005/QĐ-UBND');
    expect(normalizeDocNumber('22/2024/TT-BKHDT')).toBe('22/2024/TT-BKHĐT');
  });
});
