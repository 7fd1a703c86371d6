/**
 * Recognizing organization names in running text: the gazetteer first (ministries and bodies with their
 * abbreviations), then a head word ("Cục", "Ủy ban", "Sở") and what follows it up to a stop word.
 */
import { BODIES, MINISTRIES, ORG_ABBREVIATIONS, ORG_HEADS, PROVINCES_2025, PROVINCES_MERGED_2025, type Organization } from './data/organizations.js';
import { alternation, matchWords } from '../text/regex.js';
import { FAMILY_NAMES } from './data/people.js';

export interface OrgMatch {
  /** Canonical name: gazetteer spelling, abbreviations expanded. */
  name: string;
  /** The text as written. */
  raw: string;
  start: number;
  end: number;
  known: Organization | null;
}

const GAZETTEER: { written: string; org: Organization }[] = [...MINISTRIES, ...BODIES]
  .flatMap((org) => [org.name, ...(org.aliases ?? [])].map((written) => ({ written, org })))
  .sort((a, b) => b.written.length - a.written.length);
const GAZETTEER_RE = new RegExp(`^(?:${alternation(GAZETTEER.map((g) => g.written))})(?![\\p{L}\\p{N}])`, 'u');
const HEAD_RE = new RegExp(`^(?:${alternation(ORG_HEADS)})(?![\\p{L}\\p{N}])`, 'u');

/**
 * Where a name may start: a capitalized gazetteer name or head word, the only starts matchOrganizationAt
 * accepts. Scanned for as words: a scan for every capital letter (\p{Lu}, hundreds of character ranges) cost
 * more than the names it found.
 */
const ORG_START_RE = new RegExp(
  `(?:${alternation([...GAZETTEER.map((g) => g.written), ...ORG_HEADS].filter((w) => /^\p{Lu}/u.test(w)))})(?![\p{L}\p{N}])`,
  'gu',
);

/** Lowercase words that end an organization's name: verbs, prepositions, determiners. */
const STOP_WORDS = new Set([
  'đã', 'đang', 'sẽ', 'vừa', 'chủ', 'cho', 'phát', 'nhấn', 'khẳng', 'yêu', 'đề', 'chỉ', 'tham', 'dự', 'cùng', 'tại',
  'trong', 'khi', 'với', 'là', 'có', 'được', 'để', 'nhằm', 'theo', 'từ', 'đến', 'trên', 'sau', 'trước', 'này',
  'đó', 'thì', 'mà', 'như', 'cũng', 'không', 'chưa', 'các', 'những', 'ngày', 'tháng', 'số', 'lần', 'thứ',
  'vào', 'ra', 'của', 'báo', 'trình', 'tổ', 'ban', 'thực', 'triển', 'tiếp', 'làm', 'đánh', 'đặt', 'gửi',
  'cần', 'phải', 'nêu', 'giao', 'kiến', 'tổng', 'đồng', 'hướng', 'họp', 'công', 'thông', 'quy', 'ông', 'bà',
  'sáng', 'chiều', 'tối', 'hôm', 'nay', 'năm', 'qua', 'lại', 'hay', 'hoặc', 'nên', 'vì', 'do', 'bởi', 'tiến', 'giải',
]);
/** Two words whose first is a stop word elsewhere: "Trung tâm Đổi mới sáng tạo Quốc gia". */
const NOT_STOPPED = new Set(['sáng tạo', 'công nghệ', 'thông tin', 'tổng hợp', 'quy hoạch', 'đồng bằng', 'phát triển']);

/** The word (letters) after offset `at`, lowercase. */
function nextWord(text: string, at: number): string {
  return /^\s*([\p{L}\p{M}]+)/u.exec(text.slice(at, at + 24))?.[1]?.toLowerCase() ?? '';
}

/** Words allowed inside a name between capitalized words: "Kế hoạch và Đầu tư", "Ủy ban Quốc gia về chuyển đổi số". */
const LINKS = new Set(['và', 'về', '-', '–']);
/** Words after which a place name follows: "UBND tỉnh Thanh Hóa", "Sở Tài chính thành phố Hà Nội". */
const PLACE_WORDS_RE = /\s+(tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|đặc khu)\s+(\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})/uy;
/** Capitalized words right after a Party committee ("Thành ủy Hà Nội"), where a province may be named. */
const CAPITALIZED_WORDS_RE = /\s+(\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})/uy;
const PLACE_START = new Set(['tỉnh', 'thành', 'TP', 'TP.', 'huyện', 'quận', 'xã', 'phường', 'đặc']);
const TERM_RE = /^\s+(khóa|khoá|nhiệm kỳ)\s+([IVXLC]+|\d{1,2})(?![\p{L}\p{N}])/u;
const FAMILY = new Set(FAMILY_NAMES);
/** Province and city names as written after "tỉnh" or "thành phố", longest first. */
const PROVINCE_NAMES = [...PROVINCES_2025.map((p) => p.replace(/^Thành phố /, '')), ...Object.keys(PROVINCES_MERGED_2025), 'Thừa Thiên Huế']
  .sort((a, b) => b.length - a.length);

