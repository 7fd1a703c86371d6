/**
 * Legal-document vocabulary (Nghị định 30/2020/NĐ-CP, appendix III; Luật 80/2015/QH13): type codes, the
 * type names written before a number, and issuer codes. Each entry has an example.
 */

export interface DocType {
  code: string;
  name: string;
  example: string;
}

export const DOC_TYPES: readonly DocType[] = [
  { code: 'NĐ', name: 'Nghị định', example: '42/2022/NĐ-CP' },
  { code: 'NQ', name: 'Nghị quyết', example: '01/NQ-CP' },
  { code: 'QĐ', name: 'Quyết định', example: '06/QĐ-TTg' },
  { code: 'CT', name: 'Chỉ thị', example: '22/CT-TTg' },
  { code: 'TT', name: 'Thông tư', example: '22/2024/TT-BKHĐT' },
  { code: 'TTLT', name: 'Thông tư liên tịch', example: '37/2015/TTLT-BYT-BTC' },
  { code: 'CĐ', name: 'Công điện', example: '2144/CĐ-TTg' },
  { code: 'QC', name: 'Quy chế', example: '01/QC-BNV' },
  { code: 'QyĐ', name: 'Quy định', example: '08-QyĐ/TW' },
  { code: 'TC', name: 'Thông cáo', example: '01/TC-VPCP' },
  { code: 'TB', name: 'Thông báo', example: '311/TB-VPCP' },
  { code: 'HD', name: 'Hướng dẫn', example: '36-HD/VPTW' },
  { code: 'CTr', name: 'Chương trình', example: '06-CTr/TU' },
  { code: 'KH', name: 'Kế hoạch', example: '123/KH-UBND' },
  { code: 'PA', name: 'Phương án', example: '01/PA-UBND' },
  { code: 'ĐA', name: 'Đề án', example: '06/ĐA-BCA' },
  { code: 'DA', name: 'Dự án', example: '02/DA-BTC' },
  { code: 'BC', name: 'Báo cáo', example: '12/BC-CP' },
  { code: 'BB', name: 'Biên bản', example: '01/BB-HĐ' },
  { code: 'TTr', name: 'Tờ trình', example: '25/TTr-CP' },
  { code: 'HĐ', name: 'Hợp đồng', example: '15/HĐ-BQL' },
  { code: 'BGN', name: 'Bản ghi nhớ', example: '01/BGN-BKHĐT' },
  { code: 'GM', name: 'Giấy mời', example: '45/GM-VPCP' },
  { code: 'VBHN', name: 'Văn bản hợp nhất', example: '03/VBHN-VPQH' },
  { code: 'L', name: 'Luật', example: '20/2023/QH15' },
  { code: 'PL', name: 'Pháp lệnh', example: '02/2022/UBTVQH15' },
  { code: 'LCT', name: 'Lệnh', example: '05/2023/L-CTN' },
];

/**
 * Type names as written before a number, longest first when matched. "Văn bản" and "Công văn" cover
 * correspondence such as 1234/VPCP-KSTT, whose code has no type part.
 */
export const DOC_TYPE_NAMES: readonly string[] = [
  ...DOC_TYPES.map((t) => t.name), 'Công văn', 'Văn bản', 'Hiến pháp', 'Bộ luật', 'Kết luận', 'Quy định',
  'Thông báo kết luận', 'Sắc lệnh', 'Nghị quyết liên tịch', 'Luật sửa đổi',
];

/** Issuer codes after the type code: "NĐ-CP" is issued by Chính phủ. */
export const ISSUERS: Readonly<Record<string, string>> = {
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  VPCP: 'Văn phòng Chính phủ',
  NHNN: 'Ngân hàng Nhà nước',
  TW: 'Ban Chấp hành Trung ương Đảng',
  BCT: 'Bộ Công Thương',
  BQP: 'Bộ Quốc phòng',
  BCA: 'Bộ Công an',
  BNG: 'Bộ Ngoại giao',
  BNV: 'Bộ Nội vụ',
  BTP: 'Bộ Tư pháp',
  BKHĐT: 'Bộ Kế hoạch và Đầu tư',
  BTC: 'Bộ Tài chính',
  BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BNNMT: 'Bộ Nông nghiệp và Môi trường',
  BXD: 'Bộ Xây dựng',
  BTNMT: 'Bộ Tài nguyên và Môi trường',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BLĐTBXH: 'Bộ Lao động - Thương binh và Xã hội',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  BKHCN: 'Bộ Khoa học và Công nghệ',
  BGDĐT: 'Bộ Giáo dục và Đào tạo',
  BYT: 'Bộ Y tế',
  BGTVT: 'Bộ Giao thông vận tải',
  BDTTG: 'Bộ Dân tộc và Tôn giáo',
  UBDT: 'Ủy ban Dân tộc',
  TTCP: 'Thanh tra Chính phủ',
  KTNN: 'Kiểm toán Nhà nước',
  TANDTC: 'Tòa án nhân dân tối cao',
  VKSNDTC: 'Viện kiểm sát nhân dân tối cao',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  QH: 'Quốc hội',
  CTN: 'Chủ tịch nước',
  BCĐ: 'Ban Chỉ đạo',
  VPTW: 'Văn phòng Trung ương Đảng',
};

/** Spellings of issuer codes seen in databases and older text: D for Đ, "&" inside. */
export const ISSUER_ALIASES: Readonly<Record<string, string>> = {
  BKHDT: 'BKHĐT', 'BKH&ĐT': 'BKHĐT', BLDTBXH: 'BLĐTBXH', BGDDT: 'BGDĐT', 'BNN&PTNT': 'BNNPTNT', 'BTT&TT': 'BTTTT',
};

/** Words before a number that make it a document even without a type code: "Quyết định 610", "Văn bản số 7709". */
export const NUMBER_ONLY_TYPES: readonly string[] = [
  'Nghị định', 'Nghị quyết', 'Quyết định', 'Chỉ thị', 'Thông tư', 'Công điện', 'Thông báo', 'Văn bản', 'Công văn',
  'Kết luận', 'Đề án', 'Kế hoạch', 'Chương trình', 'Tờ trình', 'Báo cáo', 'Quy định', 'Hướng dẫn', 'Luật',
];
