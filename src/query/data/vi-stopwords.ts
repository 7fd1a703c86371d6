/**
 * Words that say nothing about what a period's articles are about, for `vnpress trend terms`. Terms are
 * two-syllable phrases (most Vietnamese words are two syllables): a phrase is dropped when either syllable is
 * in STOP_SYLLABLES, or when the phrase itself is in STOP_PHRASES. Written in NFC, lowercase, with
 * diacritics: "ban" (board) and "bản" (copy) are different syllables, and only the second is filler here.
 */

/** Function syllables, pronouns, numerals, time words and qualifiers: a phrase holding one is not a topic. */
export const STOP_SYLLABLES: readonly string[] = [
  // Grammar: possession, conjunctions, prepositions, copulas, aspect and modality.
  'của', 'và', 'các', 'những', 'được', 'trong', 'với', 'cho', 'này', 'theo', 'đã', 'sẽ', 'là', 'có', 'không',
  'để', 'đến', 'từ', 'tại', 'về', 'khi', 'thì', 'mà', 'nhưng', 'hoặc', 'hay', 'cũng', 'đều', 'vẫn', 'đang',
  'vừa', 'rất', 'như', 'nên', 'vì', 'do', 'bị', 'bởi', 'ra', 'vào', 'lên', 'xuống', 'trên', 'dưới', 'sau',
  'trước', 'lại', 'nữa', 'còn', 'chỉ', 'đó', 'đây', 'kia', 'ấy', 'nào', 'gì', 'cùng', 'nhau', 'thêm', 'mỗi',
  'mọi', 'tất', 'cả', 'việc', 'sự', 'cuộc', 'đối', 'qua', 'giữa', 'ngoài', 'tới', 'nếu', 'tuy', 'thế', 'vậy',
  'rằng', 'hết', 'luôn', 'ở', 'nhằm', 'bằng', 'thuộc', 'gồm', 'phải', 'cần', 'nhiều', 'ít',
  // "đạt" stands before nearly every figure ("đạt 7,09%").
  'đạt',
  // Pronouns and forms of address.
  'người', 'tôi', 'chúng', 'ta', 'họ', 'mình', 'anh', 'chị', 'ông', 'bà', 'em',
  // Numbers in words, counters and qualifiers ("hơn", "gần", "khoảng" stand before figures).
  'một', 'hai', 'ba', 'bốn', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ',
  'số', 'lần', 'thứ', 'hơn', 'gần', 'khoảng', 'nhất',
  // Time words: every period's articles are full of them.
  'năm', 'ngày', 'tháng', 'tuần', 'quý', 'giờ', 'sáng', 'chiều', 'tối', 'hôm', 'nay',
];

/** Two-syllable phrases of content words that every press release uses: reporting verbs, connectives. */
export const STOP_PHRASES: readonly string[] = [
  'tuy nhiên', 'đồng thời', 'thời gian', 'hiện nay', 'thực hiện', 'tiếp tục', 'bảo đảm', 'đảm bảo',
  'phát biểu', 'nhấn mạnh', 'kết quả', 'cùng kỳ', 'so sánh', 'tổng cộng', 'vấn đề', 'nội dung', 'tình hình',
  'đề nghị', 'yêu cầu', 'cho biết', 'thông tin', 'liên quan', 'quan trọng', 'đặc biệt', 'trực tiếp',
];
