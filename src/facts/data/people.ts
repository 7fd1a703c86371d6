/**
 * Vocabulary for recognizing officials: family names, titles (posts), ranks, academic prefixes and
 * honorifics. Each group is a plain list so that a new title is one line.
 */

/** Common Vietnamese family names; a personal name usually starts with one. */
export const FAMILY_NAMES: readonly string[] = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương',
  'Lý', 'Đào', 'Đoàn', 'Vương', 'Trịnh', 'Đinh', 'Lâm', 'Phùng', 'Mai', 'Tô', 'Trương', 'Tạ', 'Hà', 'Lương', 'Lưu',
  'Cao', 'Châu', 'Chu', 'Thái', 'Tống', 'Quách', 'Triệu', 'Kiều', 'Văn', 'Hứa', 'Lại', 'La', 'Lã', 'Âu', 'Khổng',
  'Bạch', 'Diệp', 'Giang', 'Thân', 'Tăng', 'Từ', 'Doãn', 'Nghiêm', 'Mạc', 'Khúc', 'Ninh', 'Quan', 'Phương', 'Thạch',
  'Y', 'Hầu', 'Ông', 'Đàm', 'Đồng', 'Lò', 'Sầm', 'Lục', 'Cù', 'Tôn', 'Đới', 'Kim', 'Lữ', 'Giáp', 'Viên',
];

/**
 * Titles of posts, longest first when matched. A title may be followed by an organization
 * ("Bộ trưởng Bộ Công an"); some carry their organization inside ("Chủ tịch nước", "Thủ tướng Chính phủ").
 */
export const TITLES: readonly string[] = [
  // Party and State
  'Tổng Bí thư', 'Chủ tịch nước', 'Phó Chủ tịch nước', 'Thường trực Ban Bí thư', 'Ủy viên Bộ Chính trị', 'Uỷ viên Bộ Chính trị',
  'Ủy viên Trung ương Đảng', 'Uỷ viên Trung ương Đảng', 'Bí thư Trung ương Đảng', 'Ủy viên Ban Chấp hành Trung ương Đảng',
  'Bí thư Tỉnh ủy', 'Bí thư Thành ủy', 'Phó Bí thư Tỉnh ủy', 'Phó Bí thư Thành ủy', 'Phó Bí thư Thường trực', 'Bí thư', 'Phó Bí thư',
  'Chánh Văn phòng Trung ương Đảng', 'Phó Chánh Văn phòng Trung ương Đảng',
  // National Assembly
  'Chủ tịch Quốc hội', 'Phó Chủ tịch Quốc hội', 'Tổng Thư ký Quốc hội', 'Chủ nhiệm Văn phòng Quốc hội',
  'Trưởng Đoàn đại biểu Quốc hội', 'Phó Trưởng Đoàn đại biểu Quốc hội', 'Đại biểu Quốc hội', 'đại biểu Quốc hội',
  // Government
  'Thủ tướng Chính phủ', 'Thủ tướng', 'Phó Thủ tướng Thường trực Chính phủ', 'Phó Thủ tướng Thường trực',
  'Phó Thủ tướng Chính phủ', 'Phó Thủ tướng', 'Bộ trưởng', 'Thứ trưởng Thường trực', 'Thứ trưởng', 'Quyền Bộ trưởng',
  'Chủ nhiệm', 'Phó Chủ nhiệm', 'Tổng Thanh tra Chính phủ', 'Phó Tổng Thanh tra Chính phủ', 'Thống đốc', 'Phó Thống đốc',
  'Tổng Kiểm toán Nhà nước', 'Phó Tổng Kiểm toán Nhà nước', 'Người phát ngôn', 'Tổng cục trưởng', 'Phó Tổng cục trưởng',
  'Cục trưởng', 'Phó Cục trưởng', 'Vụ trưởng', 'Phó Vụ trưởng', 'Chánh Văn phòng', 'Phó Chánh Văn phòng', 'Chánh Thanh tra',
  'Trưởng ban', 'Phó Trưởng ban', 'Trưởng', 'Phó Trưởng', 'Tổng Giám đốc', 'Phó Tổng Giám đốc', 'Tổng giám đốc',
  'Phó Tổng giám đốc', 'Giám đốc', 'Phó Giám đốc', 'Viện trưởng', 'Phó Viện trưởng', 'Chánh án', 'Phó Chánh án',
  'Chủ tịch UBND', 'Phó Chủ tịch UBND', 'Chủ tịch HĐND', 'Phó Chủ tịch HĐND', 'Chủ tịch Ủy ban nhân dân',
  'Phó Chủ tịch Ủy ban nhân dân', 'Phó Chủ tịch Thường trực', 'Chủ tịch', 'Phó Chủ tịch', 'Tổng Thư ký', 'Tổng thư ký',
  'Trưởng đoàn', 'Tổ trưởng Tổ công tác', 'Tổ trưởng', 'Trưởng phòng', 'Phó Trưởng phòng', 'Đại sứ', 'Tổng Lãnh sự',
  'Tư lệnh', 'Phó Tư lệnh', 'Chính ủy', 'Tổng Tham mưu trưởng', 'Chủ nhiệm Tổng cục Chính trị',
  // Foreign
  'Tổng thống', 'Phó Tổng thống', 'Ngoại trưởng', 'Quốc vương', 'Nhà vua', 'Thủ hiến',
];

/** Military and police ranks. */
export const RANKS: readonly string[] = [
  'Đại tướng', 'Thượng tướng', 'Trung tướng', 'Thiếu tướng', 'Đô đốc', 'Phó Đô đốc', 'Chuẩn Đô đốc',
  'Đại tá', 'Thượng tá', 'Trung tá', 'Thiếu tá', 'Đại úy', 'Thượng úy', 'Trung úy', 'Thiếu úy',
];

/** Academic and professional prefixes before a name; they are not titles. */
export const ACADEMIC: readonly string[] = [
  'GS.TSKH', 'GS.TS', 'PGS.TS', 'PGS.TSKH', 'GS', 'PGS', 'TSKH', 'TS', 'ThS', 'Th.S', 'BS', 'KS', 'NSND', 'NSƯT', 'Luật sư', 'LS',
  'Giáo sư', 'Phó Giáo sư', 'Tiến sĩ', 'Thạc sĩ',
];

/** Honorifics before a name or a short name ("ông Chính", "đồng chí Tô Lâm"). */
export const HONORIFICS: readonly string[] = ['đồng chí', 'Đồng chí', 'ông', 'Ông', 'bà', 'Bà', 'ngài', 'Ngài'];

/** Words before a title that qualify it: "cựu Thứ trưởng", "nguyên Bộ trưởng", "tân Bộ trưởng". */
export const TITLE_MODIFIERS: readonly string[] = ['cựu', 'nguyên', 'tân', 'Quyền', 'quyền'];
