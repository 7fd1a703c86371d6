/**
 * Numeric claims: each quantity an article asserts about the world, with its metric (the noun phrase the
 * number is about), value in base units, unit, qualifier ("hơn", "gần"), period, direction of change and the
 * sentence it came from. Dates, document numbers, ordinals and numbers inside names are masked first.
 */
import type { Approx, Claim, Official, Span } from '../types.js';
import { COUNT_NOUNS, CHANGE_WORDS, LINK_VERBS, NOT_UNIT_WORDS, QUALIFIERS, REPORTING_VERBS, TIME_UNITS, UNIT_WORDS } from './data/claims.js';
import { matchOrganizationAt } from './organizations.js';
import { findNumbers, type NumberMention } from '../text/numbers.js';
import { datesWithin, dayRange, findDates, periodBounds, periodOf, type DateMention, type RefDate } from '../text/dates.js';
import { splitSentences, type Sentence } from '../text/sentences.js';
import { alternation, isSpaceCode, matchWords, SuffixTable } from '../text/regex.js';
import { SpanSet, textOutside } from '../text/spans.js';
import { oneLine } from '../text/normalize.js';
import { metricKey } from './metric-key.js';

export interface ClaimContext {
  publishedOn?: RefDate;
  /** The text's sentences and dates, when the caller has them already (they are read once per article). */
  sentences?: readonly Sentence[];
  dates?: readonly DateMention[];
  /** Spans of legal-document mentions (numbers inside them are not claims). */
  masked?: readonly Span[];
  /** The headline, whose period (if it names exactly one) dates the figures of paragraphs that name none. */
  title?: string | null;
  /** The article's officials, with every mention: who says a sentence's figures ("Thủ tướng cho biết"). */
  officials?: readonly Official[];
}

const UNIT_RE = new RegExp(String.raw`^\s*(${alternation(UNIT_WORDS.map((u) => u.written))})(?![\p{L}\p{N}])`, 'u');
const UNIT_BY_WRITTEN = new Map(UNIT_WORDS.map((u) => [u.written, u.unit]));
const COUNT_NOUN_RE = new RegExp(String.raw`^\s*(${alternation(COUNT_NOUNS)})(?![\p{L}\p{N}])`, 'iu');
const QUALIFIER_TABLE = new SuffixTable(QUALIFIERS.map((q) => [q.phrase, q.approx] as const));
const CHANGE_TABLE = new SuffixTable(CHANGE_WORDS.map((c) => [c.phrase, c.change] as const));
const LINK_TABLE = new SuffixTable(LINK_VERBS.map((v) => [v, true] as const));
const RANK_BEFORE_RE = /(?:xếp\s+hạng|xếp|đứng|vị\s+trí|hạng)(?:\s+thứ)?\s*$/iu;
/** References to numbered items: "các tổ chức quy định từ 1 đến 8 nêu trên". */
const NAMED_ITEMS_RE = /\d{1,3}\s*(?:đến|-|–)\s*\d{1,3}(?=\s+nêu\s+trên)|\d{1,3}(?=\s+nêu\s+trên)/gu;
/** Things that carry numbers but are not quantities: articles of law, ordinals, routes, congresses. */
const MASK_RES: RegExp[] = [
  /(?:Điều|khoản|Khoản|điểm|Chương|mục|Mục|Phụ lục|Quốc lộ|QL|tuyến số|số hiệu|Tổ|tổ|phòng|Phòng|Khu|khu|lô|Lô|đường số|Đường số|Tầng|tầng)\s+\d+[a-zA-Z]?(?![\p{N}])/gu,
  /(?:lần\s+thứ|thứ)\s+\d+(?![\p{N}])/gu,
  /(?:Top|top|nhóm|Nhóm)\s+\d+(?![\p{N}])/gu,
  /(?:số|Số)\s+\d+(?:[/.\-]\d+)*(?![\p{N}%])(?!\s*(?:%|phần trăm|tỷ|triệu|nghìn|ngàn|doanh|người|lượt|hộ))/gu,
  /\(\d{1,2}\)|\d{2,4}[.\s]\d{3,4}[.\s]\d{3,4}(?![\p{N}])/gu,
  /\d{1,2}\s?-\s?\d{1,2}(?=\s*,?\s*(?:tại|ở|Hà Nội|Thủ tướng))/gu,
  // Numbers inside names: "công ty trách nhiệm hữu hạn 1 thành viên", "khu phố 6", "tổ dân phố 3".
  /(?:trách\s+nhiệm\s+hữu\s+hạn|TNHH)\s+\d+\s+thành\s+viên/gu,
  /(?:khu\s+phố|tổ\s+dân\s+phố|ấp|thôn|xóm|bản|tiểu\s+khu|liên\s+khu)\s+\d+[a-zA-Z]?(?![\p{N}])/gu,
  NAMED_ITEMS_RE,
];

/** Spans of the text whose numbers are not quantities (matched at word starts; see matchWords). */
function notQuantities(text: string): Span[] {
  const out: Span[] = [];
  for (const re of MASK_RES) {
    // "… nêu trên" is rare, and its pattern starts with a digit (tried at every digit of the text).
    if (re === NAMED_ITEMS_RE && !text.includes('nêu trên')) continue;
    for (const m of matchWords(re, text)) {
      // A ranking ("xếp thứ 7", "đứng thứ 2") is a claim; other "thứ N" are ordinals.
      if (/^(?:lần\s+)?thứ/u.test(m[0]) && RANK_BEFORE_RE.test(text.slice(Math.max(0, m.index - 30), m.index).trimEnd() + ' ')) continue;
      out.push([m.index, m.index + m[0].length]);
    }
  }
  return out;
}

