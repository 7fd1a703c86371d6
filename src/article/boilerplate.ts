/**
 * What is never article body, on any site: scripts, navigation, share bars, related-article boxes,
 * comments, ads, newsletter boxes, captions. Selectors and text patterns as data.
 */

/** Elements removed before the body is read. */
export const BOILERPLATE_SELECTORS: readonly string[] = [
  'script', 'style', 'noscript', 'iframe', 'form', 'button', 'input', 'select', 'textarea', 'svg', 'canvas', 'video', 'audio',
  'nav', 'aside', 'footer', 'header', 'figure', 'figcaption', 'template',
  '[class*="share"]', '[class*="social"]', '[class*="comment"]', '[class*="related"]', '[class*="relate"]', '[class*="lienquan"]',
  '[class*="breadcrumb"]', '[class*="banner"]', '[class*="advert"]', '[class*="ads-"]', '[id*="ads"]', '[class*="newsletter"]',
  '[class*="print"]', '[class*="tool"]', '[class*="tag"]', '[class*="caption"]', '[class*="image_desc"]', '[class*="img-desc"]',
  '[class*="author"]', '[class*="byline"]', '[class*="sapo"]', '[type="RelatedNewsBox"]', 'table.image', 'table.image-caption',
  '[class*="box-stream"]', '[class*="sidebar"]', '[class*="menu"]', '[class*="date"]', '[class*="time"]', '[class*="path"]',
];

/** Paragraph texts that are chrome wherever they appear. */
export const BOILERPLATE_TEXT: readonly RegExp[] = [
  /^(?:Tin liên quan|Tin cùng chuyên mục|Tin khác|Bài liên quan|Xem thêm|Đọc thêm|Các tin khác|Tin mới nhất)\s*:?$/iu,
  /^(?:Chia sẻ|Share|In bài viết|Gửi email|In trang|Bình luận|Theo dõi .* trên)\b/iu,
  /^Ảnh(?:\s+minh\s+họa|\s+minh\s+hoạ)?\s*:/iu,
  /^\(?Ảnh(?:\s+minh\s+họa|\s+minh\s+hoạ)?\)?\s*$/iu,
  /^(?:Video|Clip|Đồ họa|Đồ hoạ|Infographic)\s*:/iu,
  /^\|?\s*$/u,
  /^Từ khóa\s*:/iu,
  /^Tags?\s*:/iu,
];

/** A caption line: it ends with a photo credit ("… - Ảnh: VGP/Nhật Bắc", "… Ảnh: MPI"). */
export const CAPTION_CREDIT_RE = /(?:^|[\s.\-–(|])Ảnh(?:\s+minh\s+họa|\s+minh\s+hoạ|\s+chụp)?\s*:\s*[^.]{1,60}\)?\s*\|?\s*$/iu;

/**
 * A source credit instead of (or besides) a personal author: "Theo TTXVN", "Nguồn: VGP", a staff byline
 * ("PV", "BTV", "Nhóm PV") or an organization ("Cổng TTĐT Bộ KH&ĐT", "Báo Chính phủ").
 */
export const CREDIT_RE = /^(?:(?:Theo|Nguồn\s*:)\s+.{2,60}|(?:Nhóm\s+)?(?:PV|P\.V|BTV|CTV|Phóng viên)|(?:Cổng\s+(?:TTĐT|thông tin)|Báo|Tạp chí|Đài|Ban Biên tập)\s.{2,60})$/u;

/**
 * A byline at the end of the body: names separated by commas, "và" or dashes, few words, each capitalized
 * ("Bảo Linh", "Kiều Nga, Duy Linh, Tuấn Kiệt", "PV"). Used only on the last paragraphs.
 */
export const BYLINE_RE = /^(?:(?:\p{Lu}[\p{Ll}\p{M}]*\.?\s*){1,4}|\p{Lu}{2,5})(?:\s*(?:,|-|–|và)\s*(?:(?:\p{Lu}[\p{Ll}\p{M}]*\.?\s*){1,4}|\p{Lu}{2,5}))*$/u;
