/**
 * A synthetic vnpress database, for query benchmarks at scale:
 *
 *   npm run gen:db -- --articles 200000 --claims 1000000 --out /tmp/big.db [--seed 1]
 *
 * Articles are made from templates and word lists (below, as data): ministries, officials with their titles
 * and real names, legal documents numbered as they are cited ("Nghị định số 42/2022/NĐ-CP"), metric phrasings
 * of the catalog (src/facts/data/metrics.ts) with their keys, periods ("6 tháng đầu năm 2022") and values with
 * qualifiers ("hơn", "gần"), spread over the sources of pipelines/index.ts and dates 2019–2025. Every fact has a
 * span into the article text and a quote that repeats it; the FTS tables hold the folded copies that
 * ArticleStore writes (foldKey of title and text, of metric and sentence). Metric keys come from metricKey,
 * person keys from canonicalKey, document keys from docKey and titles are split by splitTitle: the same
 * functions the extractor uses. Meetings are written for the events that are meetings, and a frontier row for
 * every article (done) and one listing in fifty (failed), as a crawl leaves them. Not written: pages, simhash
 * fingerprints (article_bands).
 *
 * Deterministic: one seeded PRNG, fixed generation order, no clock. Fast: the database is opened with openDb
 * (migrations apply), then loaded with journal_mode=OFF and synchronous=OFF, foreign keys off, in large
 * transactions with prepared statements; WAL, synchronous=NORMAL and foreign keys are restored at the end.
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openDb } from '../src/store/db.js';
import { PageStore } from '../src/store/pages.js';
import { canonicalKey, foldKey } from '../src/text/normalize.js';
import { RankIndex } from '../src/store/rank-index.js';
import { metricKey } from '../src/facts/metric-key.js';
import { METRICS } from '../src/facts/data/metrics.js';
import { docKey } from '../src/facts/legal-refs.js';
import { splitTitle } from '../src/facts/officials.js';
import { SOURCES } from '../pipelines/index.js';
import type { Approx } from '../src/types.js';

// ---------------------------------------------------------------------------------------------------------
// Word lists and templates (data)

/** Officials as the press names them: the title written before the name, and the name. */
const OFFICIALS: readonly (readonly [string, string])[] = [
  ['Thủ tướng Chính phủ', 'Phạm Minh Chính'],
  ['Thủ tướng', 'Phạm Minh Chính'],
  ['Phó Thủ tướng', 'Trần Hồng Hà'],
  ['Phó Thủ tướng', 'Lê Minh Khái'],
  ['Phó Thủ tướng', 'Trần Lưu Quang'],
  ['Phó Thủ tướng', 'Lê Thành Long'],
  ['Phó Thủ tướng', 'Hồ Đức Phớc'],
  ['Phó Thủ tướng', 'Bùi Thanh Sơn'],
  ['Phó Thủ tướng', 'Nguyễn Chí Dũng'],
  ['Phó Thủ tướng Thường trực', 'Phạm Bình Minh'],
  ['Phó Thủ tướng', 'Vũ Đức Đam'],
  ['Chủ tịch nước', 'Lương Cường'],
  ['Chủ tịch nước', 'Võ Văn Thưởng'],
  ['Chủ tịch Quốc hội', 'Trần Thanh Mẫn'],
  ['Chủ tịch Quốc hội', 'Vương Đình Huệ'],
  ['Tổng Bí thư', 'Tô Lâm'],
  ['Bộ trưởng Bộ Công an', 'Tô Lâm'],
  ['Bộ trưởng Bộ Công an', 'Lương Tam Quang'],
  ['Bộ trưởng Bộ Tài chính', 'Hồ Đức Phớc'],
  ['Bộ trưởng Bộ Tài chính', 'Nguyễn Văn Thắng'],
  ['Bộ trưởng Bộ Kế hoạch và Đầu tư', 'Nguyễn Chí Dũng'],
  ['Bộ trưởng Bộ Thông tin và Truyền thông', 'Nguyễn Mạnh Hùng'],
  ['Bộ trưởng Bộ Khoa học và Công nghệ', 'Huỳnh Thành Đạt'],
  ['Bộ trưởng Bộ Khoa học và Công nghệ', 'Nguyễn Mạnh Hùng'],
  ['Bộ trưởng Bộ Công Thương', 'Nguyễn Hồng Diên'],
  ['Bộ trưởng Bộ Ngoại giao', 'Bùi Thanh Sơn'],
  ['Bộ trưởng Bộ Quốc phòng', 'Phan Văn Giang'],
  ['Đại tướng', 'Phan Văn Giang'],
  ['Bộ trưởng Bộ Giáo dục và Đào tạo', 'Nguyễn Kim Sơn'],
  ['Bộ trưởng Bộ Lao động - Thương binh và Xã hội', 'Đào Ngọc Dung'],
  ['Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn', 'Lê Minh Hoan'],
  ['Bộ trưởng Bộ Nông nghiệp và Môi trường', 'Đỗ Đức Duy'],
  ['Bộ trưởng Bộ Giao thông vận tải', 'Nguyễn Văn Thắng'],
  ['Bộ trưởng Bộ Xây dựng', 'Nguyễn Thanh Nghị'],
  ['Bộ trưởng Bộ Xây dựng', 'Trần Hồng Minh'],
  ['Bộ trưởng Bộ Y tế', 'Đào Hồng Lan'],
  ['Bộ trưởng Bộ Tư pháp', 'Lê Thành Long'],
  ['Bộ trưởng Bộ Tư pháp', 'Nguyễn Hải Ninh'],
  ['Bộ trưởng Bộ Nội vụ', 'Phạm Thị Thanh Trà'],
  ['Bộ trưởng Bộ Tài nguyên và Môi trường', 'Đặng Quốc Khánh'],
  ['Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch', 'Nguyễn Văn Hùng'],
  ['Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ', 'Trần Văn Sơn'],
  ['Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ', 'Mai Tiến Dũng'],
  ['Thống đốc Ngân hàng Nhà nước Việt Nam', 'Nguyễn Thị Hồng'],
  ['Tổng Thanh tra Chính phủ', 'Đoàn Hồng Phong'],
];

