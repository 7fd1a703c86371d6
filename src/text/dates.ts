/**
 * Dates and periods in Vietnamese news text, resolved against a reference date (the article's publication
 * date). Periods use the contract's forms: "2022", "2022-H1", "2022-Q2", "2022-06", "2022-06-24", or an
 * interval "2022-01/2022-09".
 *
 * chrono-node's `vi` locale misreads most of this genre ("Sáng 25/12", "29-7", "14h30", "quý I/2022",
 * "6 tháng đầu năm"), so the forms are written here as a table of patterns.
 */
import type { Span } from '../types.js';
import { ROMAN } from './data/numbers.js';
import { SpanSet } from './spans.js';
import { matchAnchored, matchWords, WE, type Anchor } from './regex.js';

export type DateKind = 'date' | 'month' | 'quarter' | 'half' | 'months' | 'year' | 'range' | 'time';

export interface DateMention {
  kind: DateKind;
  /** "2022-08-08", "2022-06", "2022-Q2", "2022-H1", "2022-01/2022-09", "2022", "2021/2025"; "14:30" for times. */
  value: string;
  span: Span;
  text: string;
  /** The year (or more) came from the reference date rather than the text. */
  inferred: boolean;
}

/** A reference date as "YYYY-MM-DD" (its first ten characters are used, so an ISO timestamp works too). */
export type RefDate = string | null | undefined;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 2999) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!);
}

function refParts(ref: RefDate): { y: number; m: number; d: number } | null {
  // One article's dates all resolve against its reference date: read it once.
  if (ref === lastRef) return lastParts;
  const m = ref ? /^(\d{4})-(\d{2})-(\d{2})/.exec(ref) : null;
  lastRef = ref;
  lastParts = m ? { y: +m[1]!, m: +m[2]!, d: +m[3]! } : null;
  return lastParts;
}
let lastRef: RefDate = null;
let lastParts: { y: number; m: number; d: number } | null = null;

/**
 * The year of a day-and-month written without a year: the one among last year, this year and next year
 * that puts it closest to the reference date ("Sáng 25/12" in a story of 2 January is last December).
 */
export function inferYear(ref: RefDate, month: number, day: number): number | null {
  const r = refParts(ref);
  if (!r) return null;
  const refT = Date.UTC(r.y, r.m - 1, r.d);
  let best = r.y;
  let bestDist = Infinity;
  for (const y of [r.y - 1, r.y, r.y + 1]) {
    if (!isValidDate(y, month, day)) continue;
    const dist = Math.abs(Date.UTC(y, month - 1, day) - refT);
    if (dist < bestDist) { best = y; bestDist = dist; }
  }
  return best;
}

const YEAR = String.raw`((?:19|20)\d{2})`;
/** Word end. Word starts are checked in code by matchWords (see there) rather than by a lookbehind. */
const E = WE;
/** Words that announce a day: "ngày 24-7", "sáng 6-8", "Chiều 25/12", "hôm 3/2", "rạng sáng 1/1". */
const DAY_PREFIX = String.raw`(?:ngày|sáng|trưa|chiều|tối|đêm|hôm|khuya|rạng sáng|(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?)`;

/**
 * Returned by a rule whose text is unmistakably a date but names no real day ("ngày 32 tháng 4",
 * "31/4/2022"): the match still takes part in the overlap contest, so that shorter rules cannot read a
 * piece of it ("tháng 4"), and is then dropped.
 */
const INVALID = Symbol('invalid date');

interface Rule {
  name: string;
  /** Global regex. A match must start at a word start (see matchWords). */
  re: RegExp;
  /** Characters that may not come right before a match (default: letters, digits, marks). */
  notAfter?: RegExp;
  /** A literal every match holds, found first (see matchAnchored): for patterns that open with a choice. */
  anchor?: Anchor;
  build(m: RegExpExecArray, ref: RefDate, text: string): Omit<DateMention, 'span' | 'text'> | typeof INVALID | null;
}

function quarterNumber(q: string): number | null {
  const n = /^\d$/.test(q) ? Number(q) : ROMAN[q.toUpperCase()] ?? null;
  return n !== null && n >= 1 && n <= 4 ? n : null;
}

