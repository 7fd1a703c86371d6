/**
 * Officials named in an article, with every title the article gives them. Titles, ranks and organizations
 * stack in many orders before a name ("Bộ trưởng Bộ Công an, Đại tướng Tô Lâm", "Đại tướng, Bộ trưởng Quốc
 * phòng Phan Văn Giang", "Bộ trưởng - Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn") or follow it as an
 * apposition ("Phạm Minh Chính, Chủ tịch Ủy ban Quốc gia về chuyển đổi số"). A name with no title anywhere
 * in the article is not an official (authors, photographers, private persons).
 */
import type { Official, Span } from '../types.js';
import { ACADEMIC, FAMILY_NAMES, HONORIFICS, RANKS, TITLE_MODIFIERS, TITLES } from './data/people.js';
import { COUNTRIES, MINISTRIES, PROVINCES_2025, PROVINCES_MERGED_2025 } from './data/organizations.js';
import { expandAbbreviations, matchOrganizationAt, matchPlaceAt, matchProvinceAt } from './organizations.js';
import { alternation, matchWords, WE } from '../text/regex.js';
import { canonicalKey } from '../text/normalize.js';
import { SpanSet } from '../text/spans.js';

const E = WE;
const TITLE_RE = new RegExp(String.raw`(?:(${alternation(TITLE_MODIFIERS)})\s+)?(${alternation(TITLES)})${E}`, 'uy');
const RANK_RE = new RegExp(String.raw`(?:${alternation(RANKS)})${E}`, 'uy');
const PREFIX_RE = new RegExp(String.raw`(?:${alternation([...ACADEMIC, ...HONORIFICS])})${E}\.?`, 'uy');
const SYL = String.raw`\p{Lu}[\p{Ll}\p{M}]*`;
/** Between the syllables of a name: spaces, never a line break (a caption line's name ends at its line). */
const GAP = String.raw`[^\S\n]+`;
const NAME_RE = new RegExp(String.raw`${SYL}(?:${GAP}${SYL}){1,3}${E}`, 'uy');
/**
 * Where a chain may start: a title, rank, prefix or honorific, with a modifier before it ("nguyên Bộ
 * trưởng"). Capitalized and lowercase starters are scanned for apart, and modifiers looked for before a
 * hit: one pattern that opens with either case (and with "cựu", "tân", "nguyên") is tried at nearly every
 * letter of the text, and measured three times slower than the two scans together.
 */
const STARTERS = [...TITLES, ...RANKS, ...ACADEMIC, ...HONORIFICS];
const CAPITALIZED = /^\p{Lu}/u;
const START_RES = [
  new RegExp(String.raw`(?:${alternation(STARTERS.filter((t) => CAPITALIZED.test(t)))})${E}`, 'gu'),
  new RegExp(String.raw`(?:${alternation(STARTERS.filter((t) => !CAPITALIZED.test(t)))})${E}`, 'gu'),
];
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const MODIFIER_BEFORE_RE = new RegExp(String.raw`(?<![\p{L}\p{N}\p{M}])(?:${alternation(TITLE_MODIFIERS)})\s+$`, 'u');
const FAMILY_START_RE = new RegExp(String.raw`(?:${alternation(FAMILY_NAMES)})(?:${GAP}${SYL}){1,3}${E}`, 'gu');
/** "Ông Đỗ Nhất Hoàng" opening a sentence: "Ông" is a family name too, but before another one it is "Mr.". */
const HONORIFIC_FIRST_RE = /^(?:Ông|Bà)[^\S\n]+(?=\p{Lu})/u;
/** More names after a chain's name, or after its title and a colon: "các Phó Tổng cục trưởng A, B, C;". */
const NEXT_NAME_RE = new RegExp(String.raw`\s*(?:,|:|;|và)\s*(${SYL}(?:${GAP}${SYL}){1,3})${E}`, 'uy');
/** Before a chain: its first title belongs to someone else ("Thừa ủy quyền của Thủ tướng Chính phủ, Bộ trưởng …"). */
const ON_BEHALF_RE = /(?<![\p{L}])(?:của|thay\s+mặt|ủy\s+quyền|uỷ\s+quyền)\s+$/iu;
/** "của Quốc hội" completing a title's organization: "Chủ nhiệm Ủy ban Tài chính, Ngân sách của Quốc hội". */
const OF_BODY_RE = /\s+của\s+/uy;
/** Ministries written without "Bộ" after a minister's title: "Bộ trưởng Quốc phòng". */
const MINISTRY_BARE_RE = new RegExp(
  String.raw`(?:${alternation(MINISTRIES.filter((m) => m.name.startsWith('Bộ ')).map((m) => m.name.slice(3)))})${E}`,
  'uy',
);
/** A country after a title makes a foreign official: "Tổng thống Hàn Quốc", "Đại sứ Nhật Bản tại Việt Nam". */
const COUNTRY_RE = new RegExp(String.raw`\s+(${alternation(COUNTRIES)})${E}(?:\s+tại\s+Việt\s+Nam${E})?`, 'uy');
const SEP_RE = /\s*(,|-|–|kiêm|:)\s*|\s+/uy;
/** Words that may start a capitalized run but never a person's name. */
const NOT_NAME_START = new Set(['Chính', 'Quốc', 'Nhà', 'Việt', 'Bộ', 'Ủy', 'Uỷ', 'Văn', 'Ban', 'Sở', 'Cục', 'Vụ', 'Tổng', 'Trung', 'Hội', 'Đảng', 'Nhân', 'Thành', 'Tỉnh', 'Thủ', 'Phó', 'Ngân', 'Kho', 'Tòa', 'Viện', 'Đoàn', 'Tập', 'Công', 'Theo', 'Tại', 'Trong', 'Sáng', 'Chiều', 'Ngày', 'Hà', 'Thanh']);
const FAMILY = new Set(FAMILY_NAMES);