/** Words right after a bare figure that show its noun was left out because it was just named. */
const ELLIPSIS_RE = /^\s+(?:cần|đã|đang|chưa|còn|được|sẽ|phải|vẫn|không)(?![\p{L}])/u;
/** How far (characters) a clause, and twice that a ";"-part, may reach from a number. */
const CLAUSE_WINDOW = 300;
/** Scale words: numbers written in words are read only where one of these appears ("hai triệu", "ba mươi"). */
const NUMBER_WORDS_HINT = /(?:mươi|mười|trăm|nghìn|ngàn|triệu|tỷ|tỉ)/u;
/** Words that end a counted noun after its first syllable: verbs, adverbs, determiners. */
const UNIT_BREAK_WORDS = new Set(['đã', 'đang', 'sẽ', 'được', 'bị', 'có', 'là', 'đạt', 'mới', 'này', 'đó', 'nữa', 'khác', 'trên', 'dưới', 'cũng', 'vẫn', 'chưa', 'không', 'thành', 'tham', 'thực', 'tiếp', 'hoàn', 'cần', 'phải']);
const STOP_AT = /[,.;:!?()"“”\n]/u;
/** Words that open the part of a clause that is no longer the metric: time frames, purposes, conditions. */
const TAIL_CUT = new Set(['so', 'trong', 'vào', 'tính', 'đến', 'tới', 'từ', 'để', 'nhằm', 'khi', 'nhưng', 'song', 'tuy', 'theo', 'tại', 'ở', 'với', 'và', 'đạt', 'tăng', 'giảm', 'chiếm', 'là', 'nâng', 'đưa', 'giúp', 'góp', 'bằng']);
/** The most words of a figure's tail that go into its metric. */
const TAIL_WORDS = 9;
/** Connectives and frames that open a clause without being part of its subject. */
const SUBJECT_LEAD = /^(?:(?:và|còn|riêng|trong đó|theo đó|cụ thể|đồng thời|ngoài ra|bên cạnh đó|tuy nhiên|như vậy|với|trong|tính chung|lũy kế|ước|ước tính|nếu tính cả|nâng|đưa)\s+)+/iu;
const SENTENCE_COMPARISON_RE = /(?:^|[,;:]\s*)([Ss]o\s+với\s+(?:cùng\s+kỳ|tháng|quý|năm|kỳ)[^,;:]{0,40}?)\s*[,:]/gu;
const COMPARISON_IN_SUBJECT_RE = /(?<![\p{L}])so\s+(?:với\s+)?(?:cùng\s+kỳ|tháng|quý|năm|kế\s+hoạch|kỳ)[^,;]*$/u;
/** A month-on-month comparison that opens a sentence (or follows its reporting verb): "So với tháng trước, …". */
const OPENING_MONTHLY_RE = /(?:^|[,:]\s*)so\s+với\s+tháng\s+trước\s*,/iu;
/** Words of a goal or plan in a headline. */
const HEADLINE_GOAL_RE = /(?<![\p{L}])(?:phấn\s+đấu|mục\s+tiêu|kế\s+hoạch|dự\s+kiến|đề\s+ra|định\s+hướng|tầm\s+nhìn|chỉ\s+tiêu)(?![\p{L}])/iu;
/** A comparison whose clause runs on to the date: no frame word ("trong", "tính đến", …) in between. */
const COMPARISON_TAIL_RE = /(?<![\p{L}])(?:so\s+với|bằng|gấp)\s(?:(?!(?<![\p{L}])(?:trong|vào|tính|từ|đến|tới|của|khi)\s).)*$/iu;
/** "trong tháng" with no number after it: the month being reported. */
const IN_THE_MONTH_RE = /(?<![\p{L}])trong\s+tháng(?!\s*(?:\d|này|tới|sau|trước|qua|đầu|cuối|giêng|chạp|[IVX]))(?![\p{L}])/iu;
/** An average per month: "bình quân mỗi tháng", "trung bình mỗi tháng". */
const PER_MONTH_RE = /(?:mỗi|hằng|hàng)\s+tháng(?![\p{L}])/u;
/** A comparison after the figure: "so với cùng kỳ năm trước", "so với kế hoạch". */
const COMPARISON_RE = /(?<![\p{L}])(so\s+với\s+[^,;.()]{2,60}?)(?=\s*(?:[,;.()]|$|\s+(?:và|nhưng|trong|khi)\s))/u;

function approxBefore(before: string): { approx: Approx; length: number } {
  const m = QUALIFIER_TABLE.match(before);
  return m ? { approx: m.value, length: m.length } : { approx: 'exact', length: 0 };
}

interface UnitRead {
  unit: string;
  end: number;
}

/** The unit after a number: a unit word, a counted noun, or the first word of a noun phrase. */
function unitAfter(s: string, at: number): UnitRead | null {
  const rest = s.slice(at, at + 60);
  const u = UNIT_RE.exec(rest);
  if (u) {
    const unit = UNIT_BY_WRITTEN.get(u[1]!) ?? u[1]!;
    // A rate per something: "đồng/tháng", "USD/tấn".
    // A percentage per year is still a percentage: "/năm" does not change the unit of "0%/năm".
    const per = unit.includes('/') || unit === '%' ? null : /^\/\s?(\p{L}+)/u.exec(rest.slice(u[0].length));
    return per ? { unit: `${unit}/${per[1]}`, end: at + u[0].length + per[0].length } : { unit, end: at + u[0].length };
  }
  const c = COUNT_NOUN_RE.exec(rest);
  if (c) return { unit: c[1]!.toLowerCase(), end: at + c[0].length };
  // A unit written as a ratio of two words: "Uscents/kWh", "USD/tấn", "lượt/ngày".
  const ratio = /^\s*(\p{L}{1,12}\/\p{L}{1,8})(?![\p{L}\p{N}])/u.exec(rest);
  if (ratio) return { unit: ratio[1]!, end: at + ratio[0].length };
  const w = /^\s+(\p{Ll}[\p{L}\p{M}]*)(?:\s+(\p{Ll}[\p{L}\p{M}]*))?/u.exec(rest);
  if (!w) return null;
  const first = w[1]!;
  if (NOT_UNIT_WORDS.has(first) || TIME_UNITS.has(first)) return null;
  // Most Vietnamese nouns have two syllables ("chỉ tiêu", "nhóm hàng"): keep the second unless it starts a
  // verb or a clause.
  const second = w[2];
  if (second && !NOT_UNIT_WORDS.has(second) && !UNIT_BREAK_WORDS.has(second)) {
    return { unit: `${first} ${second}`, end: at + w[0].length };
  }
  return { unit: first, end: at + w[0].indexOf(first) + first.length };
}

/**
 * The clause around `at`: between ";", ": " and ", " (a comma between digits is a decimal mark, not a
 * boundary). Inside parentheses, the parentheses bound it; outside, a parenthesis is part of the clause
 * ("chỉ số giá tiêu dùng (CPI) tháng 6 giảm 0,17%"). `marks` are the sentence's clause marks (clauseMarks):
 * a caller with several figures in a sentence reads them once, not once per figure.
 */
export function clauseBounds(s: string, at: number, marks: readonly number[] = clauseMarks(s)): [number, number] {
  // Clauses are looked for within a bounded window so that a huge unpunctuated "sentence" stays linear.
  const lo = Math.max(0, at - CLAUSE_WINDOW);
  const hi = Math.min(s.length, at + CLAUSE_WINDOW);
  const openAt = s.slice(lo, at).lastIndexOf('(');
  const open = openAt < 0 ? -1 : lo + openAt;
  const closeAt = s.slice(at, hi).indexOf(')');
  const close = closeAt < 0 ? -1 : at + closeAt;
  const firstClose = open >= 0 ? s.slice(open, hi).indexOf(')') : -1;
  const inParens = open >= 0 && close >= 0 && open + firstClose >= at;
  // The first mark at or after `at`; the one before it ends the previous clause.
  let a = 0;
  let b = marks.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (marks[mid]! < at) a = mid + 1;
    else b = mid;
  }
  let start = a > 0 ? Math.max(lo, marks[a - 1]! + 1) : lo;
  let end = a < marks.length ? Math.min(hi, marks[a]!) : hi;
  if (inParens) {
    start = Math.max(start, open + 1);
    end = Math.min(end, close);
  }
  return [start, end];
}