function monthsPeriod(y: number, from: number, to: number): string {
  if (from === 1 && to === 6) return `${y}-H1`;
  if (from === 7 && to === 12) return `${y}-H2`;
  if (from === to) return `${y}-${pad(from)}`;
  if (from === 1 && to === 12) return `${y}`;
  if ((to - from) === 2 && (from - 1) % 3 === 0) return `${y}-Q${(from - 1) / 3 + 1}`;
  return `${y}-${pad(from)}/${y}-${pad(to)}`;
}

/**
 * A span of days in the contract's shortest form: whole months, quarters, halves and years are written as
 * such ("2020-04-01".."2020-06-30" is "2020-Q2", "2025-01-01".."2025-01-31" is "2025-01"); other spans stay days.
 */
export function dayRange(from: string, to: string): string {
  const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(from), b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(to);
  if (!a || !b) return `${from}/${to}`;
  const lastDay = new Date(Date.UTC(+b[1]!, +b[2]!, 0)).getUTCDate();
  if (a[3] !== '01' || +b[3]! !== lastDay) return `${from}/${to}`;
  if (a[1] === b[1]) return monthsPeriod(+a[1]!, +a[2]!, +b[2]!);
  return `${a[1]}-${a[2]}/${b[1]}-${b[2]}`;
}