interface Chain {
  titles: string[];
  name: string | null;
  start: number;
  end: number;
  nameSpan: Span | null;
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Parses title, rank, prefix and organization pieces from `at`, up to a name if one follows. */
function parseChain(text: string, at: number, requireName: boolean): Chain | null {
  const titles: string[] = [];
  let cur = at;
  let lastEnd = at;
  let pendingMinisterPrefix: string | null = null;
  /** A foreign official's name need not look Vietnamese ("Antony Blinken", "Zelenskyy"). */
  let foreign = false;
  for (let guard = 0; guard < 12; guard++) {
    const p = sticky(PREFIX_RE, text, cur);
    if (p) { cur += p[0].length; cur = skipSpaces(text, cur); continue; }
    const r = sticky(RANK_RE, text, cur);
    if (r) {
      titles.push(r[0]);
      cur = lastEnd = cur + r[0].length;
    } else {
      const t = sticky(TITLE_RE, text, cur);
      if (t) {
        let title = t[0].replace(/\s+/g, ' ');
        cur += t[0].length;
        const bareMinistry = /(?:Bộ|Thứ) trưởng$/.test(title) ? sticky(MINISTRY_BARE_RE, text, skipSpaces(text, cur)) : null;
        const org = bareMinistry ? null : matchOrganizationAt(text, skipSpaces(text, cur));
        if (bareMinistry && skipSpaces(text, cur) > cur) {
          title += ` Bộ ${bareMinistry[0]}`;
          cur = skipSpaces(text, cur) + bareMinistry[0].length;
        } else if (org && skipSpaces(text, cur) > cur) {
          title += ` ${org.name}`;
          cur = org.end;
          const of = sticky(OF_BODY_RE, text, cur);
          const parent = of ? matchOrganizationAt(text, cur + of[0].length) : null;
          if (of && parent?.known) {
            title += ` của ${parent.name}`;
            cur = parent.end;
          }
        }
        // The place of a local post ("UBND tỉnh Quảng Ninh"), or the province of a Party committee written
        // without a place word ("Bí thư Thành ủy Hà Nội").
        const place = matchPlaceAt(text, cur) ?? (/(?:Thành|Tỉnh) ủy$/u.test(title) ? matchProvinceAt(text, cur) : null);
        if (place) {
          title += place.kind ? ` ${place.kind} ${place.name}` : ` ${place.name}`;
          cur = place.end;
        }
        const country = org || place ? null : sticky(COUNTRY_RE, text, cur);
        if (country) {
          title += country[0].replace(/\s+/g, ' ');
          cur += country[0].length;
          foreign = true;
        }
        title = expandAbbreviations(title);
        // "Trưởng", "Phó Trưởng" name a post only with what they head: alone they are not a title.
        if (/^(?:Phó )?Trưởng$/.test(title)) break;
        if (pendingMinisterPrefix && title !== 'Bộ trưởng') {
          // "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ": one post, written as two words.
          titles.push(`${pendingMinisterPrefix}${title}`);
          pendingMinisterPrefix = null;
        } else if (title === 'Bộ trưởng' || title === 'Quyền Bộ trưởng') {
          const sep = /^\s*([,\-–])\s*/.exec(text.slice(cur, cur + 4));
          if (sep && sticky(TITLE_RE, text, cur + sep[0].length)) pendingMinisterPrefix = `${title}${sep[1] === ',' ? ',' : ` ${sep[1]}`} `;
          else titles.push(title);
        } else titles.push(title);
        lastEnd = cur;
      } else {
        const n = sticky(NAME_RE, text, cur);
        if (n && titles.length && isPlausibleName(n[0], true, foreign)) {
          return { titles, name: n[0].replace(/\s+/g, ' '), start: at, end: cur + n[0].length, nameSpan: [cur, cur + n[0].length] };
        }
        break;
      }
    }
    const sep = sticky(SEP_RE, text, cur);
    if (!sep || /\n/.test(sep[0])) break;
    cur += sep[0].length;
  }
  if (pendingMinisterPrefix) titles.push(pendingMinisterPrefix.replace(/[,\s\-–]+$/, ''));
  if (requireName || !titles.length) return null;
  return { titles, name: null, start: at, end: lastEnd, nameSpan: null };
}

function skipSpaces(text: string, at: number): number {
  while (at < text.length && text[at] === ' ') at++;
  return at;
}

/** Places that look like personal names ("Hà Nội", "Lâm Đồng", "Cao Bằng" start with family names). */
const PLACES = new Set([...PROVINCES_2025, ...Object.keys(PROVINCES_MERGED_2025), 'Hồ Chí Minh', 'Thủ Đức', 'Hạ Long', 'Vũng Tàu', 'Phú Quốc']);

function isPlausibleName(name: string, afterTitle: boolean, foreign = false): boolean {
  if (PLACES.has(name)) return false;
  const parts = name.split(/\s+/);
  if (NOT_NAME_START.has(parts[0]!) && !FAMILY.has(parts[0]!)) return false;
  // A Vietnamese syllable has at most seven letters ("nghiêng"); foreign names are longer.
  if (parts.some((p) => p.length > (foreign ? 14 : 8) || /^\p{Lu}{2,}$/u.test(p))) return false;
  return afterTitle || FAMILY.has(parts[0]!);
}

function addTitle(list: string[], title: string): void {
  const t = title.trim();
  if (!t) return;
  const lower = t.toLowerCase();
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!.toLowerCase();
    if (x === lower || x.includes(lower)) return;
    if (lower.includes(x)) { list[i] = t; return; }
  }
  list.push(t);
}