/**
 * The place in "UBND tỉnh Quảng Ninh Cao Tường Huy": a province's name when one is written (the person's
 * name follows it); else the capitalized words up to a family name that another capitalized word follows
 * ("huyện Đông Anh Nguyễn Văn A"). A family name opening the place is part of it ("Hà Nội", "quận Lê Chân").
 */
function placeName(kind: string, words: string): string {
  if (/^(?:tỉnh|thành phố|TP\.?)$/.test(kind)) {
    const province = provinceOpening(words);
    if (province) return province;
  }
  const parts = [...words.matchAll(/\S+/g)];
  for (let i = 1; i < parts.length - 1; i++) if (FAMILY.has(parts[i]![0])) return words.slice(0, parts[i]!.index).trimEnd();
  return words;
}

/** The province whose name opens `words`, if any. */
const provinceOpening = (words: string) => PROVINCE_NAMES.find((p) => words === p || words.startsWith(`${p} `)) ?? null;

export interface PlaceMatch {
  /** The place word as written ("tỉnh", "TP"); null for a province named without one. */
  kind: string | null;
  name: string;
  end: number;
}

/** A place word and its place at `at`: " tỉnh Quảng Ninh Cao Tường Huy" → tỉnh, "Quảng Ninh". */
export function matchPlaceAt(text: string, at: number): PlaceMatch | null {
  PLACE_WORDS_RE.lastIndex = at;
  const m = PLACE_WORDS_RE.exec(text);
  if (!m) return null;
  const name = placeName(m[1]!, m[2]!);
  return { kind: m[1]!, name, end: at + m[0].length - m[2]!.length + name.length };
}

/** A province named at `at` without a place word: " Hà Nội Đinh Tiến Dũng" → "Hà Nội" (after "Thành ủy"). */
export function matchProvinceAt(text: string, at: number): PlaceMatch | null {
  CAPITALIZED_WORDS_RE.lastIndex = at;
  const m = CAPITALIZED_WORDS_RE.exec(text);
  const name = m ? provinceOpening(m[1]!) : null;
  return name ? { kind: null, name, end: at + m![0].length - m![1]!.length + name.length } : null;
}