/** The kind that matches a period value: "2022-H1" is a half, "2022-Q1" a quarter. */
function periodKind(value: string): DateKind {
  if (/-H[12]$/.test(value)) return 'half';
  if (/-Q[1-4]$/.test(value)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  return 'months';
}

/**
 * Not right after a count: "9 tháng qua", "5 năm qua", "2 tuần qua", "những năm qua" are spans of several
 * months, years or weeks, not last month, last year or last week.
 */
const AFTER_COUNT_RE = /(?:\p{N}|(?<![\p{L}])(?:một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|mươi|mấy|vài|các|những|nhiều))\s+$/iu;
/** Whether a count comes right before `at`. Checked in code: as a lookbehind it would run at every position. */
function afterCount(text: string, at: number): boolean {
  let j = at;
  while (j > 0 && /\s/.test(text[j - 1]!)) j--;
  // The longest count word is five letters, and the letter before it is looked at too.
  return j < at && AFTER_COUNT_RE.test(text.slice(Math.max(0, j - 8), at));
}

/**
 * Cues that make a bare "9 tháng" the reporting period (January to September of the reference year): the
 * start of a sentence ("9 tháng, …", "Trong 9 tháng, …"), "tính chung", "lũy kế". Elsewhere "9 tháng" is
 * a duration ("thời hạn 9 tháng"), unless it is followed by "qua" ("9 tháng qua").
 */
const REPORT_CUE = /(?:(?:^|[.!?:;]\s|\n)\s*(?:(?:[Cc]ũng|[Rr]iêng)\s+)?(?:[Tt]rong\s+)?|(?:^|[^\p{L}])(?:[Tt]ính\s+chung|[Ll]ũy\s+kế|[Ll]uỹ\s+kế|[Bb]ình\s+quân|chung\s+của|tăng\s+trưởng\s+của|kết\s+quả)\s+)$/u;

/** A figure's verb right after "N tháng": "xuất khẩu 6 tháng ước đạt", "doanh thu 9 tháng tăng". */
const REPORT_VERB_AFTER = /^\s+(?:ước\s+)?(?:đạt|tăng|giảm)(?![\p{L}])/u;

/** "tháng" in "6 tháng đầu năm", "9 tháng năm 2024", "mười một tháng qua": the count is at most two words before. */
const MONTHS_ANCHOR: Anchor = { re: /tháng/giu, reach: 2 };

const WORD_MONTHS: Record<string, number> = { 'sáu': 6, 'chín': 9, 'ba': 3, 'mười một': 11, 'mười': 10, 'bốn': 4, 'năm': 5, 'tám': 8, 'bảy': 7, 'hai': 2 };
const monthCount = (s: string) => (/^\d+$/.test(s) ? Number(s) : WORD_MONTHS[s.toLowerCase()] ?? NaN);

/** The rules, most specific first; when two matches overlap, the longer one wins. */
export const RULES: Rule[] = [
  {
    name: 'ngày D tháng M năm Y',
    re: new RegExp(String.raw`ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+${YEAR}${E}`, 'giu'),
    build: (m) => (isValidDate(+m[3]!, +m[2]!, +m[1]!) ? { kind: 'date', value: iso(+m[3]!, +m[2]!, +m[1]!), inferred: false } : INVALID),
  },
  {
    name: 'D/M/Y',
    re: new RegExp(String.raw`(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?\2\s?${YEAR}(?![\p{L}\p{N}]|[/.\-]\d)`, 'gu'),
    notAfter: /[\p{L}\p{N}\p{M}/.\-]/u,
    build: (m) => (isValidDate(+m[4]!, +m[3]!, +m[1]!) ? { kind: 'date', value: iso(+m[4]!, +m[3]!, +m[1]!), inferred: false } : INVALID),
  },
  {
    name: 'prefix D-M',
    // The day and month (not "2.000"); the words before them ("Thứ Hai, nay ngày") are at most five.
    anchor: { re: /\d{1,2}\s?[/.\-]\s?\d{1,2}(?!\d|[/.\-]\d)/g, reach: 5 },
    re: new RegExp(String.raw`${DAY_PREFIX}\s*(?:nay\s+)?(?:ngày\s+)?(\d{1,2})\s?([/.\-])\s?(\d{1,2})(?![\p{L}\p{N}]|[/.\-]\d)`, 'giu'),
    build: (m, ref) => {
      const d = +m[1]!, mo = +m[3]!;
      const y = inferYear(ref, mo, d);
      if (y === null || !isValidDate(y, mo, d)) return null;
      return { kind: 'date', value: iso(y, mo, d), inferred: true };
    },
  },
  {
    name: 'D/M',
    re: /(\d{1,2})\/(\d{1,2})(?![\p{L}\p{N}]|[/.,]\d)/gu,
    notAfter: /[\p{L}\p{N}\p{M}/.,\-]/u,
    build: (m, ref) => {
      const d = +m[1]!, mo = +m[2]!;
      const y = inferYear(ref, mo, d) ?? 2000;
      if (!isValidDate(y, mo, d)) return null;
      return { kind: 'date', value: ref ? iso(y, mo, d) : `--${pad(mo)}-${pad(d)}`, inferred: true };
    },
  },
  {
    name: 'ngày D tháng M',
    re: new RegExp(String.raw`ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})${E}(?!\s+năm\s+\d)`, 'giu'),
    build: (m, ref) => {
      const d = +m[1]!, mo = +m[2]!;
      if (!isValidDate(2000, mo, d)) return INVALID; // 2000 is a leap year: only impossible days fail
      const y = inferYear(ref, mo, d);
      if (y === null || !isValidDate(y, mo, d)) return null;
      return { kind: 'date', value: iso(y, mo, d), inferred: true };
    },
  },
  {
    name: 'N tháng đầu/cuối năm [Y]',
    anchor: MONTHS_ANCHOR,
    re: new RegExp(String.raw`(\d{1,2}|sáu|chín|ba|mười một|mười|bốn|năm|tám|bảy|hai)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(?:${YEAR}|nay|ngoái|trước))?${E}`, 'giu'),
    build: (m, ref) => {
      const n = monthCount(m[1]!);
      const r = refParts(ref);
      // The year is group 3 (group 1 is the count, group 2 đầu/cuối).
      const word = m[3] ? null : (m[0].match(/(nay|ngoái|trước)$/i)?.[1]?.toLowerCase() ?? 'nay');
      const y = m[3] ? +m[3] : r ? (word === 'nay' ? r.y : r.y - 1) : null;
      if (!y || !(n >= 1 && n <= 12)) return null;
      const last = m[2]!.toLowerCase() === 'cuối';
      const value = last ? monthsPeriod(y, 13 - n, 12) : monthsPeriod(y, 1, n);
      return { kind: periodKind(value), value, inferred: !m[3] };
    },
  },
  {
    name: 'nửa đầu/cuối năm [Y]',
    re: new RegExp(String.raw`nửa\s+(đầu|cuối|sau)\s+năm(?:\s+${YEAR})?${E}`, 'giu'),
    build: (m, ref) => {
      const y = m[2] ? +m[2] : refParts(ref)?.y;
      if (!y) return null;
      return { kind: 'half', value: `${y}-H${m[1]!.toLowerCase() === 'đầu' ? 1 : 2}`, inferred: !m[2] };
    },
  },
  {
    name: 'N tháng năm Y',
    anchor: MONTHS_ANCHOR,
    re: new RegExp(String.raw`(\d{1,2}|sáu|chín|mười một|mười)\s+tháng\s+(?:năm\s+)?(?:${YEAR}|năm\s+nay)${E}`, 'giu'),
    build: (m, ref) => {
      const n = monthCount(m[1]!);
      const y = m[2] ? +m[2] : refParts(ref)?.y;
      if (!y || !(n >= 2 && n <= 12)) return null;
      const value = monthsPeriod(y, 1, n);
      return { kind: periodKind(value), value, inferred: !m[2] };
    },
  },
  {
    name: 'N tháng (reporting period)',
    anchor: MONTHS_ANCHOR,
    re: new RegExp(String.raw`(\d{1,2}|ba|sáu|chín|mười một)\s+tháng(?!\s+(?:tới|sắp\s+tới|tiếp|sau|nữa|trước))(\s+(?:vừa\s+)?qua)?${E}`, 'giu'),
    build: (m, ref, text) => {
      // "kim ngạch xuất khẩu 6 tháng ước đạt …": a figure's verb right after makes it the reporting period too.
      if (!m[2] && !REPORT_CUE.test(text.slice(Math.max(0, m.index - 20), m.index))
        && !REPORT_VERB_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return null;
      const n = monthCount(m[1]!);
      const r = refParts(ref);
      if (!r || !(n >= 2 && n <= 11)) return null;
      const value = monthsPeriod(r.y, 1, n);
      return { kind: periodKind(value), value, inferred: true };
    },
  },
  {
    name: 'quý Q/Y',
    re: new RegExp(String.raw`quý\s+(IV|III|II|I|[1-4])(?:\s*[/\-]\s*${YEAR}|\s+(?:năm\s+)?${YEAR})?${E}(?![.,]\d)`, 'giu'),
    build: (m, ref) => {
      const q = quarterNumber(m[1]!);
      const y = m[2] ? +m[2] : m[3] ? +m[3] : refParts(ref)?.y;
      if (!q || !y) return null;
      return { kind: 'quarter', value: `${y}-Q${q}`, inferred: !(m[2] || m[3]) };
    },
  },
  {
    name: 'tháng M/Y',
    re: new RegExp(String.raw`tháng\s+(\d{1,2})\s*(?:[/.\-]\s*|\s+năm\s+)${YEAR}${E}`, 'giu'),
    build: (m) => (+m[1]! >= 1 && +m[1]! <= 12 ? { kind: 'month', value: `${m[2]}-${pad(+m[1]!)}`, inferred: false } : null),
  },
  {
    name: 'tháng M',
    re: /tháng\s+(\d{1,2})(?![\p{L}\p{N}]|\s*[/.\-]\s*\d|\s+năm\s+\d)/giu,
    build: (m, ref) => {
      const mo = +m[1]!;
      const r = refParts(ref);
      if (!r || mo < 1 || mo > 12) return null;
      // A month later than the story's month (plus one, for plans) was last year's.
      const y = mo > r.m + 1 ? r.y - 1 : r.y;
      return { kind: 'month', value: `${y}-${pad(mo)}`, inferred: true };
    },
  },
  {
    // "từ ngày 17/9 đến hết ngày 31/12/2024", "từ 1/1 đến 30/6/2023": the first day takes the second's year.
    name: 'từ D/M đến D/M/Y',
    re: new RegExp(String.raw`(?:từ|kể\s+từ)\s+(?:ngày\s+|thời\s+điểm\s+)?(\d{1,2})\s?[/.\-]\s?(\d{1,2})(?:\s?[/.\-]\s?${YEAR})?\s*(?:đến|tới|-|–)\s*(?:hết\s+)?(?:ngày\s+|thời\s+điểm\s+)?(\d{1,2})\s?[/.\-]\s?(\d{1,2})(?:\s?[/.\-]\s?${YEAR})?(?![\p{L}\p{N}]|[/.\-]\d)`, 'giu'),
    build: (m, ref) => {
      const [d1, m1, d2, m2] = [+m[1]!, +m[2]!, +m[4]!, +m[5]!];
      const y2 = m[6] ? +m[6] : inferYear(ref, m2, d2);
      if (y2 === null) return null;
      const y1 = m[3] ? +m[3] : (m1 > m2 || (m1 === m2 && d1 > d2) ? y2 - 1 : y2);
      if (!isValidDate(y1, m1, d1) || !isValidDate(y2, m2, d2)) return null;
      const value = dayRange(iso(y1, m1, d1), iso(y2, m2, d2));
      return { kind: value.includes('/') ? 'range' : periodKind(value), value, inferred: !m[6] };
    },
  },
  {
    // "từ tháng 1/2016 đến tháng 11/2018", "từ tháng 3 đến tháng 6/2023".
    name: 'từ tháng M/Y đến tháng M/Y',
    re: new RegExp(String.raw`(?:từ|kể\s+từ)\s+tháng\s+(\d{1,2})(?:\s*[/.\-]\s*${YEAR}|\s+năm\s+${YEAR})?\s*(?:đến|tới|-|–)\s*(?:hết\s+)?tháng\s+(\d{1,2})(?:\s*[/.\-]\s*${YEAR}|\s+năm\s+${YEAR})?${E}`, 'giu'),
    build: (m, ref) => {
      const m1 = +m[1]!, m2 = +m[4]!;
      const y2 = m[5] ? +m[5] : m[6] ? +m[6] : refParts(ref)?.y;
      if (!y2 || m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return null;
      const y1 = m[2] ? +m[2] : m[3] ? +m[3] : (m1 > m2 ? y2 - 1 : y2);
      if (y1 === y2) return { kind: 'months', value: monthsPeriod(y1, m1, m2), inferred: !(m[5] || m[6]) };
      return { kind: 'range', value: `${y1}-${pad(m1)}/${y2}-${pad(m2)}`, inferred: !(m[5] || m[6]) };
    },
  },
  {
    // "từ nay đến 31/12/2024", "từ nay đến hết ngày 31/12": the reference day to that day.
    name: 'từ nay đến D/M/Y',
    re: new RegExp(String.raw`(?:từ|kể\s+từ)\s+(?:nay|hôm\s+nay|bây\s+giờ)\s+(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\s?[/.\-]\s?(\d{1,2})(?:\s?[/.\-]\s?${YEAR})?(?![\p{L}\p{N}]|[/.\-]\d)`, 'giu'),
    build: (m, ref) => {
      const r = refParts(ref);
      if (!r) return null;
      const d = +m[1]!, mo = +m[2]!;
      const y = m[3] ? +m[3] : inferYear(ref, mo, d);
      if (y === null || !isValidDate(y, mo, d)) return null;
      return { kind: 'range', value: `${iso(r.y, r.m, r.d)}/${iso(y, mo, d)}`, inferred: true };
    },
  },
  {
    // "từ đầu năm đến nay", "từ đầu năm 2024 đến nay": January 1 to the reference date.
    name: 'từ đầu năm đến nay',
    re: new RegExp(String.raw`(?:từ|kể\s+từ)\s+đầu\s+năm(?:\s+${YEAR})?\s+(?:đến|tới)\s+nay${E}`, 'giu'),
    build: (m, ref) => {
      const r = refParts(ref);
      if (!r) return null;
      const y = m[1] ? +m[1] : r.y;
      return { kind: 'range', value: `${y}-01-01/${iso(r.y, r.m, r.d)}`, inferred: !m[1] };
    },
  },
  {
    name: 'giai đoạn Y-Y',
    // The first year and what joins it to the second; "giai đoạn từ năm" is four words before it.
    anchor: { re: /(?:19|20)\d\d\s*(?:[-–—]|đến|tới)/gu, reach: 4 },
    notAfter: /[\p{L}\p{N}\p{M}/]/u,
    re: new RegExp(String.raw`(?:(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+)?(?:từ\s+năm\s+|năm\s+)?${YEAR}\s*(?:[-–—]|đến(?:\s+năm)?|tới(?:\s+năm)?)\s*${YEAR}${E}`, 'giu'),
    build: (m) => (+m[2]! > +m[1]! ? { kind: 'range', value: `${m[1]}/${m[2]}`, inferred: false } : null),
  },
  {
    name: 'năm Y',
    re: new RegExp(String.raw`(?:năm|niên\s+độ|niên\s+khóa)\s+${YEAR}${E}`, 'giu'),
    build: (m) => ({ kind: 'year', value: m[1]!, inferred: false }),
  },
  {
    // "Tính chung cả năm, …", "Trong năm, 3.188 dự án …": the year being reported, from the reference date.
    name: 'cả năm',
    re: /(?:cả\s+năm|trong\s+năm|tính\s+chung\s+năm)(?!\s*(?:\d|nay|qua|ngoái|trước|tới|sau|học|tài|đầu|cuối))(?![\p{L}\p{N}])/giu,
    build: (m, ref, text) => {
      const r = refParts(ref);
      // "mục tiêu đặt ra cho cả năm" names the year's target, not a period being reported.
      if (!r || /(?:cho|của|với|mục\s+tiêu[^,;.]{0,30})\s*$/iu.test(text.slice(Math.max(0, m.index - 40), m.index))) return null;
      return { kind: 'year', value: String(r.y), inferred: true };
    },
  },
  {
    name: 'relative year',
    re: /năm\s+(nay|ngoái|trước|qua)(?![\p{L}\p{N}])/giu,
    notAfter: /[\p{L}\p{N}]/u,
    build: (m, ref, text) => {
      const r = refParts(ref);
      if (!r || afterCount(text, m.index)) return null;
      return { kind: 'year', value: String(m[1]!.toLowerCase() === 'nay' ? r.y : r.y - 1), inferred: true };
    },
  },
  {
    name: 'relative day',
    anchor: { re: /nay|qua|mai/giu, reach: 1 },
    re: /(hôm\s+nay|sáng\s+nay|trưa\s+nay|chiều\s+nay|tối\s+nay|hôm\s+qua|ngày\s+mai)(?![\p{L}\p{N}])/giu,
    build: (m, ref) => {
      const r = refParts(ref);
      if (!r) return null;
      const w = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const shift = w === 'hôm qua' ? -1 : w === 'ngày mai' ? 1 : 0;
      const t = new Date(Date.UTC(r.y, r.m - 1, r.d + shift));
      return { kind: 'date', value: t.toISOString().slice(0, 10), inferred: true };
    },
  },
  {
    name: 'relative week/month',
    re: /(tuần\s+qua|tuần\s+trước|tháng\s+này|tháng\s+trước|tháng\s+qua)(?![\p{L}\p{N}])/giu,
    notAfter: /[\p{L}\p{N}]/u,
    build: (m, ref, text) => {
      const r = refParts(ref);
      if (!r || afterCount(text, m.index)) return null;
      const w = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      if (w.startsWith('tuần')) {
        const end = new Date(Date.UTC(r.y, r.m - 1, r.d));
        const start = new Date(Date.UTC(r.y, r.m - 1, r.d - 7));
        return { kind: 'range', value: `${start.toISOString().slice(0, 10)}/${end.toISOString().slice(0, 10)}`, inferred: true };
      }
      const back = w === 'tháng này' ? 0 : 1;
      const t = new Date(Date.UTC(r.y, r.m - 1 - back, 1));
      return { kind: 'month', value: t.toISOString().slice(0, 7), inferred: true };
    },
  },
  {
    name: 'time',
    re: /(?:lúc\s+)?(\d{1,2})\s?(?:h|g|giờ|:)\s?(\d{2})?(?:\s?(?:phút|p))?(?![\p{L}\p{N}])/giu,
    build: (m) => {
      const h = +m[1]!, mi = m[2] ? +m[2] : 0;
      if (h > 24 || mi > 59) return null;
      // "3 giờ" alone is a duration as often as a time; only "14h30", "10g45", "lúc 9 giờ" are times.
      if (!m[2] && !/^lúc/i.test(m[0]) && !/\d\s?[hg]$/i.test(m[0])) return null;
      return { kind: 'time', value: `${pad(h)}:${pad(mi)}`, inferred: false };
    },
  },
];

/** Every date, period and time mentioned in `text`, in order, without overlaps (longest match wins). */
export function findDates(text: string, ref?: RefDate): DateMention[] {
  const found: DateMention[] = [];
  const invalid = new Set<DateMention>();
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    const matches = rule.anchor ? matchAnchored(rule.re, rule.anchor, text, rule.notAfter) : matchWords(rule.re, text, rule.notAfter);
    for (const m of matches) {
      const built = rule.build(m as RegExpExecArray, ref, text);
      if (!built) continue;
      const start = m.index;
      if (built === INVALID) {
        const blocker: DateMention = { kind: 'date', value: '', inferred: false, span: [start, start + m[0].length], text: m[0] };
        invalid.add(blocker);
        found.push(blocker);
        continue;
      }
      found.push({ kind: built.kind, value: built.value, inferred: built.inferred, span: [start, start + m[0].length], text: m[0] });
    }
  }
  // Longest first; earlier rules win ties (the list is ordered from specific to general).
  const order = found.map((d, i) => ({ d, i })).sort((a, b) => (b.d.span[1] - b.d.span[0]) - (a.d.span[1] - a.d.span[0]) || a.i - b.i);
  const kept: DateMention[] = [];
  const taken = new SpanSet();
  for (const { d } of order) {
    if (taken.add(d.span[0], d.span[1])) kept.push(d);
  }
  return combinePeriods(text, kept.filter((d) => !invalid.has(d)).sort((a, b) => a.span[0] - b.span[0]));
}

/** The first and last day of a period value ("2022" → 2022-01-01…2022-12-31), or null for other values. */
export function periodBounds(value: string): [string, string] | null {
  let m = /^(\d{4})$/.exec(value);
  if (m) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) return m[2] === '1' ? [`${m[1]}-01-01`, `${m[1]}-06-30`] : [`${m[1]}-07-01`, `${m[1]}-12-31`];
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) {
    const y = +m[1]!, q = +m[2]!;
    return [iso(y, 3 * q - 2, 1), iso(y, 3 * q, new Date(Date.UTC(y, 3 * q, 0)).getUTCDate())];
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return [`${value}-01`, iso(+m[1]!, +m[2]!, new Date(Date.UTC(+m[1]!, +m[2]!, 0)).getUTCDate())];
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return [value, value];
  const slash = value.indexOf('/');
  if (slash > 0) {
    const a = periodBounds(value.slice(0, slash)), b = periodBounds(value.slice(slash + 1));
    return a && b ? [a[0], b[1]] : null;
  }
  return null;
}

const dayAfter = (isoDay: string) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const PERIOD_KINDS = new Set<DateKind>(['year', 'half', 'quarter', 'month', 'months', 'date']);

/**
 * Two periods that the text joins into one: "từ năm 2016 đến tháng 11 năm 2018" (from the start of the first to
 * the end of the second) and "năm 2023 và quý 1 năm 2024" (two back-to-back periods, counted together).
 * Joining mentions, rather than writing a rule for every pair of forms, covers each combination at once.
 */
function combinePeriods(text: string, list: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < list.length; i++) {
    let a = list[i]!;
    const b = list[i + 1];
    // "quý IV và cả năm 2022", "tháng 12 và năm 2022": the first takes the year written after it.
    if (b && a.inferred && !b.inferred && /^\d{4}-(?:Q\d|H\d|\d{2})$/.test(a.value) && /^\s*và\s+(?:cả\s+)?$/u.test(text.slice(a.span[1], b.span[0]))) {
      a = { ...a, value: b.value.slice(0, 4) + a.value.slice(4), inferred: false };
    }
    if (b && PERIOD_KINDS.has(a.kind) && PERIOD_KINDS.has(b.kind) && !a.value.startsWith('--') && !b.value.startsWith('--')) {
      // Only "đến"/"tới" or "và" may join two periods: most pairs are further apart and stop here.
      const between = text.slice(a.span[1], b.span[0]);
      const to = /^\s*(?:đến|tới)\s+(?:hết\s+)?$/u.test(between);
      const and = !to && /^\s*(?:và)\s+$/u.test(between);
      const ba = to || and ? periodBounds(a.value) : null;
      const bb = ba ? periodBounds(b.value) : null;
      const from = to ? /(?:^|[^\p{L}])((?:từ|kể\s+từ)\s+)$/iu.exec(text.slice(Math.max(0, a.span[0] - 8), a.span[0])) : null;
      const joined = ba && bb && ba[1] < bb[1] && (
        (from && to)
        || (and && dayAfter(ba[1]) === bb[0] && a.kind !== 'date'));
      if (joined) {
        const start = from ? a.span[0] - from[1]!.length : a.span[0];
        out.push({ kind: 'range', value: `${a.value}/${b.value}`, span: [start, b.span[1]], text: text.slice(start, b.span[1]), inferred: a.inferred || b.inferred });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * The mentions that lie inside `span`, with offsets made relative to its start: dates are read once per
 * text, then handed to each sentence.
 */
export function datesWithin(all: readonly DateMention[], span: readonly [number, number]): DateMention[] {
  const out: DateMention[] = [];
  for (const d of all) {
    if (d.span[0] >= span[0] && d.span[1] <= span[1]) out.push({ kind: d.kind, value: d.value, inferred: d.inferred, text: d.text, span: [d.span[0] - span[0], d.span[1] - span[0]] });
  }
  return out;
}

/** The period a mention stands for, in the contract's forms (times have none). */
export function periodOf(d: DateMention): string | null {
  if (d.kind === 'time') return null;
  if (d.value.startsWith('--')) return null;
  return d.value;
}

/**
 * Reads a single date (and time, when given) from a byline or a meta value: "Thứ Hai, 08/08/2022 - 14:30",
 * "08/8/2022 10:20 GMT+7", "2022-08-08T11:55:00+07:00", "Cập nhật: 14h30 ngày 8/8/2022". Returns ISO 8601
 * with the +07:00 offset (Vietnam has no daylight saving), or null.
 */
export function parseDateTime(input: string): string | null {
  const s = input.normalize('NFC').trim();
  const isoM = /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(s);
  if (isoM) {
    const [, y, mo, d, h, mi, sec, tz] = isoM;
    if (!isValidDate(+y!, +mo!, +d!)) return null;
    if (h === undefined) return `${y}-${mo}-${d}T00:00:00+07:00`;
    const local = `${y}-${mo}-${d}T${h}:${mi}:${sec ?? '00'}`;
    if (!tz || tz === '+07:00' || tz === '+0700') return `${local}+07:00`;
    // Convert any other offset to Vietnam time so every stored timestamp reads the same way.
    const t = Date.parse(`${local}${tz === 'Z' ? 'Z' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz}`);
    if (Number.isNaN(t)) return null;
    return toVietnamIso(t);
  }
  const dm = /(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)/.exec(s)
    ?? /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i.exec(s);
  if (!dm) return null;
  const d = +dm[1]!, mo = +dm[2]!, y = +dm[3]!;
  if (!isValidDate(y, mo, d)) return null;
  const rest = s.slice(0, dm.index) + ' ' + s.slice(dm.index + dm[0].length);
  const tm = /(?<!\d)(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{2})(?:\s*:\s*(\d{2}))?/i.exec(rest);
  let time = '00:00:00';
  if (tm && +tm[1]! < 24 && +tm[2]! < 60) time = `${pad(+tm[1]!)}:${pad(+tm[2]!)}:${pad(+(tm[3] ?? 0))}`;
  // A stated offset other than Vietnam's ("10:20 GMT+9", "UTC") is converted, as for ISO input above.
  const zone = tm ? /(?<![\p{L}])(?:GMT|UTC)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?(?![\p{L}\d])/iu.exec(rest) : null;
  if (zone) {
    const offsetMin = zone[1] ? (zone[1] === '-' ? -1 : 1) * (+zone[2]! * 60 + +(zone[3] ?? 0)) : 0;
    if (offsetMin !== 7 * 60) return toVietnamIso(Date.parse(`${iso(y, mo, d)}T${time}Z`) - offsetMin * 60_000);
  }
  return `${iso(y, mo, d)}T${time}+07:00`;
}

/** Formats a UTC timestamp (ms) as ISO 8601 in Vietnam time. */
export function toVietnamIso(ms: number): string {
  return `${new Date(ms + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}