/** Where a sentence's clauses end: ";", and "," or ":" unless between digits (a decimal comma, a time "14:30"). */
export function clauseMarks(s: string): number[] {
  const marks: number[] = [];
  const isDigit = (i: number) => { const c = s.charCodeAt(i); return c >= 48 && c <= 57; };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 59 || ((c === 44 || c === 58) && !(isDigit(i - 1) && isDigit(i + 1)))) marks.push(i);
  }
  return marks;
}

/** Removes the spans of dates from a piece of the sentence, so a metric does not carry its period. */
function withoutDates(s: string, from: number, to: number, dates: readonly DateMention[]): string {
  return oneLine(textOutside(s, from, to, dates));
}

/**
 * The words after a figure that name what it counts, up to a word that opens another part of the clause
 * (TAIL_CUT) and at most TAIL_WORDS: the words of `withoutDates(s, from, to, dates)`, read from the sentence
 * without building that text (the clause may run on for hundreds of characters).
 */
function tailWordsOf(s: string, from: number, to: number, dates: readonly DateMention[]): string[] {
  const words: string[] = [];
  // A word may run across a removed date ("abc" + date + "def" reads "abcdef"), as in the joined text.
  let word = '';
  let at = from;
  let di = 0;
  while (at < to) {
    while (di < dates.length && (dates[di]!.span[1] <= at || dates[di]!.span[0] >= to)) {
      if (dates[di]!.span[0] >= to) { di = dates.length; break; }
      di++;
    }
    const d = di < dates.length ? dates[di] : undefined;
    if (d && d.span[0] <= at) { at = Math.max(at, d.span[1]); di++; continue; }
    const segEnd = d ? Math.min(to, d.span[0]) : to;
    for (let i = at; i < segEnd; i++) {
      if (!isSpaceCode(s.charCodeAt(i))) continue;
      // A space ends the word that runs up to it (begun in this piece, or carried from before a date).
      const piece = word + s.slice(at, i);
      word = '';
      at = i + 1;
      if (!piece) continue;
      if (TAIL_CUT.has(piece.toLowerCase()) || words.length >= TAIL_WORDS) return words;
      words.push(piece);
    }
    word += s.slice(at, segEnd);
    at = segEnd;
  }
  if (word && !TAIL_CUT.has(word.toLowerCase()) && words.length < TAIL_WORDS) words.push(word);
  return words;
}


interface MetricParts {
  /** The metric as shown: with its period and comparison where the text gives them. */
  metric: string;
  /** The metric without dates or comparison: what the metric key is made from. */
  keyText: string;
  subject: string;
  comparison: string | null;
}

/**
 * The metric of a figure: the subject before its verb ("tỷ lệ … đạt 100%", "số vốn đăng ký là …"), for rates
 * and changes also what they are about ("tăng 9,3% về số doanh nghiệp"); for counts introduced by "có" or
 * with no subject, the counted noun and what follows it ("… có 10.954 doanh nghiệp thành lập mới").
 */
function composeMetric(s: string, n: NumberMention, qualLen: number, unit: UnitRead, dates: readonly DateMention[], prevSubject: string, [cs, ce]: Span): MetricParts {
  const numStart = n.span[0] - qualLen;
  // The subject is read twice: without its dates (for the metric key, which groups a metric across
  // periods) and as written (for the metric shown to readers: "CPI bình quân 6 tháng đầu năm 2017").
  const core = readSubject(withoutDates(s, cs, numStart, dates));
  // Without dates in the clause the subject as written is the same: read it once.
  const datesInLeft = dates.some((d) => d.span[1] > cs && d.span[0] < numStart);
  const shown = datesInLeft ? readSubject(s.slice(cs, numStart).replace(/\s+/g, ' ').trim()) : core;
  const verb = core.verb;
  let subject = core.subject;
  const comparisonBefore = core.comparison;
  // A parenthesis after the figure is an aside ("6,5% (cao hơn mức 6% Quốc hội giao)"), not the metric.
  const paren = s.indexOf('(', unit.end);
  const tailEnd = paren >= 0 && paren < ce ? paren : ce;
  const rest = s.slice(unit.end, tailEnd);
  const cmp = COMPARISON_RE.exec(rest);
  let comparison = cmp ? cmp[1]!.replace(/\s+/g, ' ').trim() : comparisonBefore;
  // A comparison set once for a list ("So với tháng trước, … nhà ở tăng 0,53%; giáo dục tăng 0,2%") holds
  // for every rate after it in the sentence.
  if (!comparison && (unit.unit === '%' || unit.unit === 'điểm phần trăm')) {
    const from = Math.max(0, cs - 2 * CLAUSE_WINDOW);
    // The last "so với" wholly before the clause, within the window.
    const at = Math.max(s.lastIndexOf('so với', cs - 6), s.lastIndexOf('So với', cs - 6));
    if (cs >= 6 && at >= from) {
      const earlier = [...s.slice(Math.max(from, at - 3), cs).matchAll(SENTENCE_COMPARISON_RE)].pop();
      if (earlier) comparison = earlier[1]!.replace(/\s+/g, ' ').trim();
    }
  }
  const tailWords = tailWordsOf(s, unit.end, cmp ? unit.end + cmp.index : tailEnd, dates);
  const rate = unit.unit === '%' || unit.unit === 'điểm phần trăm' || unit.unit === 'lần';
  const change = /^(?:tăng|giảm|tăng thêm|giảm đi|tăng trưởng)$/.test(verb);
  if (!subject && (rate || change) && prevSubject) subject = prevSubject;
  const unitNoun = UNIT_BY_WRITTEN.has(unit.unit) || rate || unit.unit === 'hạng' ? '' : unit.unit;
  let metric: string;
  if (rate) {
    const about = tailWords.join(' ').replace(/^(?:về|của|so với)\s+/u, '');
    metric = [subject, change ? verb : '', about].filter(Boolean).join(' ');
  } else if (!subject || verb === 'có' || /(?:^|\s)(?:cả nước|toàn quốc|địa phương|tỉnh|thành phố)$/iu.test(subject)) {
    metric = [unitNoun, ...tailWords].filter(Boolean).join(' ') || subject;
  } else {
    metric = subject;
  }
  metric = trimPunctuation(metric);
  if (!metric) metric = withoutDates(s, cs, ce, dates).split(/\s+/).slice(0, 10).join(' ');
  // Shown to readers: the subject with its period, and for rates the comparison they are measured against.
  let display = metric;
  if (core.subject && shown.subject && metric.startsWith(core.subject)) display = shown.subject + metric.slice(core.subject.length);
  if ((rate || change) && comparison && !display.includes(comparison)) display = `${display} ${comparison}`;
  return { metric: display.trim(), keyText: metric, subject, comparison };
}