const MINISTRIES = [
  'Bộ Tài chính', 'Bộ Kế hoạch và Đầu tư', 'Bộ Thông tin và Truyền thông', 'Bộ Khoa học và Công nghệ', 'Bộ Công Thương',
  'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Giao thông vận tải', 'Bộ Xây dựng', 'Bộ Y tế', 'Bộ Tư pháp', 'Bộ Nội vụ',
  'Bộ Tài nguyên và Môi trường', 'Bộ Giáo dục và Đào tạo', 'Bộ Lao động - Thương binh và Xã hội', 'Bộ Công an', 'Bộ Ngoại giao',
  'Bộ Văn hóa, Thể thao và Du lịch', 'Ngân hàng Nhà nước Việt Nam', 'Văn phòng Chính phủ', 'Thanh tra Chính phủ',
];
/** Statistics offices a figure is attributed to. */
const STAT_SOURCES = ['Tổng cục Thống kê', 'Cục Thống kê', 'Tổng cục Hải quan', 'Bộ Tài chính', 'Bộ Kế hoạch và Đầu tư', 'Ngân hàng Nhà nước', 'Bộ Công Thương'];
const PROVINCES = [
  'Hà Nội', 'Thành phố Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Quảng Ninh', 'Bắc Ninh', 'Nghệ An', 'Thanh Hóa', 'Hà Tĩnh',
  'Thừa Thiên Huế', 'Quảng Nam', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Gia Lai', 'Bình Dương', 'Đồng Nai', 'Bà Rịa - Vũng Tàu', 'Long An',
  'Tiền Giang', 'An Giang', 'Kiên Giang', 'Cà Mau', 'Lào Cai', 'Yên Bái', 'Hà Giang', 'Điện Biên', 'Sơn La', 'Thái Nguyên', 'Bắc Giang',
  'Vĩnh Phúc', 'Hưng Yên', 'Hải Dương', 'Nam Định', 'Ninh Bình', 'Quảng Bình', 'Quảng Trị', 'Quảng Ngãi', 'Bình Định', 'Phú Yên',
];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trịnh', 'Đoàn', 'Lương'];
const MIDDLES = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Hồng', 'Ngọc', 'Xuân', 'Thành', 'Anh', 'Công', 'Duy', 'Kim'];
const GIVENS = ['Hùng', 'Dũng', 'Sơn', 'Lan', 'Hương', 'Tuấn', 'Hải', 'Long', 'Nam', 'Phong', 'Thắng', 'Hà', 'Trung', 'Bình', 'Khánh',
  'Quang', 'Thủy', 'Hòa', 'Tâm', 'Đạt', 'Vinh', 'Cường', 'Hiếu', 'Huy', 'Linh', 'Mai', 'Nga', 'Phúc', 'Tiến', 'Việt'];
const DEPUTY_POSTS = ['Thứ trưởng', 'Vụ trưởng Vụ Pháp chế', 'Cục trưởng Cục Quản lý thị trường', 'Tổng cục trưởng', 'Chánh Văn phòng'];
const AUTHORS = ['Minh Anh', 'Thu Hằng', 'Nhật Bắc', 'Hải Minh', 'Phương Nhi', 'Quang Thương', 'Thanh Quang', 'Đức Tuân', 'Hoàng Giang', 'Thùy Linh'];

