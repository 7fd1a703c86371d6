/**
 * Vocabulary of numeric claims: qualifiers before a number, change and comparison words, units after it.
 */
import type { Approx } from '../../types.js';

export interface Qualifier {
  phrase: string;
  approx: Approx;
  example: string;
}

/** Qualifiers written before a number, longest first when matched. */
export const QUALIFIERS: readonly Qualifier[] = [
  { phrase: 'khoảng hơn', approx: 'over', example: 'khoảng hơn 200 người' },
  { phrase: 'không dưới', approx: 'at_least', example: 'không dưới 5%' },
  { phrase: 'không quá', approx: 'at_most', example: 'không quá 3 tháng' },
  { phrase: 'không vượt quá', approx: 'at_most', example: 'không vượt quá 10%' },
  { phrase: 'chưa đến', approx: 'under', example: 'chưa đến 1%' },
  { phrase: 'chưa tới', approx: 'under', example: 'chưa tới 100 người' },
  { phrase: 'không tới', approx: 'under', example: 'không tới 10 doanh nghiệp' },
  { phrase: 'ít nhất', approx: 'at_least', example: 'ít nhất 7%' },
  { phrase: 'tối thiểu', approx: 'at_least', example: 'tối thiểu 30%' },
  { phrase: 'tối đa', approx: 'at_most', example: 'tối đa 2 năm' },
  { phrase: 'xấp xỉ', approx: 'about', example: 'xấp xỉ 1,2 triệu tỷ đồng' },
  { phrase: 'ước tính', approx: 'about', example: 'ước tính 7.800 tỷ đồng' },
  { phrase: 'ước đạt', approx: 'about', example: 'ước đạt 6,42%' },
  { phrase: 'ước', approx: 'about', example: 'ước 50 triệu USD' },
  { phrase: 'khoảng', approx: 'about', example: 'khoảng 7.800 tỷ đồng' },
  { phrase: 'chừng', approx: 'about', example: 'chừng 20 người' },
  { phrase: 'tầm', approx: 'about', example: 'tầm 3 tháng' },
  { phrase: 'gần', approx: 'nearly', example: 'gần 200 triệu lượt tải' },
  { phrase: 'suýt', approx: 'nearly', example: 'suýt 10%' },
  { phrase: 'hơn', approx: 'over', example: 'hơn 30.000 doanh nghiệp' },
  { phrase: 'trên', approx: 'over', example: 'trên 90%' },
  { phrase: 'vượt', approx: 'over', example: 'vượt 5%' },
  { phrase: 'dưới', approx: 'under', example: 'dưới 4%' },
];

/** Words before a number that make it a change, with its direction. */
export const CHANGE_WORDS: readonly { phrase: string; change: 'up' | 'down' }[] = [
  { phrase: 'tăng', change: 'up' }, { phrase: 'tăng thêm', change: 'up' }, { phrase: 'tăng trưởng', change: 'up' },
  { phrase: 'giảm', change: 'down' }, { phrase: 'giảm đi', change: 'down' }, { phrase: 'sụt giảm', change: 'down' },
  { phrase: 'hạ', change: 'down' },
];

/** Words right before a number that join it to the metric on its left ("tỷ lệ … đạt 100%"). */
export const LINK_VERBS: readonly string[] = [
  'đạt', 'là', 'ở mức', 'chiếm', 'bằng', 'lên tới', 'lên đến', 'lên', 'xuống', 'còn', 'tăng', 'giảm', 'tăng thêm',
  'đạt mức', 'tăng trưởng', 'khoảng', 'với', 'ước đạt', 'vào khoảng', 'lên mức', 'xuống mức', 'giữ ở mức', 'tương đương',
  'gấp', 'trị giá', 'tổng cộng', 'tổng', 'có', 'thu', 'thu về', 'chi', 'mất', 'đạt gần', 'đạt hơn', 'đạt trên',
];

export interface UnitWord {
  written: string;
  unit: string;
  example: string;
}