/** Linking words that end a clause's text before a figure without being part of its subject. */
const SUBJECT_TRAILING_WORDS = new Set(['và', 'trong', 'với', 'của', 'cho', 'còn', 'là', 'có', 'được']);

/** Where the last whitespace-separated word of `s` starts. */
function lastWordStart(s: string): number {
  let i = s.length;
  while (i > 0 && !isSpaceCode(s.charCodeAt(i - 1))) i--;
  return i;
}

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpaceCode(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Without white space and ",.;:–-" at either end (as `/^[\s,.;:–-]+|[\s,.;:–-]+$/g` removes them). */
function trimPunctuation(s: string): string {
  const edge = (c: number) => isSpaceCode(c) || c === 44 || c === 46 || c === 59 || c === 58 || c === 0x2013 || c === 45;
  let a = 0;
  let b = s.length;
  while (a < b && edge(s.charCodeAt(a))) a++;
  while (b > a && edge(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Subject, verb and a comparison written inside the subject, from the clause text before a figure. */
function readSubject(left: string): { subject: string; verb: string; comparison: string | null } {
  const linkAt = LINK_TABLE.match(left);
  const verb = linkAt ? linkAt.phrase : '';
  let subject = (linkAt ? left.slice(0, left.length - linkAt.length) : left).replace(SUBJECT_LEAD, '').trim();
  // "CPI bình quân 6 tháng so với cùng kỳ năm trước tăng 4,15%": the comparison is not part of the subject.
  const cmpInSubject = subject.includes('so') ? COMPARISON_IN_SUBJECT_RE.exec(subject) : null;
  let comparison: string | null = null;
  if (cmpInSubject) {
    comparison = cmpInSubject[0].trim();
    subject = subject.slice(0, cmpInSubject.index).trim();
  }
  // A linking word left at the end ("… của 30%"), looked up as the last word rather than by an end-anchored
  // pattern (tried at every position of the subject).
  const lastStart = lastWordStart(subject);
  if (SUBJECT_TRAILING_WORDS.has(subject.slice(lastStart).toLowerCase())) subject = subject.slice(0, Math.max(0, lastStart - 1));
  subject = subject.replace(SUBJECT_LEAD, '').trim();
  if (wordCount(subject) > 14) subject = subject.split(/\s+/).filter(Boolean).slice(-14).join(' ');
  return { subject, verb, comparison };
}

/**
 * The period a number is about: in its clause, else in its ";"-part of the sentence, else earlier in the
 * sentence, else the paragraph's frame. `framing` tells whether the period may frame the next sentences:
 * statistical periods (a month, a quarter, a half, cumulative months, "đến hết ngày …") do; a bare year does
 * not, since "năm 2015" in passing rarely scopes what follows.
 */
function periodFor(s: string, dates: readonly DateMention[], numSpan: Span, frame: string | null, [cs, ce]: Span, publishedOn: string | null): { period: string | null; framing: boolean } {
  const [semiStart, semiEnd] = semicolonPart(s, numSpan);
  const usable = dates.filter((d) => periodOf(d) && !isOtherTime(s, d));
  const nearest = (list: readonly DateMention[]): DateMention | null => {
    let best: DateMention | null = null;
    let bestDist = Infinity;
    for (const d of list) {
      const dist = d.span[0] >= numSpan[1] ? d.span[0] - numSpan[1] : numSpan[0] - d.span[1];
      if (dist < bestDist) { best = d; bestDist = dist; }
    }
    return best;
  };
  // In the clause, either side; beyond it, what came earlier in the sentence (a period opening the sentence
  // frames the rest) before what comes later in the ";"-part (a later clause's period rarely reaches back).
  // Beyond the clause, an aside in parentheses dates only what is inside it.
  // A period after the number that a figure of its own follows belongs to that figure: "quý II tăng 7,25% và
  // quý III tăng 7,43%".
  const own = usable.filter((d) => d.span[1] <= numSpan[0] || !NEXT_ITEM_RE.test(s.slice(numSpan[1], d.span[0]))
    || !FIGURE_FOLLOWS_RE.test(s.slice(d.span[1], d.span[1] + 40)));
  const found = nearest(own.filter((d) => d.span[0] >= cs && d.span[1] <= ce))
    ?? nearest(own.filter((d) => d.span[1] <= numSpan[0] && !inAside(s, d.span, numSpan)))
    ?? nearest(own.filter((d) => d.span[0] >= semiStart && d.span[1] <= semiEnd && !inAside(s, d.span, numSpan)));
  // "(cùng kỳ năm 2016 tăng 19,5%)": a clause about the same period of another year. Its period is the one
  // the sentence reports (or the frame), moved to that year.
  const sameTime = dates.find((d) => d.kind === 'year' && d.span[0] >= cs && d.span[1] <= numSpan[0]
    && /^\(?\s*cùng\s+kỳ$/iu.test(s.slice(cs, d.span[0]).trim()));
  if (sameTime) {
    const reported = nearest(usable.filter((d) => d.span[1] <= cs)) ;
    const base = reported ? periodOf(reported) : frame;
    const shifted = base && /^\d{4}(?:-[^/]*)?(?:\/\d{4}(?:-[^/]*)?)?$/.test(base) ? base.replace(/\d{4}/g, (y) => (y === base.slice(0, 4) ? sameTime.value : y)) : sameTime.value;
    return { period: shifted, framing: false };
  }
  if (!found) return { period: frame, framing: false };
  // "tính đến ngày 20/12/2023" in a year's statistics ("Năm 2023 …", "6 tháng đầu năm …") is the running
  // total since January 1; without such a frame ("Tính đến ngày 10/6, Cổng tiếp nhận 661 hồ sơ") it is the day.
  if (found.kind === 'date' && /tính\s+(?:đến|tới)(?:\s+hết)?(?:\s+ngày)?\s*$/iu.test(s.slice(Math.max(0, found.span[0] - 24), found.span[0]))) {
    const year = found.value.slice(0, 4);
    const yearScoped = (p: string | null) => p !== null && p.startsWith(year) && /^\d{4}(?:$|-H\d|-Q\d|-\d{2}\/)/.test(p);
    if (dates.some((d) => d !== found && ['year', 'half', 'quarter', 'months'].includes(d.kind) && yearScoped(d.value) && !isOtherTime(s, d)) || yearScoped(frame)) {
      return { period: dayRange(`${year}-01-01`, found.value), framing: true };
    }
    // In a month's report ("Kinh tế tháng 1/2025 …"), the running total of that month.
    if (frame && /^\d{4}-\d{2}$/.test(frame) && found.value.startsWith(frame)) return { period: dayRange(`${frame}-01`, found.value), framing: true };
  }
  return { period: inFrameYear(found, frame, publishedOn), framing: isFramingPeriod(s, found) };
}

/** Between a figure and the next item of a list: its unit, then "và" or a comma ("% và ", " USD, "). */
const NEXT_ITEM_RE = /^\s*[^\s\d,;]{0,12}\s*(?:,|;|và|,\s*và)\s*$/u;
/** A figure right after a period, before any punctuation: " tăng 7,43%". */
const FIGURE_FOLLOWS_RE = /^[^\d;,.:()]{0,30}?\d/u;

/**
 * A period written without its year ("quý I", "cả năm") took the publication year. When that period had not
 * yet ended at publication and the paragraph is framed by an earlier year ("Kinh tế Việt Nam năm 2024 tăng
 * 7,09%", "GDP quý IV/2024", published in January 2025), it is the framing year's: a figure reported for it
 * is the review of a period that has ended.
 */
function inFrameYear(found: DateMention, frame: string | null, publishedOn: string | null): string | null {
  const period = periodOf(found);
  if (!period || !found.inferred || !frame || !publishedOn || !/^\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}))?$/.test(period)) return period;
  const frameYear = frame.slice(0, 4);
  if (!/^\d{4}$/.test(frameYear) || period.slice(0, 4) <= frameYear) return period;
  const ends = periodBounds(period)?.[1];
  return ends && ends > publishedOn.slice(0, 10) ? frameYear + period.slice(4) : period;
}

/** Whether `span` lies in a parenthesized aside that does not hold `num`. */
function inAside(s: string, span: Span, num: Span): boolean {
  if (span[1] <= num[0]) {
    // Opened before the span and closed between it and the number.
    const close = s.indexOf(')', span[1]);
    return close >= 0 && close < num[0] && s.lastIndexOf('(', span[0]) > s.lastIndexOf(')', span[0] - 1);
  }
  // Opened between the number and the span, and not closed before the span.
  const open = s.lastIndexOf('(', span[0]);
  return open >= num[1] && s.lastIndexOf(')', span[0]) < open;
}

/** Statistical periods frame the next sentences: a month, a quarter, a half, cumulative months, a range of days, "đến hết ngày …". */
function isFramingPeriod(s: string, d: DateMention): boolean {
  if (isOtherTime(s, d)) return false;
  return ['month', 'quarter', 'half', 'months'].includes(d.kind)
    || (d.kind === 'range' && /^\d{4}-\d{2}-\d{2}\//.test(d.value))
    || (d.kind === 'date' && /(?:đến|tính\s+đến|lũy\s+kế|hết)(?:\s+hết)?(?:\s+ngày)?\s*$/iu.test(s.slice(Math.max(0, d.span[0] - 20), d.span[0])))
    // A year that opens the sentence, or what a report says ("Năm 2023, …", "Báo cáo cho biết, năm 2023 kinh
    // tế …"), is its topic; a year further in is usually in passing.
    || (d.kind === 'year' && YEAR_OPENING_RE.test(s.slice(Math.max(0, d.span[0] - 60), d.span[0])));
}

/** What may come before a year that opens a sentence's report. */
const YEAR_OPENING_RE = /(?:^|(?:cho\s+biết|cho\s+thấy|khẳng\s+định|nêu\s+rõ|nhấn\s+mạnh)\s*[,:]?\s+)(?:trong\s+|tính\s+chung\s+|cả\s+|riêng\s+)?$/iu;
/** A review of a period: "Hội nghị tổng kết công tác năm 2023", "sơ kết 6 tháng đầu năm". */
const REVIEW_RE = /(?:tổng\s+kết|sơ\s+kết)(?:[^,;.]{0,60})$/iu;

/** The ";"-separated part of the sentence around a span, within the clause window. */
function semicolonPart(s: string, span: Span): [number, number] {
  const lo = Math.max(0, span[0] - 2 * CLAUSE_WINDOW);
  const hi = Math.min(s.length, span[1] + 2 * CLAUSE_WINDOW);
  const before = s.slice(lo, span[0]).lastIndexOf(';');
  const after = s.slice(span[1], hi).indexOf(';');
  return [before < 0 ? lo : lo + before + 1, after < 0 ? hi : span[1] + after];
}

/**
 * A time that is not the span a figure covers: a comparison base ("so với cùng kỳ năm 2021"), the plan a
 * figure is measured against ("đạt 89,8% kế hoạch vốn năm 2016"), the date of a document cited next to it
 * ("Quyết định số 610 ngày 13/7/2022"), a deadline, an occasion, a starting point, the day of a meeting, or
 * a superlative's span of comparison. The reasons are listed in readOtherTime.
 */
const otherTimeCache = new WeakMap<DateMention, boolean>();

function isOtherTime(s: string, d: DateMention): boolean {
  let known = otherTimeCache.get(d);
  if (known === undefined) {
    known = readOtherTime(s, d);
    otherTimeCache.set(d, known);
  }
  return known;
}

function readOtherTime(s: string, d: DateMention): boolean {
  const before = s.slice(Math.max(0, d.span[0] - 40), d.span[0]);
  // Each pattern below ends at the date and is tried at every position of its window: each is looked at
  // only when the window holds its key word (a substring search costs a fraction of that).
  // "bằng 81,5% tổng giá trị phần vốn … giai đoạn 2011 – 2015": a period further on in the comparison's own
  // clause still dates what is compared against.
  const clause = clauseBefore(s, d.span[0], 120);
  const lowerClause = clause.toLowerCase();
  if ((lowerClause.includes('so') || lowerClause.includes('bằng') || lowerClause.includes('gấp')) && COMPARISON_TAIL_RE.test(clause)) return true;
  const lower = before.toLowerCase();
  const has = (w: string) => lower.includes(w);
  return ((has('so') || has('cùng') || has('bằng') || has('gấp')) && /(?:so\s+với|cùng\s+kỳ|bằng|gấp)(?:\s+[\p{L}\p{N}][\p{L}\p{N},.%]*){0,3}\s*$/iu.test(before))
    // A superlative's span of comparison: "mức tăng cao nhất trong giai đoạn 2011-2022" (but "thành công nhất
    // trong năm 2020" is that year's).
    || (d.kind === 'range' && /(?:nhất|kỷ\s+lục)(?:\s+(?:trong|của|kể\s+từ|từ))?\s*$/iu.test(before))
    // A deadline ("thoái vốn trước ngày 30/11/2020", "chậm nhất ngày 30/6") is when something is due, not a period.
    || ((has('trước') || has('nhất') || has('hạn')) && /(?:(?<![\p{L}])trước|chậm\s+nhất|muộn\s+nhất|hạn\s+chót)(?:\s+(?:ngày|hết))?\s*$/iu.test(before))
    // "cao hơn mức lương tối thiểu vùng năm 2016": the year of what the figure is measured against.
    || (has('hơn') && /(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s+hơn(?:\s+\p{L}+){0,5}\s*$/iu.test(before))
    // "đạt 89,8% kế hoạch vốn năm 2016", "so với kế hoạch Nhà nước giao năm 2017": the year of the plan the
    // figure is measured against. A plan that is itself the subject ("kế hoạch năm 2017 là 311 tỷ đồng",
    // "mục tiêu tăng trưởng năm 2023 là 6,5%") is dated by that year.
    || ((has('hoạch') || has('tiêu') || has('toán') || has('nhìn'))
      && /(?:so\s+với|đạt|bằng|vượt|%)\s*(?:kế\s+hoạch|mục\s+tiêu|dự\s+toán|chỉ\s+tiêu|tầm\s+nhìn)(?:\s+(?:vốn|nhà\s+nước|được|giao|đầu\s+tư\s+công))*(?:\s+(?:đến|tới))?\s*$/iu.test(before))
    // "theo số liệu cập nhật đến ngày 20/6/2022": when the data were counted, not the period they cover.
    || (has('cập') && /cập\s+nhật(?:\s+(?:đến|tới))?(?:\s+hết)?(?:\s+ngày)?\s*$/iu.test(before))
    // An occasion ("vào dịp Tết Nguyên Đán, 30/4 và 1/5") or a starting point ("từ cuối năm 2015", "từ ngày
    // 1/1/2017"): when something happened or began, not the span the figure covers.
    || (before.includes('dịp') && /(?<![\p{L}])dịp(?:(?![.;]).){0,40}$/u.test(before))
    || (has('từ') && /(?<![\p{L}])(?:từ|kể\s+từ)\s+(?:ngày\s+|cuối\s+|giữa\s+)?$/iu.test(before))
    // The day of a meeting ("trong buổi làm việc với lãnh đạo tỉnh ngày 3/9"): when the figure was spoken of.
    || (d.kind === 'date' && MEETING_DAY_RE.test(s.slice(Math.max(0, d.span[0] - 80), d.span[0])))
    // The date of a document cited next to it: "Quyết định số 610 ngày 13/7/2022".
    || (/ng[aà]y\s*$/.test(before) && /(?:[\p{Lu}\d][\p{L}\d/.\-]*\d[\p{L}\d/.\-]*|số\s+\d+)\s*,?\s*(?:ban\s+hành\s+)?(?:ngày|ngay)\s*$/u.test(before));
}

const MEETING_DAY_RE = /(?<![\p{L}])(?:buổi\s+làm\s+việc|cuộc\s+họp|hội\s+nghị|phiên\s+họp|hội\s+thảo|tọa\s+đàm|họp\s+báo|kỳ\s+họp)(?:(?![.;,]).){0,60}$/iu;

/**
 * The clause that ends at `at`, within `reach` characters: what follows the last ";", "(", ")", or ",", "."
 * or ":" followed by white space.
 */
function clauseBefore(s: string, at: number, reach: number): string {
  const lo = Math.max(0, at - reach);
  for (let i = at - 1; i >= lo; i--) {
    const c = s.charCodeAt(i);
    if (c === 59 || c === 40 || c === 41) return s.slice(i + 1, at);
    if ((c === 44 || c === 46 || c === 58) && i + 1 < at && /\s/.test(s[i + 1]!)) return s.slice(i + 1, at);
  }
  return s.slice(lo, at);
}

/** Verbs of saying, at word starts (checked by matchWords, not by a lookbehind run at every position). */
const REPORTING_RE = new RegExp(String.raw`(?:${alternation(REPORTING_VERBS)})(?![\p{L}])`, 'gu');

/**
 * Who the sentence attributes its figures to: "Theo Tổng cục Thống kê, …", "Theo báo cáo của Bộ Tài chính,
 * …"; an official the sentence names before a verb of saying ("Thủ tướng nhấn mạnh", "ông Dũng cho biết"),
 * by the name the article gives them; a body that opens the sentence and says it ("Bộ Kế hoạch và Đầu tư
 * cho biết"). `at` is the sentence's offset in the text the officials' mentions refer to.
 */
function sourceOf(s: string, at: number, officials: readonly Official[]): string | null {
  const theo = /^(?:Theo\s+)((?:báo cáo|số liệu|thống kê|công bố)\s+(?:của\s+)?)?([^,]{3,80}),/u.exec(s);
  // The official mentioned last within [from, to) of the sentence.
  const named = (from: number, to: number) => {
    let best: { name: string; start: number } | null = null;
    for (const o of officials) {
      for (const m of o.mentions) {
        if (m[0] >= at + from && m[1] <= at + to && (!best || m[0] > best.start)) best = { name: o.name, start: m[0] };
      }
    }
    return best?.name ?? null;
  };
  if (theo) return named(theo.index, theo[0].length) ?? theo[2]!.trim();
  const verb = matchWords(REPORTING_RE, s).next().value;
  if (!verb) return null;
  const person = named(0, verb.index);
  if (person) return person;
  const org = matchOrganizationAt(s, 0);
  return org && /^[\s,]*(?:(?:đã|vừa|cũng)\s+)?$/u.test(s.slice(org.end, verb.index)) ? org.name : null;
}

export function extractClaims(text: string, ctx: ClaimContext = {}): Claim[] {
  const claims: Claim[] = [];
  let frame: string | null = null;
  let lastEnd = 0;
  const allDates = ctx.dates ?? findDates(text, ctx.publishedOn);
  // Numbers are read once over the whole text, with dates, documents and ordinals masked, then handed to
  // their sentences.
  const mask = SpanSet.union([...allDates.map((d) => d.span), ...(ctx.masked ?? []), ...notQuantities(text)]);
  // Small numbers in words ("ba nhóm") are not read as claims: only runs with a tens or scale word are parsed.
  const allNumbers = findNumbers(text, { mask, words: NUMBER_WORDS_HINT.test(text), wordRunHint: NUMBER_WORDS_HINT })
    .filter((n) => !n.words || n.value >= 10 || n.factor > 1 || NUMBER_WORDS_HINT.test(n.raw));
  let next = 0;
  // The month and quarter the article last named as reported periods (for "so với tháng trước").
  let lastMonth: string | null = null;
  let paragraph = 0;
  // The article's frame: the reporting period its lead gives its first figures, else the one its headline
  // names ("156 doanh nghiệp … thoái vốn đến hết năm 2020", "GDP năm 2022 tăng 8,02%").
  const headline = headlinePeriod(ctx.title ?? null, ctx.publishedOn ?? null);
  const titleFrame = headline?.period ?? null;
  let leadFrame: string | null = null;
  let reviewFrame: string | null = null;
  frame = titleFrame;
  let lastQuarter: string | null = null;
  const noteReported = (s: string, dates: readonly DateMention[]) => {
    for (const d of dates) {
      if ((d.kind !== 'month' && d.kind !== 'quarter') || isOtherTime(s, d)) continue;
      if (d.kind === 'month') lastMonth = d.value;
      else lastQuarter = d.value;
    }
  };
  for (const sentence of ctx.sentences ?? splitSentences(text)) {
    // A new paragraph starts a new frame: a period carried from sentence to sentence stops at a blank line.
    if (text.slice(lastEnd, sentence.span[0]).includes('\n')) {
      paragraph++;
      // A new paragraph starts from the article's frame: the reporting period its lead gave its figures.
      frame = headline?.several ? titleFrame : leadFrame ?? reviewFrame ?? titleFrame;
    }
    lastEnd = sentence.span[1];
    const [from, to] = sentence.span;
    while (next < allNumbers.length && allNumbers[next]!.span[0] < from) next++;
    const numbers: NumberMention[] = [];
    for (let k = next; k < allNumbers.length && allNumbers[k]!.span[1] <= to; k++) {
      const n = allNumbers[k]!;
      // Written out rather than spread: object spread is slow on this path (once per number).
      numbers.push({ value: n.value, base: n.base, factor: n.factor, raw: n.raw, words: n.words, span: [n.span[0] - from, n.span[1] - from] });
    }
    const s = sentence.text;
    // Who the sentence's figures come from, read on its first claim.
    let source: string | null | undefined;
    const dates = datesWithin(allDates, sentence.span);
    // A lead that reports a review ("Hội nghị tổng kết công tác năm 2023") gives the article its frame.
    if (paragraph === 0 && reviewFrame === null) {
      const reviewed = dates.find((d) => d.kind !== 'date' && d.kind !== 'time' && REVIEW_RE.test(s.slice(Math.max(0, d.span[0] - 80), d.span[0])));
      if (reviewed) reviewFrame = periodOf(reviewed);
    }
    if (!numbers.length) {
      // A sentence that opens with a reporting period ("Từ 1/1/2025 đến 16/9/2025, …", "Trong tháng 5, …")
      // frames the figures of the next sentences even when it has none itself.
      const opening = dates.find((d) => d.span[0] <= 40 && isFramingPeriod(s, d));
      if (opening) frame = periodOf(opening);
      noteReported(s, dates);
      continue;
    }
    noteReported(s, dates);
    let prevSubject = '';
    let prevUnit: string | null = null;
    let sentenceFrame: string | null = null;
    // "So với tháng trước, … nhà ở tăng 0,53%; …": a comparison that opens the sentence before its first figure
    // makes every figure of the sentence, and of the next ones in the paragraph, a monthly one.
    const marks = clauseMarks(s);
    const opensMonthly = lastMonth !== null && OPENING_MONTHLY_RE.test(s.slice(0, numbers[0]!.span[0]));
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      const near = dates.length > 8 ? dates.filter((d) => d.span[1] >= n.span[0] - 3 * CLAUSE_WINDOW && d.span[0] <= n.span[1] + 3 * CLAUSE_WINDOW) : dates;
      const claim = readClaim(s, from, n, numbers[i + 1], near, prevSubject, frame, prevUnit, marks, ctx.publishedOn ?? null);
      if (claim) claim.claim.source = source === undefined ? (source = sourceOf(s, from, ctx.officials ?? [])) : source;
      if (!claim) continue;
      if (!UNIT_BY_WRITTEN.has(claim.claim.unit) && claim.claim.unit !== 'hạng') prevUnit = claim.claim.unit;
      // "so với tháng trước" makes the figure a monthly one: its period is the month being reported.
      const c = claim.claim;
      // "bình quân mỗi tháng CPI tăng 0,03% so với tháng trước" is a monthly average over the period, not one month.
      // "trong tháng có gần 8,8 nghìn doanh nghiệp": "the month" is the one the report is about.
      // (Only looked at when there is a reported month to give.)
      if (lastMonth && !/^\d{4}-\d{2}$/.test(c.period ?? '') && (opensMonthly
        || IN_THE_MONTH_RE.test(s.slice(claim.clauseStart, n.span[0]))
        || (c.comparison !== null && /tháng\s+trước/u.test(c.comparison) && !PER_MONTH_RE.test(s.slice(Math.max(0, n.span[0] - 40), n.span[0]))))) {
        c.period = lastMonth;
      }
      if (opensMonthly) sentenceFrame = c.period;
      if (c.comparison && lastQuarter && /quý\s+trước/u.test(c.comparison) && !/-Q\d$/.test(c.period ?? '')) c.period = lastQuarter;
      if (claim.subject) prevSubject = claim.subject;
      if (claim.frame) sentenceFrame = claim.frame;
      claims.push(c);
    }
    if (sentenceFrame) frame = sentenceFrame;
    // A statistical report states its period with its first figures, in the lead: that period holds for
    // the figures of later paragraphs that name none. A lead without figures (a meeting report) sets none.
    if (paragraph === 0 && sentenceFrame && leadFrame === null) leadFrame = sentenceFrame;
  }
  return claims;
}

/**
 * The period a headline names for the whole report: its only one, or, when it names several that nest
 * ("quý II và 6 tháng đầu năm 2024"), the widest, since figures given without a period in such a report are
 * the cumulative ones. Comparison bases, deadlines and single days are not report periods.
 */
function headlinePeriod(title: string | null, ref: RefDate): { period: string; several: boolean } | null {
  if (!title) return null;
  const t = title.normalize('NFC');
  const periods = findDates(t, ref).filter((d) => d.kind !== 'time' && d.kind !== 'date' && periodOf(d) && !isOtherTime(t, d));
  if (!periods.length) return null;
  // A headline about a goal ("phấn đấu giải ngân vốn đầu tư công năm 2024 đạt trên 95%") names the year ahead,
  // not the period the article's figures report.
  if (HEADLINE_GOAL_RE.test(t.slice(0, periods[0]!.span[0]))) return null;
  const bounds = periods.map((d) => ({ value: d.value, b: periodBounds(d.value) }));
  if (bounds.some((x) => !x.b)) return null;
  const widest = bounds.reduce((w, x) => (x.b![0] <= w.b![0] && x.b![1] >= w.b![1] ? x : w));
  if (!bounds.every((x) => x.b![0] >= widest.b![0] && x.b![1] <= widest.b![1])) return null;
  // Several periods nest as a month or quarter within its year's cumulative figure, not across years.
  if (periods.length > 1 && widest.b![0].slice(0, 4) !== widest.b![1].slice(0, 4)) return null;
  return { period: widest.value, several: periods.length > 1 };
}

function readClaim(
  s: string, from: number, n: NumberMention, next: NumberMention | undefined, dates: readonly DateMention[], prevSubject: string, frame: string | null,
  prevUnit: string | null = null, marks: readonly number[] = clauseMarks(s), publishedOn: string | null = null,
): { claim: Claim; subject: string; frame: string | null; clauseStart: number } | null {
  // Only the words right before a number decide its qualifier, direction and rank: look at a short window,
  // not the whole sentence, so that these end-anchored patterns stay cheap on long sentences.
  const before = s.slice(Math.max(0, n.span[0] - 48), n.span[0]);
  // A rank: "xếp hạng thứ 7", "đứng thứ 2".
  // End-anchored patterns are tried at every position of their window: look for their last word first.
  const rank = before.includes('thứ') ? /(?:xếp\s+hạng|xếp|đứng|vị\s+trí|hạng)(?:\s+thứ)\s*$/iu.exec(before) : null;
  let unit: UnitRead | null;
  if (rank) unit = { unit: 'hạng', end: n.span[1] };
  else {
    // "66,1-66,9 triệu đồng": the lower bound takes the unit of the upper bound.
    const joined = next && /^\s*(?:[-–]|đến|tới)\s*$/u.test(s.slice(n.span[1], next.span[0]));
    unit = unitAfter(s, joined ? next!.span[1] : n.span[1]);
  }
  // An enumeration that drops the noun after its first figure: "15 nhiệm vụ hoàn thành, 12 cần tiếp tục".
  if (!unit && prevUnit && ELLIPSIS_RE.test(s.slice(n.span[1], n.span[1] + 12))) unit = { unit: prevUnit, end: n.span[1] };
  if (!unit) return null;
  if (TIME_UNITS.has(unit.unit)) return null;
  // A bare year ("2022") is not a quantity; "2.000 MW", written with a thousands dot, is.
  if (!n.words && /^\d{4}$/.test(n.raw) && n.value >= 1900 && n.value <= 2100 && unit.unit !== '%' && !COUNT_NOUN_RE.test(s.slice(n.span[1]))) return null;
  const q = approxBefore(before);
  let approx = q.approx;
  // A sentence that opens as an estimate ("Ước số giải ngân … là 304.219,4 tỷ đồng", "Dự kiến …") qualifies its figures.
  if (approx === 'exact' && /^(?:Ước|Ước tính|Ước đạt|Dự kiến|Dự báo|Khoảng)(?![\p{L}])/u.test(s)) approx = 'about';
  // "từ 8% trở lên" is at least 8%; "từ 30 tuổi trở xuống" at most 30.
  const afterUnit = s.slice(unit.end, unit.end + 40);
  const bound = afterUnit.includes('trở') ? /^\s*(?:\p{L}+\s+){0,3}?trở\s+(lên|xuống)(?![\p{L}])/u.exec(afterUnit) : null;
  if (bound && /(?<![\p{L}])từ\s*$/iu.test(before.slice(0, before.length - q.length))) approx = bound[1] === 'lên' ? 'at_least' : 'at_most';
  const beforeQ = before.slice(0, before.length - q.length);
  const change = CHANGE_TABLE.match(beforeQ);
  const direction: 'up' | 'down' | null = change ? change.value : null;
  // Range bounds: "từ 3 đến 5 tỷ đồng" is at least 3 and at most 5.
  const prevJoin = /(?:đến|tới|[-–])\s*$/u.test(beforeQ) && /\d[\d.,]*\s*(?:đến|tới|[-–])\s*$/u.test(beforeQ);
  if (/(?<![\p{L}])từ\s*$/iu.test(beforeQ) && next && /^\s*(?:đến|tới|-|–)\s*$/u.test(s.slice(n.span[1], next.span[0]))) approx = 'at_least';
  else if (prevJoin && /(?<![\p{L}])từ\s+[\d.,]+\s*(?:đến|tới|[-–])\s*$/iu.test(beforeQ)) approx = 'at_most';
  const clause = clauseBounds(s, n.span[0], marks);
  const parts = rank
    ? { metric: metricForRank(s, n), keyText: metricForRank(s, n), subject: '', comparison: null }
    : composeMetric(s, n, q.length, unit, dates, prevSubject, clause);
  const resolved = periodFor(s, dates, n.span, frame, clause, publishedOn);
  const [cs, ce] = clause;
  return {
    frame: resolved.framing ? resolved.period : null,
    clauseStart: cs,
    claim: {
      metric: parts.metric, metricKey: metricKey(parts.keyText, unit.unit, () => withoutDates(s, cs, ce, dates)), value: n.value, unit: unit.unit, approx, period: resolved.period,
      change: direction, comparison: parts.comparison, source: null, sentence: s, span: [from + n.span[0], from + n.span[1]],
    },
    subject: parts.subject,
  };
}

function metricForRank(s: string, n: NumberMention): string {
  const after = s.slice(n.span[1]);
  const stop = after.search(STOP_AT);
  const words = (stop >= 0 ? after.slice(0, stop) : after).trim().split(/\s+/).slice(0, 10);
  return ['xếp hạng', ...words].join(' ').trim();
}