const TOPICS = [
  'chuyển đổi số quốc gia', 'hóa đơn điện tử', 'cải cách thủ tục hành chính', 'dịch vụ công trực tuyến', 'phòng, chống thiên tai',
  'giải ngân vốn đầu tư công', 'phát triển nhà ở xã hội', 'phát triển kinh tế số', 'xuất khẩu nông sản', 'phát triển năng lượng tái tạo',
  'bảo vệ dữ liệu cá nhân', 'thu hút đầu tư nước ngoài', 'bảo đảm an ninh mạng', 'giáo dục nghề nghiệp', 'bảo hiểm xã hội',
  'phát triển hạ tầng giao thông', 'đường cao tốc Bắc - Nam', 'khoa học, công nghệ và đổi mới sáng tạo', 'chuyển đổi xanh',
  'phòng, chống tham nhũng, tiêu cực', 'sắp xếp tổ chức bộ máy', 'phát triển doanh nghiệp nhỏ và vừa', 'kiểm soát lạm phát',
  'ổn định kinh tế vĩ mô', 'phát triển thị trường vốn', 'chống khai thác hải sản bất hợp pháp (IUU)', 'Đề án 06 về dữ liệu dân cư',
  'phát triển du lịch', 'chăm sóc sức khỏe nhân dân', 'xây dựng nông thôn mới', 'giảm nghèo bền vững', 'phát triển nguồn nhân lực chất lượng cao',
];
const EVENTS = ['hội nghị', 'phiên họp', 'cuộc họp', 'buổi làm việc', 'hội thảo', 'lễ ký kết', 'diễn đàn'];
/** The events that are meetings (a signing ceremony or a working visit is not). */
const MEETING_KINDS = new Set(['hội nghị', 'phiên họp', 'cuộc họp', 'hội thảo', 'diễn đàn']);
const EVENT_VERBS = ['chủ trì', 'dự và chỉ đạo', 'tham dự', 'chủ trì và phát biểu tại'];
const DIRECTIVES = ['đề nghị các bộ, ngành, địa phương', 'yêu cầu các cơ quan liên quan', 'giao', 'nhấn mạnh cần', 'chỉ đạo các đơn vị'];
const ACTIONS = ['khẩn trương hoàn thiện thể chế', 'đẩy mạnh', 'tập trung tháo gỡ khó khăn, vướng mắc trong', 'tăng cường kiểm tra, giám sát',
  'nâng cao hiệu quả', 'quyết liệt triển khai', 'rà soát, đánh giá kết quả thực hiện'];
const FILLERS = [
  'Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến tới các tỉnh, thành phố trực thuộc Trung ương.',
  'Các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết, trách nhiệm.',
  'Kết quả trên cho thấy sự nỗ lực của cả hệ thống chính trị, cộng đồng doanh nghiệp và người dân.',
  'Tuy nhiên, việc triển khai vẫn còn một số tồn tại, hạn chế cần sớm khắc phục.',
  'Nhiều chỉ tiêu quan trọng đạt và vượt kế hoạch đề ra.',
  'Công tác phối hợp giữa các bộ, ngành và địa phương tiếp tục được tăng cường.',
  'Lãnh đạo các bộ, ngành đã báo cáo tình hình và đề xuất giải pháp trong thời gian tới.',
  'Tình hình kinh tế - xã hội tiếp tục chuyển biến tích cực, kinh tế vĩ mô cơ bản ổn định.',
  'Thời gian tới, các cơ quan cần tập trung thực hiện đồng bộ các nhiệm vụ, giải pháp đã đề ra.',
  'Người dân và doanh nghiệp được hưởng lợi trực tiếp từ việc đơn giản hóa thủ tục.',
];
const CATEGORIES = ['Chỉ đạo điều hành', 'Hoạt động bộ ngành', 'Kinh tế', 'Xã hội', 'Chính sách mới', 'Tin tức', 'Thời sự'];

/** Legal document types: the word, the code after the number, whether the number carries the year, the issuer. */
const DOC_TYPES: readonly { type: string; code: string; year: boolean; issuer: string; weight: number }[] = [
  { type: 'Nghị định', code: 'NĐ-CP', year: true, issuer: 'Chính phủ', weight: 5 },
  { type: 'Nghị quyết', code: 'NQ-CP', year: true, issuer: 'Chính phủ', weight: 3 },
  { type: 'Quyết định', code: 'QĐ-TTg', year: true, issuer: 'Thủ tướng Chính phủ', weight: 4 },
  { type: 'Thông tư', code: 'TT-BTC', year: true, issuer: 'Bộ Tài chính', weight: 2 },
  { type: 'Thông tư', code: 'TT-BTTTT', year: true, issuer: 'Bộ Thông tin và Truyền thông', weight: 1 },
  { type: 'Chỉ thị', code: 'CT-TTg', year: true, issuer: 'Thủ tướng Chính phủ', weight: 1 },
  { type: 'Công điện', code: 'CĐ-TTg', year: false, issuer: 'Thủ tướng Chính phủ', weight: 1 },
  { type: 'Nghị quyết', code: 'QH15', year: true, issuer: 'Quốc hội', weight: 1 },
  { type: 'Luật', code: 'QH15', year: true, issuer: 'Quốc hội', weight: 1 },
];
const DOC_SUBJECTS = ['quy định về hóa đơn, chứng từ', 'về bảo vệ dữ liệu cá nhân', 'quy định chi tiết một số điều của Luật Đầu tư',
  'về thực hiện thủ tục hành chính trên môi trường điện tử', 'về chính sách hỗ trợ doanh nghiệp', 'về phát triển nhà ở xã hội',
  'quy định mức lương cơ sở', 'về các nhiệm vụ, giải pháp chủ yếu phát triển kinh tế - xã hội', 'về đẩy mạnh giải ngân vốn đầu tư công',
  'về chủ động ứng phó với bão, mưa lũ', 'phê duyệt Chiến lược quốc gia phát triển kinh tế số và xã hội số'];