/** Officials of an article, once each, in order of first mention. */
export function extractOfficials(text: string): Official[] {
  const people = new Map<string, Official>();
  // A name recurs through an article ("Thủ tướng Phạm Minh Chính" … "Phạm Minh Chính"): its key is made once.
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) {
      key = canonicalKey(name);
      keys.set(name, key);
    }
    return key;
  };
  const record = (name: string, titles: string[], span: Span) => {
    const key = keyOf(name);
    let o = people.get(key);
    if (!o) {
      o = { name, titles: [], key, mentions: [], span };
      people.set(key, o);
    }
    for (const t of titles) addTitle(o.titles, t);
    if (!o.mentions.some((m) => m[0] === span[0])) o.mentions.push(span);
  };
  const covered = new SpanSet();
  // Chains without a name, and honorifics with a given name only: later mentions, read once the article's
  // people are known.
  const references: { start: number; chain: Chain | null }[] = [];
  for (let start of chainStarts(text)) {
    if (covered.contains(start)) continue;
    // "Thừa ủy quyền của Thủ tướng Chính phủ, Bộ trưởng Bộ Kế hoạch và Đầu tư Nguyễn Chí Dũng": the first
    // title is the one on whose behalf the next person acts.
    const t = ON_BEHALF_RE.test(text.slice(Math.max(0, start - 16), start)) ? sticky(TITLE_RE, text, start) : null;
    if (t) {
      // The title, and its organization when one follows it after a space.
      const titleEnd = start + t[0].length;
      const orgAt = skipSpaces(text, titleEnd);
      const end = orgAt > titleEnd ? matchOrganizationAt(text, orgAt)?.end ?? titleEnd : titleEnd;
      const comma = /^\s*,\s*/.exec(text.slice(end, end + 6));
      if (comma) start = end + comma[0].length;
    }
    const chain = parseChain(text, start, false);
    if (!chain || !chain.name || !chain.nameSpan) {
      references.push({ start, chain });
      continue;
    }
    covered.add(chain.start, chain.end);
    const after = apposition(text, chain.end);
    record(chain.name, [...chain.titles, ...after.titles], chain.nameSpan);
    if (after.end > chain.end) covered.add(chain.end, after.end);
    // An enumeration under one title: "các Phó Tổng cục trưởng Nguyễn Thanh Dương, Nguyễn Trung Tiến, Lê Trung
    // Hiếu;" — each further name that starts with a family name takes the same titles. After a colon, the
    // items may carry titles of their own, set off by ";": "các Ủy viên Bộ Chính trị: A, Phó Thủ tướng; B, …".
    const listed = /:\s*$/.test(text.slice(chain.start, chain.nameSpan[0]));
    let at = Math.max(chain.end, after.end);
    for (let k = 0; k < 20 && (listed || !after.titles.length); k++) {
      const next = sticky(NEXT_NAME_RE, text, at);
      if (!next || (next[0].trimStart().startsWith(';') && !listed)) break;
      const name = next[1]!.replace(/\s+/g, ' ');
      if (!isPlausibleName(name, false)) break;
      const nameEnd = at + next[0].length;
      const own = listed ? apposition(text, nameEnd) : { titles: [], end: nameEnd };
      record(name, [...chain.titles, ...own.titles], [nameEnd - next[1]!.length, nameEnd]);
      covered.add(at, Math.max(nameEnd, own.end));
      at = Math.max(nameEnd, own.end);
    }
  }
  // "Nguyễn Hòa Bình, Phó Thủ tướng Thường trực Chính phủ": a name first, its titles after it.
  for (const m of matchWords(FAMILY_START_RE, text)) {
    if (covered.contains(m.index)) continue;
    // "Ông Đỗ Nhất Hoàng, Cục trưởng …": the honorific is not part of the name.
    const honorific = HONORIFIC_FIRST_RE.exec(m[0]);
    const written = honorific && FAMILY.has(m[0].slice(honorific[0].length).split(/\s/)[0]!) ? m[0].slice(honorific[0].length) : m[0];
    const name = written.replace(/\s+/g, ' ');
    if (!isPlausibleName(name, false)) continue;
    const span: Span = [m.index + m[0].length - written.length, m.index + m[0].length];
    const after = apposition(text, span[1]);
    const key = keyOf(name);
    if (after.titles.length) record(name, after.titles, span);
    else if (people.has(key)) people.get(key)!.mentions.push(span);
  }
  // Private persons are not officials: someone whose every post is in a company or a business association.
  const officials = [...people.values()].filter((o) => o.titles.some((t) => !isPrivatePost(t)));
  addLaterMentions(text, officials, references, covered);
  for (const o of officials) o.mentions.sort((a, b) => a[0] - b[0]);
  return officials.sort((a, b) => a.span[0] - b.span[0]);
}