/** Units written right after the number (and its multiplier), mapped to the unit stored. */
export const UNIT_WORDS: readonly UnitWord[] = [
  { written: 'điểm phần trăm', unit: 'điểm phần trăm', example: 'giảm 2 điểm phần trăm' },
  { written: 'phần trăm', unit: '%', example: '5 phần trăm' },
  { written: '%', unit: '%', example: '7,72%' },
  { written: 'đồng/lượng', unit: 'đồng/lượng', example: '66,9 triệu đồng/lượng' },
  { written: 'đồng/USD', unit: 'đồng/USD', example: '23.750 đồng/USD' },
  { written: 'USD/ounce', unit: 'USD/ounce', example: '1.800 USD/ounce' },
  { written: 'USD/thùng', unit: 'USD/thùng', example: '80 USD/thùng' },
  { written: 'đồng/lít', unit: 'đồng/lít', example: '22.000 đồng/lít' },
  { written: 'đồng/kWh', unit: 'đồng/kWh', example: '2.000 đồng/kWh' },
  { written: 'đồng', unit: 'đồng', example: '150.000 tỷ đồng' },
  { written: 'VNĐ', unit: 'đồng', example: '5 tỷ VNĐ' },
  { written: 'VND', unit: 'đồng', example: '5 tỷ VND' },
  { written: 'USD', unit: 'USD', example: '4 tỷ USD' },
  { written: 'đô la Mỹ', unit: 'USD', example: '100 triệu đô la Mỹ' },
  { written: 'đô la', unit: 'USD', example: '100 đô la' },
  { written: 'EUR', unit: 'EUR', example: '1 triệu EUR' },
  { written: 'Euro', unit: 'EUR', example: '1 triệu Euro' },
  { written: 'km/h', unit: 'km/h', example: '120 km/h' },
  { written: 'km', unit: 'km', example: '40,2 km' },
  { written: 'ki-lô-mét', unit: 'km', example: '10 ki-lô-mét' },
  { written: 'm2', unit: 'm2', example: '500 m2' },
  { written: 'm²', unit: 'm2', example: '500 m²' },
  { written: 'm3', unit: 'm3', example: '3 triệu m3' },
  { written: 'm³', unit: 'm3', example: '3 triệu m³' },
  { written: 'mét', unit: 'm', example: '20 mét' },
  { written: 'm', unit: 'm', example: '200 m' },
  { written: 'ha', unit: 'ha', example: '1.200 ha' },
  { written: 'héc-ta', unit: 'ha', example: '1.200 héc-ta' },
  { written: 'hecta', unit: 'ha', example: '1.200 hecta' },
  { written: 'tấn', unit: 'tấn', example: '7 triệu tấn' },
  { written: 'kg', unit: 'kg', example: '30 kg' },
  { written: 'lít', unit: 'lít', example: '2 triệu lít' },
  { written: 'MW', unit: 'MW', example: '600 MW' },
  { written: 'GW', unit: 'GW', example: '6 GW' },
  { written: 'kWh', unit: 'kWh', example: '2 tỷ kWh' },
  { written: 'TEU', unit: 'TEU', example: '2 triệu TEU' },
  { written: 'làn xe', unit: 'làn xe', example: '4 làn xe' },
  { written: 'lần', unit: 'lần', example: 'gấp 2,5 lần' },
];

/** Two-word counted nouns, kept whole as the unit ("doanh nghiệp", not "doanh"). */
export const COUNT_NOUNS: readonly string[] = [
  'doanh nghiệp', 'nhiệm vụ', 'dự án', 'hồ sơ', 'thủ tục', 'văn bản', 'lao động', 'hộ dân', 'hộ nghèo', 'công trình',
  'địa phương', 'trường hợp', 'sản phẩm', 'lượt tải', 'lượt truy cập', 'lượt người', 'lượt khách', 'đơn vị', 'cơ sở',
  'học sinh', 'sinh viên', 'bệnh nhân', 'ca mắc', 'người dân', 'cán bộ', 'công chức', 'viên chức', 'tài khoản',
  'giao dịch', 'dịch vụ công', 'thuê bao', 'phòng học', 'hợp tác xã', 'tổ chức', 'bộ, ngành', 'tỉnh, thành phố',
  'tỉnh, thành', 'bộ ngành', 'tỉnh thành', 'điểm cầu', 'ngày công', 'gói thầu', 'giờ', 'phút', 'ứng dụng', 'nền tảng', 'chương trình', 'đề án', 'căn hộ',
  'ngôi nhà', 'xã', 'huyện', 'tỉnh', 'đại biểu', 'quốc gia', 'nước', 'người', 'hộ', 'tuổi', 'chiếc', 'con', 'cây', 'trường', 'bệnh viện', 'hạng', 'vị trí', 'bậc', 'điểm', 'trụ cột', 'đột phá',
];

/** Words that never start a counted noun: they end the number's phrase. */
export const NOT_UNIT_WORDS: ReadonlySet<string> = new Set([
  'và', 'với', 'so', 'của', 'trong', 'tại', 'theo', 'đến', 'tới', 'từ', 'là', 'được', 'đã', 'sẽ', 'để', 'cho',
  'trên', 'dưới', 'hơn', 'khi', 'thì', 'mà', 'nhưng', 'này', 'đó', 'các', 'những', 'về', 'vào', 'ra', 'lên', 'xuống',
  'bằng', 'như', 'nên', 'do', 'vì', 'hay', 'hoặc', 'kể', 'nêu', 'cũng', 'đều', 'đã', 'đang', 'sẽ', 'cần', 'chưa', 'phải', 'vẫn', 'trở', 'còn', 'cùng', 'có', 'nay', 'qua', 'tăng', 'giảm',
]);

/** Units of time: a number of days, months or years is a duration or a date part, not a claim about the world. */
export const TIME_UNITS: ReadonlySet<string> = new Set(['ngày', 'tháng', 'năm', 'tuần', 'quý', 'buổi', 'kỳ', 'lần thứ', 'thế kỷ']);

/**
 * Verbs of saying and reporting: the person or body before one of them is the source of the figures in the
 * sentence ("Bộ trưởng Nguyễn Chí Dũng cho biết, …", "Tổng cục Thống kê công bố …").
 */
export const REPORTING_VERBS: readonly string[] = [
  'cho biết', 'nhấn mạnh', 'khẳng định', 'nêu rõ', 'thông tin', 'báo cáo', 'phát biểu', 'chia sẻ', 'nói',
  'cho rằng', 'đánh giá', 'công bố', 'thông báo', 'dẫn chứng', 'nhận định', 'lưu ý', 'cho hay',
];