const ROMAN = ['I', 'II', 'III', 'IV'];

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

/** sfc32: a small, fast, seeded PRNG with good statistics. */
function prng(seed: number): () => number {
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const next = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

// ---------------------------------------------------------------------------------------------------------
// Figures

interface Figure { value: number; unit: string; quote: string; display: string }

/** A number written the Vietnamese way: "." between thousands, "," before decimals. */
function vi(n: number, decimals: number): string {
  const [int, frac] = n.toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const f = frac?.replace(/0+$/, '');
  return f ? `${grouped},${f}` : grouped;
}

const MULTIPLIERS: Record<string, number> = { triệu: 1e6, tỷ: 1e9, 'nghìn tỷ': 1e12 };

function figureFor(unit: string, rnd: () => number): Figure {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const scaled = (mult: string, lo: number, hi: number, decimals: number, unitWord: string): Figure => {
    const m = Number((lo + rnd() * (hi - lo)).toFixed(decimals));
    const q = `${vi(m, decimals)} ${mult}`;
    return { value: Math.round(m * MULTIPLIERS[mult]! * 1e4) / 1e4, unit, quote: q, display: `${q} ${unitWord}` };
  };
  const plain = (lo: number, hi: number, decimals: number, unitWord: string, sep = ' '): Figure => {
    const m = Number((lo + rnd() * (hi - lo)).toFixed(decimals));
    const q = vi(m, decimals);
    return { value: m, unit, quote: q, display: `${q}${sep}${unitWord}` };
  };
  switch (unit) {
    case '%': return plain(0.1, 15, pick([0, 1, 2]), '%', '');
    case 'điểm phần trăm': return plain(0.1, 3, 1, 'điểm phần trăm');
    case 'đồng': return rnd() < 0.5 ? scaled('tỷ', 10, 9999, pick([0, 1]), 'đồng') : scaled('nghìn tỷ', 1, 1900, pick([0, 1, 2]), 'đồng');
    case 'USD': return rnd() < 0.7 ? scaled('tỷ', 1, 400, 2, 'USD') : scaled('triệu', 10, 999, 1, 'USD');
    case 'EUR': return scaled('triệu', 1, 500, 1, 'EUR');
    case 'đồng/tháng': return scaled('triệu', 1.5, 6, 2, 'đồng/tháng');
    case 'đồng/giờ': return plain(15000, 25000, 0, 'đồng/giờ');
    case 'đồng/lượng': return scaled('triệu', 40, 90, 1, 'đồng/lượng');
    case 'USD/ounce': return plain(1500, 2600, 0, 'USD/ounce');
    case 'đồng/USD': return plain(22500, 25500, 0, 'đồng/USD');
    case 'lượt khách': case 'lượt': case 'lượt người': return scaled('triệu', 0.5, 20, 1, unit);
    default: return plain(100, 200000, 0, unit);
  }
}

/** Qualifier words and the approximation they mean. */
const QUALIFIERS: readonly (readonly [string, Approx, number])[] = [
  ['', 'exact', 50], ['hơn ', 'over', 18], ['gần ', 'nearly', 10], ['khoảng ', 'about', 10], ['trên ', 'over', 6], ['ít nhất ', 'at_least', 3], ['dưới ', 'under', 3],
];

/** Periods as written, with their key, for an article of year `y`. */
function periodFor(y: number, rnd: () => number): [string, string] | null {
  const r = rnd();
  if (r < 0.2) return [`6 tháng đầu năm ${y}`, `${y}-H1`];
  if (r < 0.35) { const q = Math.floor(rnd() * 4); return [`quý ${ROMAN[q]}/${y}`, `${y}-Q${q + 1}`]; }
  if (r < 0.5) return [`năm ${y - 1}`, String(y - 1)];
  if (r < 0.62) { const m = 1 + Math.floor(rnd() * 12); return [`tháng ${m}/${y}`, `${y}-${String(m).padStart(2, '0')}`]; }
  if (r < 0.7) return [`9 tháng đầu năm ${y}`, `${y}-01/${y}-09`];
  return null;
}

/** Metrics outside the catalog, as the press writes them (keys from their folded text). */
const OTHER_METRICS: readonly (readonly [string, string])[] = [
  ['số hồ sơ được giải quyết đúng hạn', 'hồ sơ'], ['số doanh nghiệp được hỗ trợ', 'doanh nghiệp'], ['số lao động có việc làm mới', 'lao động'],
  ['diện tích rừng trồng mới', 'ha'], ['số km đường cao tốc đưa vào khai thác', 'km'], ['số người tham gia bảo hiểm xã hội', 'người'],
  ['số xã đạt chuẩn nông thôn mới', 'xã'], ['sản lượng lúa', 'tấn'], ['số thuê bao di động băng rộng', 'thuê bao'],
];

// ---------------------------------------------------------------------------------------------------------
// The generator

export interface GenOptions { articles: number; claims: number; out: string; seed?: number; quiet?: boolean; batch?: number }
export interface GenResult { articles: number; claims: number; legalRefs: number; mentions: number; ms: number; bytes: number }

export function generate(opts: GenOptions): GenResult {
  const t0 = performance.now();
  const rnd = prng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const log = (s: string) => { if (!opts.quiet) process.stderr.write(`${s}\n`); };

  for (const suffix of ['', '-wal', '-shm']) if (existsSync(opts.out + suffix)) rmSync(opts.out + suffix);
  const db = openDb(opts.out);
  const pages = new PageStore(db);
  for (const s of SOURCES) pages.upsertSource(s);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');

  // Sources, weighted like the crawl: the government's newspaper and portal publish the most.
  const sourceWeights: Record<string, number> = { baochinhphu: 30, chinhphu: 20, vnexpress: 15, mpi: 8, mof: 8, mic: 6, mst: 5, moit: 5, hanoi: 3 };
  const sourceTable: { id: string; host: string; tag: string }[] = [];
  for (const s of SOURCES) {
    const tag = s.id === 'baochinhphu' ? 'Chinhphu.vn' : s.hosts[0]!.replace(/^www\./, '');
    for (let k = 0; k < (sourceWeights[s.id] ?? 3); k++) sourceTable.push({ id: s.id, host: s.hosts[0]!, tag });
  }

  // Persons: the officials above, and generated deputies and provincial leaders.
  const people: { name: string; title: string; personId: number }[] = [];
  const personIds = new Map<string, number>();
  const insertPerson = db.prepare('INSERT INTO persons (id, person_key, name) VALUES (?, ?, ?)');
  const personId = (name: string): number => {
    const key = canonicalKey(name);
    let id = personIds.get(key);
    if (id === undefined) {
      id = personIds.size + 1;
      personIds.set(key, id);
      insertPerson.run(id, key, name);
    }
    return id;
  };
  db.transaction(() => {
    for (const [title, name] of OFFICIALS) people.push({ name, title, personId: personId(name) });
    for (let k = 0; k < 3000; k++) {
      const name = `${pick(SURNAMES)} ${pick(MIDDLES)} ${pick(GIVENS)}`;
      const title = rnd() < 0.5 ? `${pick(DEPUTY_POSTS)} ${pick(MINISTRIES)}` : `${pick(['Chủ tịch', 'Phó Chủ tịch'])} UBND ${pick(['tỉnh', 'thành phố'])} ${pick(PROVINCES)}`;
      people.push({ name, title, personId: personId(name) });
    }
  })();
  const major = people.slice(0, OFFICIALS.length);
  const titleParts = new Map<string, { post: string; organization: string | null }>();
  const split = (t: string) => { let p = titleParts.get(t); if (!p) { p = splitTitle(t); titleParts.set(t, p); } return p; };

  // Metric templates: every catalog phrasing with every unit the entry admits, and the other metrics.
  const metricTemplates: { metric: string; unit: string; label: string }[] = [];
  for (const e of METRICS) for (const p of e.phrasings) for (const u of e.units) metricTemplates.push({ metric: p, unit: u, label: e.label });
  for (const [m, u] of OTHER_METRICS) metricTemplates.push({ metric: m, unit: u, label: m[0]!.toUpperCase() + m.slice(1) });
  const keyCache = new Map<string, string>();
  const keyOf = (metric: string, unit: string) => {
    const k = `${metric}\u0000${unit}`;
    let v = keyCache.get(k);
    if (v === undefined) { v = metricKey(metric, unit); keyCache.set(k, v); }
    return v;
  };
  const qualifierTable = QUALIFIERS.flatMap((q) => Array.from({ length: q[2] }, () => q));
  const docTypeTable = DOC_TYPES.flatMap((d) => Array.from({ length: d.weight }, () => d));

  const stmts = {
    article: db.prepare(`INSERT INTO articles (id, page_id, url, canonical_url, source_id, title, published_at, updated_at, author, credit, lead, text, lang,
      category, tags, images, method, warnings, text_hash, extracted_at) VALUES (?, NULL, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, 'vi', ?, ?, '[]', 'profile', '[]', ?, ?)`),
    articleFts: db.prepare('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)'),
    claim: db.prepare(`INSERT INTO claims (id, article_id, metric, metric_key, value, unit, approx, period, change, comparison, source, sentence, span_start, span_end, quote)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    claimFts: db.prepare('INSERT INTO claims_fts (rowid, metric, sentence) VALUES (?, ?, ?)'),
    doc: db.prepare('INSERT INTO legal_documents (id, doc_key, number, type, issued_on, issuer, subject) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    ref: db.prepare('INSERT INTO legal_refs (article_id, document_id, mentions, span_start, span_end, quote) VALUES (?, ?, ?, ?, ?, ?)'),
    mention: db.prepare('INSERT INTO official_mentions (article_id, person_id, mentions, span_start, span_end, quote) VALUES (?, ?, ?, ?, ?, ?)'),
    title: db.prepare('INSERT OR IGNORE INTO official_titles (article_id, person_id, title, post, organization) VALUES (?, ?, ?, ?, ?)'),
    meeting: db.prepare(`INSERT INTO meetings (article_id, kind, ordinal, body, date, chair, mode, location, purpose, participants, span_start, span_end, quote)
      VALUES (?, ?, NULL, NULL, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`),
    frontier: db.prepare(`INSERT INTO frontier (url, source_id, host, kind, state, attempts, next_attempt_at, last_status, last_error, last_reason, discovered_at, updated_at)
      VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`),
  };
  const docs = new Map<string, number>();

  const START = Date.UTC(2019, 0, 1) / 1000;
  const SPAN = Date.UTC(2026, 0, 1) / 1000 - START;
  let claimId = 0;
  let claimsLeft = opts.claims;
  let refs = 0;
  let mentions = 0;
  let meetings = 0;
  let textChars = 0;
  const batch = opts.batch ?? 5000;
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

  const writeArticle = (id: number, articlesLeft: number) => {
    // How many claims: the remaining share, varied, so that the total comes out exact.
    const share = claimsLeft / articlesLeft;
    const nClaims = articlesLeft === 1 ? claimsLeft : Math.min(claimsLeft, Math.round(share * (0.2 + 1.6 * rnd())));
    claimsLeft -= nClaims;

    const src = pick(sourceTable);
    const secs = START + Math.floor(rnd() * SPAN);
    const local = new Date((secs + 7 * 3600) * 1000);
    const y = local.getUTCFullYear(), mo = local.getUTCMonth() + 1, d = local.getUTCDate();
    const hh = 6 + Math.floor(rnd() * 16), mi = Math.floor(rnd() * 60);
    const p2 = (n: number) => String(n).padStart(2, '0');
    const publishedAt = `${y}-${p2(mo)}-${p2(d)}T${p2(hh)}:${p2(mi)}:00+07:00`;
    const topic = pick(TOPICS);
    const lead = pick(major);
    const event = pick(EVENTS);

    // The text, paragraph by paragraph; spans are offsets into it (UTF-16 code units, as JavaScript counts).
    let text = '';
    const para = (s: string) => { text += (text ? '\n\n' : '') + s; };
    const personSpans = new Map<number, { start: number; end: number; name: string; count: number; titles: Set<string> }>();
    const notePerson = (p: { name: string; title: string; personId: number }, at: number) => {
      const m = personSpans.get(p.personId);
      if (m) { m.count++; m.titles.add(p.title); } else personSpans.set(p.personId, { start: at, end: at + p.name.length, name: p.name, count: 1, titles: new Set([p.title]) });
    };

    // Lead: "(Chinhphu.vn) - Ngày 24/7, tại Hà Nội, Thủ tướng Phạm Minh Chính chủ trì hội nghị về …"
    const place = pick(PROVINCES);
    let leadText = `(${src.tag}) - Ngày ${d}/${mo}, tại ${place}, ${lead.title} `;
    const leadNameAt = leadText.length;
    const verb = pick(EVENT_VERBS);
    leadText += `${lead.name} ${verb} `;
    const eventAt = leadText.length;
    leadText += `${event} về ${topic}.`;
    notePerson(lead, leadNameAt);
    para(leadText);

    let title: string;
    const claimRows: unknown[][] = [];
    // Claim paragraphs: two or three sentences each, a figure (sometimes two) per sentence, fillers between.
    let sentences: string[] = [];
    let paraStart = text.length + 2;
    let inPara = 0;
    const flush = () => { if (sentences.length) { para(sentences.join(' ')); sentences = []; } paraStart = text.length + 2; inPara = 0; };
    let firstClaim: { label: string; period: string | null; display: string } | null = null;
    let made = 0;
    while (made < nClaims) {
      const t = pick(metricTemplates);
      const period = periodFor(y, rnd);
      const fig = figureFor(t.unit, rnd);
      const [qual, approx] = pick(qualifierTable);
      const isRate = t.unit === '%' || t.unit === 'điểm phần trăm';
      const verb = isRate ? pick(['tăng', 'tăng', 'giảm', 'đạt', 'ước tăng']) : pick(['đạt', 'ước đạt', 'đạt', 'là']);
      const change = verb.endsWith('tăng') ? 'up' : verb === 'giảm' ? 'down' : null;
      const attributed = rnd() < 0.3 ? pick(STAT_SOURCES) : null;
      const compare = change && rnd() < 0.5 ? 'so với cùng kỳ năm trước' : null;
      let s = attributed ? `Theo ${attributed}, ` : '';
      if (period) s += attributed ? `${period[0]}, ` : `${cap(period[0])}, `;
      s += s ? t.metric : cap(t.metric);
      s += ` ${verb} ${qual}`;
      const q1 = s.length;
      s += fig.display;
      if (compare) s += ` ${compare}`;
      // A second figure in the same sentence: the change of the same metric, in percent.
      let second: { fig: Figure; at: number; change: 'up' | 'down' } | null = null;
      if (!isRate && made + 1 < nClaims && rnd() < 0.35) {
        const f2 = figureFor('%', rnd);
        const ch = rnd() < 0.8 ? 'up' as const : 'down' as const;
        s += `, ${ch === 'up' ? 'tăng' : 'giảm'} `;
        second = { fig: f2, at: s.length, change: ch };
        s += `${f2.display} so với cùng kỳ năm trước`;
      }
      s += '.';
      const sentenceAt = paraStart + (sentences.length ? sentences.join(' ').length + 1 : 0);
      sentences.push(s);
      const metricK = keyOf(t.metric, fig.unit);
      claimRows.push([t.metric, metricK, fig.value, fig.unit, approx, period?.[1] ?? null, change, compare, attributed, s, sentenceAt + q1, sentenceAt + q1 + fig.quote.length, fig.quote]);
      made++;
      if (second) {
        claimRows.push([t.metric, keyOf(t.metric, '%'), second.fig.value, '%', 'exact', period?.[1] ?? null, second.change, 'so với cùng kỳ năm trước', attributed, s,
          sentenceAt + second.at, sentenceAt + second.at + second.fig.quote.length, second.fig.quote]);
        made++;
      }
      if (!firstClaim) firstClaim = { label: t.label, period: period?.[0] ?? null, display: `${verb} ${qual}${fig.display}` };
      if (++inPara >= 2 + Math.floor(rnd() * 2)) {
        if (rnd() < 0.5) sentences.push(pick(FILLERS));
        flush();
      }
    }
    flush();

    // Legal references: "Thực hiện Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ về …"
    const nRefs = rnd() < 0.35 ? 0 : int(1, 3);
    const refRows: unknown[][] = [];
    const cited = new Set<number>();
    let decreeInTitle: string | null = null;
    for (let r = 0; r < nRefs; r++) {
      const dt = pick(docTypeTable);
      const year = Math.max(2015, y - int(0, 4));
      const n = dt.code === 'QH15' ? int(1, 200) : int(1, 350);
      const number = dt.year ? `${String(n).padStart(2, '0')}/${year}/${dt.code}` : `${n}/${dt.code}`;
      const key = docKey(number);
      let docId = docs.get(key);
      if (docId === undefined) {
        docId = docs.size + 1;
        docs.set(key, docId);
        const issued = `${year}-${p2(int(1, 12))}-${p2(int(1, 28))}`;
        stmts.doc.run(docId, key, number, dt.type, issued, dt.issuer, pick(DOC_SUBJECTS));
      }
      if (cited.has(docId)) continue;
      cited.add(docId);
      let s = `${pick(['Thực hiện', 'Theo', 'Căn cứ'])} `;
      const at = text.length + 2 + s.length;
      const quote = `${dt.type} số ${number}`;
      s += `${quote} của ${dt.issuer} ${pick(DOC_SUBJECTS)}, ${pick(MINISTRIES)} đã ${pick(ACTIONS)} ${pick(TOPICS)}.`;
      para(s);
      refRows.push([docId, 1, at, at + quote.length, quote]);
      if (!decreeInTitle) decreeInTitle = `${dt.type} ${number}`;
    }

    // A second official speaking, and a closing paragraph.
    const speaker = rnd() < 0.5 ? pick(major) : pick(people);
    let s = `Phát biểu tại ${event}, ${speaker.title} `;
    const at = text.length + 2 + s.length;
    s += `${speaker.name} ${pick(DIRECTIVES)} ${pick(ACTIONS)} ${pick(TOPICS)}. ${pick(FILLERS)}`;
    para(s);
    notePerson(speaker, at);
    para(`${pick(FILLERS)} ${pick(FILLERS)}`);

    // The title, from what the article says.
    const tr = rnd();
    if (tr < 0.35 || !firstClaim) title = `${lead.title.split(' ').slice(0, 3).join(' ')} ${lead.name} ${pick(EVENT_VERBS)} ${event} về ${topic}`;
    else if (tr < 0.7) title = `${firstClaim.label}${firstClaim.period ? ` ${firstClaim.period}` : ''} ${firstClaim.display}`;
    else if (decreeInTitle) title = `Ban hành ${decreeInTitle} về ${topic}`;
    else title = `${pick(MINISTRIES)} ${pick(ACTIONS)} ${topic}`;

    const slug = foldKey(title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
    const url = `https://${src.host}/${slug}-${100000000 + id}.htm`;
    const extractedAt = new Date((secs + 3600) * 1000).toISOString();
    stmts.article.run(id, url, url, src.id, title, publishedAt, pick(AUTHORS), leadText, text, pick(CATEGORIES),
      JSON.stringify([topic, lead.name]), createHash('sha256').update(text).digest('hex'), extractedAt);
    stmts.articleFts.run(id, foldKey(title), foldKey(text));
    textChars += text.length;
    // The crawl that found it (and, for one URL in fifty, a listing page that failed), and the meeting it
    // reports when the event is one. Derived from the id rather than drawn, so the figures above stay the same.
    stmts.frontier.run(url, src.id, src.host, 'article', 'done', `${publishedAt.slice(0, 10)}T00:00:00Z`, 200, null, null, extractedAt, extractedAt);
    if (id % 50 === 0) {
      stmts.frontier.run(`https://${src.host}/tin-tuc/trang-${id}.htm`, src.id, src.host, 'listing', 'failed', extractedAt, 404, 'HTTP 404', 'http', extractedAt, extractedAt);
    }
    if (MEETING_KINDS.has(event)) {
      const mode = id % 10 < 7 ? 'in-person' : id % 10 < 9 ? 'hybrid' : 'online';
      if (text.slice(eventAt, eventAt + event.length) !== event) throw new Error(`bad meeting span in article ${id}`);
      stmts.meeting.run(id, event, `${y}-${p2(mo)}-${p2(d)}`, verb.startsWith('chủ trì') ? lead.name : null, mode, place, topic, eventAt, eventAt + event.length, event);
      meetings++;
    }

    let lastSentence = '';
    let lastFolded = '';
    for (const row of claimRows) {
      const sentence = row[9] as string;
      if (text.slice(row[10] as number, row[11] as number) !== row[12]) throw new Error(`bad claim span in article ${id}: ${String(row[12])}`);
      if (sentence !== lastSentence) { lastSentence = sentence; lastFolded = foldKey(sentence); }
      claimId++;
      stmts.claim.run(claimId, id, ...row);
      stmts.claimFts.run(claimId, foldKey(row[0] as string), lastFolded);
    }
    for (const r of refRows) {
      if (text.slice(r[2] as number, r[3] as number) !== r[4]) throw new Error(`bad legal span in article ${id}`);
      stmts.ref.run(id, ...r);
      refs++;
    }
    for (const [pid, m] of personSpans) {
      if (text.slice(m.start, m.end) !== m.name) throw new Error(`bad person span in article ${id}`);
      stmts.mention.run(id, pid, m.count, m.start, m.end, m.name);
      mentions++;
      for (const t of m.titles) { const sp = split(t); stmts.title.run(id, pid, t, sp.post, sp.organization); }
    }
  };

  const writeBatch = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) writeArticle(id, opts.articles - id + 1);
  });
  let last = performance.now();
  for (let from = 1; from <= opts.articles; from += batch) {
    const to = Math.min(opts.articles + 1, from + batch);
    writeBatch(from, to);
    if (performance.now() - last > 5000 || to > opts.articles) {
      last = performance.now();
      const secs = (last - t0) / 1000;
      log(`  ${to - 1} articles, ${claimId} claims, ${secs.toFixed(1)} s (${Math.round((to - 1) / secs)} articles/s, ${Math.round(claimId / secs)} claims/s)`);
    }
  }
  const loadMs = performance.now() - t0;
  // The ranking index, built once over everything written (as a writer would when opening an older database).
  const rankT = performance.now();
  const rank = new RankIndex(db);
  const ranked = rank.build('articles') + rank.build('claims');
  log(`  ranking index: ${ranked} rows in ${((performance.now() - rankT) / 1000).toFixed(1)} s`);

  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // A sample of spans checked by SQLite itself (substr counts characters; these texts have no astral ones).
  const bad = db.prepare(`SELECT COUNT(*) AS n FROM (SELECT c.span_start, c.span_end, c.quote, a.text FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE c.id % 997 = 0) WHERE substr(text, span_start + 1, span_end - span_start) != quote`).get() as { n: number };
  if (bad.n) throw new Error(`${bad.n} claim spans do not match their quotes`);
  const fk = db.prepare('PRAGMA foreign_key_check(claims)').all().length;
  if (fk) throw new Error(`${fk} claims point to no article`);
  db.close();
  const ms = performance.now() - t0;
  const bytes = statSync(opts.out).size;
  log(`wrote ${opts.articles} articles (${(textChars / 1e6).toFixed(0)} M chars of text), ${claimId} claims, ${refs} legal refs (${docs.size} documents), ` +
    `${mentions} official mentions (${personIds.size} persons), ${meetings} meetings to ${opts.out}`);
  log(`load ${(loadMs / 1000).toFixed(1)} s, total ${(ms / 1000).toFixed(1)} s: ${Math.round(opts.articles / (ms / 1000))} articles/s, ` +
    `${Math.round(claimId / (ms / 1000))} claims/s, ${Math.round((opts.articles + 2 * claimId + refs + mentions) / (ms / 1000))} rows/s (all tables, FTS included); ` +
    `${(bytes / 1e6).toFixed(0)} MB`);
  return { articles: opts.articles, claims: claimId, legalRefs: refs, mentions, ms, bytes };
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
  const articles = Number(arg('articles') ?? 20_000);
  const claims = Number(arg('claims') ?? articles * 5);
  const out = arg('out');
  if (!out || !(articles > 0) || !(claims >= 0)) {
    process.stderr.write('usage: npm run gen:db -- --articles 200000 --claims 1000000 --out /tmp/big.db [--seed 1]\n');
    process.exit(2);
  }
  generate({ articles, claims, out, seed: Number(arg('seed') ?? 1) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