/** A given name alone after a title or an honorific ("Bộ trưởng Lâm", "ông Chính"): one syllable, no more. */
const GIVEN_NAME_RE = new RegExp(String.raw`${GAP}(${SYL})(?!${GAP}\p{Lu})${E}`, 'uy');
/** Honorifics that may stand before a given name alone. */
const SHORT_HONORIFIC_RE = new RegExp(String.raw`(?:${alternation(HONORIFICS)})(?![\p{L}])`, 'uy');

/**
 * Later mentions of the article's officials: a title alone or with the given name ("Thủ tướng nhấn mạnh",
 * "Bộ trưởng Lâm"), an honorific with the given name ("ông Chính"). Each goes to the one person of the
 * article it can mean; a reference that fits two people (or none) is left alone. `references` are the chain
 * starts that led to no name.
 */
function addLaterMentions(text: string, officials: Official[], references: readonly { start: number; chain: Chain | null }[], covered: SpanSet): void {
  if (!officials.length) return;
  const given = (o: Official) => o.name.slice(o.name.lastIndexOf(' ') + 1);
  const only = (list: Official[]) => (list.length === 1 ? list[0]! : null);
  const add = (o: Official, span: Span) => {
    if (!o.mentions.some((m) => m[0] < span[1] && span[0] < m[1])) o.mentions.push(span);
  };
  for (const { start, chain } of references) {
    if (covered.contains(start)) continue;
    if (!chain || !chain.titles.length) {
      // "ông Chính": an honorific and a given name.
      const h = sticky(SHORT_HONORIFIC_RE, text, start);
      const name = h ? sticky(GIVEN_NAME_RE, text, start + h[0].length) : null;
      const person = name ? only(officials.filter((o) => given(o) === name[1])) : null;
      if (person) add(person, [start, start + h![0].length + name![0].length]);
      continue;
    }
    // The person holding every title of the reference, the title read as the start of theirs.
    const holders = officials.filter((o) => chain.titles.every((t) => o.titles.some((x) => x === t || x.startsWith(`${t} `))));
    const name = sticky(GIVEN_NAME_RE, text, chain.end);
    if (name) {
      const person = only(holders.filter((o) => given(o) === name[1]));
      if (person) add(person, [chain.start, chain.end + name[0].length]);
      continue;
    }
    const person = only(holders);
    if (person) add(person, [chain.start, chain.end]);
  }
}

