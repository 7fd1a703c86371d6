/**
 * Kinds of meetings, as written in government news, with an example each; and the words that tell how a
 * meeting was held.
 */

export interface MeetingKind {
  /** Canonical kind, lowercase, as the contract writes it. */
  kind: string;
  /** Written forms (case-insensitive). */
  forms: readonly string[];
  example: string;
}

export const MEETING_KINDS: readonly MeetingKind[] = [
  { kind: 'phiên họp', forms: ['phiên họp'], example: 'Phiên họp thứ 12 của Ủy ban Thường vụ Quốc hội' },
  { kind: 'kỳ họp', forms: ['kỳ họp', 'kì họp'], example: 'Kỳ họp thứ 4, Quốc hội khóa XIV' },
  { kind: 'hội nghị', forms: ['hội nghị'], example: 'Hội nghị Sơ kết 1 năm triển khai Đề án 06' },
  { kind: 'cuộc họp', forms: ['cuộc họp'], example: 'cuộc họp với các bộ, ngành' },
  { kind: 'buổi làm việc', forms: ['buổi làm việc'], example: 'buổi làm việc với tỉnh Quảng Ninh' },
  { kind: 'hội thảo', forms: ['hội thảo'], example: 'Hội thảo khoa học quốc gia' },
  { kind: 'tọa đàm', forms: ['tọa đàm', 'toạ đàm'], example: 'Tọa đàm về kinh tế số' },
  { kind: 'diễn đàn', forms: ['diễn đàn'], example: 'Diễn đàn Kinh tế Việt Nam' },
  { kind: 'họp báo', forms: ['họp báo', 'cuộc họp báo', 'buổi họp báo'], example: 'cuộc họp báo công bố số liệu thống kê quý II' },
  { kind: 'đại hội', forms: ['đại hội'], example: 'Đại hội đại biểu toàn quốc lần thứ XIII' },
  { kind: 'lễ khởi công', forms: ['lễ khởi công'], example: 'Lễ khởi công cao tốc Bắc - Nam' },
  { kind: 'lễ khánh thành', forms: ['lễ khánh thành'], example: 'lễ khánh thành nhà máy' },
  { kind: 'lễ ký kết', forms: ['lễ ký kết', 'lễ ký'], example: 'Lễ ký kết biên bản ghi nhớ' },
  { kind: 'lễ công bố', forms: ['lễ công bố'], example: 'lễ công bố quyết định bổ nhiệm' },
  { kind: 'lễ trao', forms: ['lễ trao quyết định', 'lễ trao'], example: 'lễ trao quyết định' },
  { kind: 'lễ kỷ niệm', forms: ['lễ kỷ niệm', 'lễ kỉ niệm'], example: 'Lễ kỷ niệm 75 năm' },
  { kind: 'lễ phát động', forms: ['lễ phát động'], example: 'lễ phát động phong trào' },
  { kind: 'hội đàm', forms: ['hội đàm'], example: 'hội đàm với Thủ tướng Nhật Bản' },
  { kind: 'tiếp xúc cử tri', forms: ['tiếp xúc cử tri'], example: 'buổi tiếp xúc cử tri' },
  // The verb: a meeting only when a day is given for it (VERB_KINDS), "người lao động làm việc" is not one.
  { kind: 'làm việc', forms: ['làm việc với'], example: 'làm việc với UBND tỉnh Phú Thọ vào ngày 14/9' },
];

/**
 * Words that end with a kind's first syllable: "Quốc hội thảo luận" is "Quốc hội" + "thảo luận" (the
 * National Assembly discussed), not a "hội thảo". A kind form is not read after them.
 */
export const BOUND_BEFORE: Readonly<Record<string, readonly string[]>> = {
  'hội': ['quốc', 'xã', 'cơ', 'hiệp', 'giáo'],
};

/** Kinds written as a verb: they name a meeting only with a day of their own. */
export const VERB_KINDS: ReadonlySet<string> = new Set(['làm việc']);

/** Phrases that set the mode. Hybrid phrases are checked first: they contain the others. */
export const MODE_PHRASES: { mode: 'hybrid' | 'online' | 'in-person'; phrases: readonly string[] }[] = [
  { mode: 'hybrid', phrases: ['trực tiếp kết hợp trực tuyến', 'trực tiếp kết hợp với trực tuyến', 'trực tiếp và trực tuyến', 'trực tuyến kết hợp trực tiếp', 'kết hợp trực tuyến', 'hình thức kết hợp'] },
  { mode: 'online', phrases: ['trực tuyến', 'kết nối trực tuyến', 'họp trực tuyến', 'hình thức trực tuyến', 'truyền hình trực tuyến', 'điểm cầu'] },
  { mode: 'in-person', phrases: ['họp trực tiếp', 'hình thức trực tiếp'] },
];

/** Ordinal words after "thứ": "lần thứ năm", "Phiên họp thứ hai". */
export const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  'nhất': 1, 'hai': 2, 'ba': 3, 'tư': 4, 'năm': 5, 'sáu': 6, 'bảy': 7, 'tám': 8, 'chín': 9, 'mười': 10,
  'mười một': 11, 'mười hai': 12,
};