const ABBREVIATION_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(Object.keys(ORG_ABBREVIATIONS))})(?![\\p{L}\\p{N}])`, 'gu');

export function expandAbbreviations(name: string): string {
  // Every abbreviation starts with two capitals: most names have none and skip the pattern.
  return TWO_CAPITALS_RE.test(name) ? name.replace(ABBREVIATION_RE, (abbr) => ORG_ABBREVIATIONS[abbr] ?? abbr) : name;
}
const TWO_CAPITALS_RE = /[A-ZĐ]{2}/;

/** The organization name starting exactly at `at`, or null. */
export function matchOrganizationAt(text: string, at: number): OrgMatch | null {
  const rest = text.slice(at, at + 200);
  let end = at;
  let name: string;
  let known: Organization | null = null;
  const g = GAZETTEER_RE.exec(rest);
  if (g) {
    const written = g[0].replace(/\s+/g, ' ');
    known = GAZETTEER.find((x) => x.written === written)?.org ?? null;
    name = known && known.aliases?.includes(written) && !/^Ngân hàng Nhà nước$/.test(written) ? known.name : written;
    end = at + g[0].length;
  } else {
    const h = HEAD_RE.exec(rest);
    if (!h) return null;
    end = at + h[0].length;
    let lowerRun = 0;
    // A head of several capitalized words ("Ban Chỉ đạo") counts as a capitalized name already: "Ban Chỉ đạo
    // quốc gia về phát triển khoa học" goes on after it.
    let capitals = (h[0].match(/\s\p{Lu}/gu) ?? []).length;
    let afterVe = false;
    let pairNext = false;
    const tokenRe = /\s*([\p{L}\p{M}&.]+|[-–])/uy;
    for (let n = 0; n < 10; n++) {
      tokenRe.lastIndex = end;
      const t = tokenRe.exec(text);
      if (!t || /\n/.test(t[0])) break;
      let word = t[1]!;
      // A word that carries the sentence's full stop ("Trung ương.") is the last word of the name.
      let last = false;
      if (word.length > 1 && word.endsWith('.') && !/\.\p{L}/u.test(word)) {
        word = word.slice(0, -1);
        tokenRe.lastIndex -= 1;
        last = true;
      }
      const isCap = /^\p{Lu}/u.test(word);
      // A place word ("tỉnh", "TP") ends the name: the place is read below.
      if (PLACE_START.has(word)) break;
      if (isCap) {
        // A capitalized family name followed by another capital starts a person's name: stop there.
        if (FAMILY.has(word) && /^\s+\p{Lu}/u.test(text.slice(tokenRe.lastIndex, tokenRe.lastIndex + 3)) && capitals > 0) break;
        capitals++;
        lowerRun = 0;
        end = tokenRe.lastIndex;
        if (last) break;
        continue;
      }
      if (LINKS.has(word)) {
        const next = /^\s*(\p{Lu}|[\p{Ll}])/u.exec(text.slice(tokenRe.lastIndex, tokenRe.lastIndex + 4));
        if (word === 'về') {
          if (!capitals || !next) break;
          // "về" ends the name unless a word of it follows ("Ủy ban Quốc gia về chuyển đổi số").
          const after = nextWord(text, tokenRe.lastIndex);
          if (STOP_WORDS.has(after) && !NOT_STOPPED.has(`${after} ${nextWord(text, tokenRe.lastIndex + 1 + after.length)}`)) break;
          afterVe = true;
          // What follows "về" is the body's field, counted afresh ("… quốc gia về phát triển khoa học").
          lowerRun = 0;
          end = tokenRe.lastIndex;
          continue;
        }
        if (!next || !/\p{Lu}/u.test(next[1]!)) break;
        end = tokenRe.lastIndex;
        continue;
      }
      // The second word of an accepted pair ("phát triển") is part of the name whatever it is elsewhere.
      const pairSecond = pairNext;
      pairNext = false;
      if (!pairSecond && STOP_WORDS.has(word.toLowerCase())) {
        if (!NOT_STOPPED.has(`${word.toLowerCase()} ${nextWord(text, tokenRe.lastIndex)}`)) break;
        pairNext = true;
      }
      // Lowercase words continue a name only after a capitalized word ("Cục Quản lý đăng ký kinh doanh")
      // or after "về" ("Ủy ban Quốc gia về chuyển đổi số"), and only a few of them.
      if (!capitals && !afterVe) break;
      if (++lowerRun > 5) break;
      end = tokenRe.lastIndex;
      if (last) break;
    }
    if (!capitals && !afterVe) {
      // A bare head ("Bộ", "Ủy ban") names nothing on its own, except bodies that are names by themselves.
      if (!/^(?:Chính phủ|Quốc hội|UBND|HĐND)$/.test(h[0])) return null;
    }
    name = text.slice(at, end).replace(/\s+/g, ' ');
  }
  const place = matchPlaceAt(text, end);
  if (place && (!known || /^(?:Ủy ban|UBND|HĐND|Sở|Hội đồng)/.test(name))) {
    end = place.end;
    name += ` ${/^TP\.?$/.test(place.kind!) ? 'thành phố' : place.kind} ${place.name}`;
  }
  const term = TERM_RE.exec(text.slice(end, end + 20));
  if (term) {
    end += term[0].length;
    name += ` ${term[1]} ${term[2]}`;
  }
  return { name: expandAbbreviations(name.trim()), raw: text.slice(at, end), start: at, end, known };
}

/** A head word alone at `at` ("Ủy ban" in "phiên họp của Ủy ban"), which refers back to a fuller name. */
export function matchHeadAt(text: string, at: number): string | null {
  return HEAD_RE.exec(text.slice(at, at + 30))?.[0] ?? null;
}

/** Every organization named in `text`, left to right, not overlapping. */
export function findOrganizations(text: string): OrgMatch[] {
  const out: OrgMatch[] = [];
  const starts = ORG_START_RE;
  for (const m of matchWords(starts, text)) {
    const org = matchOrganizationAt(text, m.index);
    // A bare head names nothing ("Ban Chỉ đạo" with nothing after it): the words inside it are tried next.
    starts.lastIndex = org ? org.end : m.index + 1;
    if (org) out.push(org);
  }
  return out;
}

/** The day the 63 provinces became 34 (Resolution 202/2025/QH15). */
export const PROVINCES_MERGED_ON = '2025-07-01';

export interface Ended {
  name: string;
  /** Its last day. */
  until: string;
  /** What took over its work. */
  successor: string;
}

/**
 * Whether the organization in a title ("Bộ Kế hoạch và Đầu tư", "UBND tỉnh Hà Giang") no longer existed on
 * `day` (YYYY-MM-DD): the ministries and agencies merged in March 2025, the provinces merged on 1 July 2025.
 */
export function endedBy(organization: string, day: string): Ended | null {
  const org = matchOrganizationAt(organization, 0);
  const known = org?.known;
  if (known?.until && known.until < day) return { name: known.name, until: known.until, successor: known.successor ?? '' };
  const province = /(?:tỉnh|Tỉnh)\s+(.+)$/u.exec(organization);
  const merged = province ? PROVINCES_MERGED_2025[province[1]!.trim()] : undefined;
  if (merged && day >= PROVINCES_MERGED_ON) return { name: `tỉnh ${province![1]!.trim()}`, until: '2025-06-30', successor: merged };
  return null;
}