/** Organizations whose posts are not public ones: companies, boards, business and trade associations. */
const PRIVATE_ORG_RE = /(?<![\p{L}])(?:Công\s+ty|Hội\s+đồng\s+[Qq]uản\s+trị|HĐQT|Ngân\s+hàng\s+TMCP|Hiệp\s+hội|Hội\s+(?!đồng)(?=\p{Lu})[^,;]*?(?:[Dd]oanh\s+(?:nhân|nghiệp)|[Dd]ệt|[Mm]ay|[Tt]hương\s+mại))/u;
/** Mass organizations of the Fatherland Front: their leaders hold public posts. */
const PUBLIC_ASSOCIATION_RE = /Hội\s+(?:Nông\s+dân|Liên\s+hiệp\s+Phụ\s+nữ|Cựu\s+chiến\s+binh|Chữ\s+thập\s+đỏ|Nhà\s+báo|Luật\s+gia)/u;

function isPrivatePost(title: string): boolean {
  return PRIVATE_ORG_RE.test(title) && !PUBLIC_ASSOCIATION_RE.test(title);
}

/** The starts of chains, in order, as one left-to-right scan for a (modified) starter finds them: no overlaps. */
function chainStarts(text: string): number[] {
  const hits: Span[] = [];
  for (const re of START_RES) for (const m of matchWords(re, text)) hits.push([m.index, m.index + m[0].length]);
  hits.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  let end = 0;
  for (const [s, e] of hits) {
    if (s < end) continue;
    const mod = MODIFIER_BEFORE_RE.exec(text.slice(Math.max(0, s - 16), s));
    const at = mod ? s - mod[0].length : s;
    // The window may cut a word: the modifier must start a word of the whole text.
    starts.push(at >= end && (at === 0 || !WORD_CHAR.test(text[at - 1]!)) ? at : s);
    end = e;
  }
  return starts;
}

/** Titles given right after a name, set off by a comma: ", Chủ tịch Ủy ban …". Stops before another name. */
function apposition(text: string, at: number): { titles: string[]; end: number } {
  const m = /^\s*[,(]\s*/.exec(text.slice(at, at + 4));
  if (!m) return { titles: [], end: at };
  const chain = parseChain(text, at + m[0].length, false);
  if (!chain || chain.name) return { titles: [], end: at };
  return { titles: chain.titles, end: chain.end };
}

/** A title's post and organization: "Bộ trưởng Bộ Công an" is the post "Bộ trưởng" of "Bộ Công an". */
export interface TitleParts {
  post: string;
  organization: string | null;
}

const POST_RE = new RegExp(String.raw`(?:(?:${alternation(TITLE_MODIFIERS)})\s+)?(?:${alternation([...TITLES, ...RANKS])})${E}`, 'uy');
const POST_JOIN_RE = /\s*(?:,|-|–|kiêm)\s*/uy;

/**
 * Splits a title as extracted into its post and organization. Posts written as one ("Bộ trưởng, Chủ nhiệm
 * Văn phòng Chính phủ") stay one post; a title whose organization is part of the post ("Thủ tướng Chính
 * phủ", "Chủ tịch nước") has none of its own.
 */
export function splitTitle(title: string): TitleParts {
  let end = 0;
  for (;;) {
    const post = sticky(POST_RE, title, end);
    if (!post) break;
    end += post[0].length;
    const join = sticky(POST_JOIN_RE, title, end);
    if (!join || !sticky(POST_RE, title, end + join[0].length)) break;
    end += join[0].length;
  }
  if (!end) return { post: title, organization: null };
  let post = title.slice(0, end).trim();
  let organization = title.slice(end).replace(/^[\s,]+/, '').trim() || null;
  // "Phó Chủ tịch UBND tỉnh Hà Giang": the people's committee and its province are the organization.
  const local = /\s(UBND|HĐND|[ỦU][yỷ] ban nhân dân|Hội đồng nhân dân)$/u.exec(post);
  if (local && organization) {
    post = post.slice(0, local.index);
    organization = `${local[1]} ${organization}`;
  }
  return { post, organization };
}
