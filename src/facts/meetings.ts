/**
 * Meetings an article reports or cites: the kind, the ordinal ("lần thứ 3", "Phiên họp thứ 12"), the body
 * holding it, the date (resolved against the publication date: "Sáng 25/12"), the chair ("chủ trì"), the
 * mode (trực tuyến, trực tiếp kết hợp trực tuyến) and the place. Mentions of one meeting are merged.
 */
import type { Meeting, MeetingMode, Official, Span } from '../types.js';
import { BOUND_BEFORE, MEETING_KINDS, MODE_PHRASES, ORDINAL_WORDS, VERB_KINDS } from './data/meetings.js';
import { ROMAN } from '../text/data/numbers.js';
import { alternation, matchWords } from '../text/regex.js';
import { datesWithin, findDates, type DateMention, type RefDate } from '../text/dates.js';
import { splitSentences, sentenceAt, type Sentence } from '../text/sentences.js';
import { matchOrganizationAt, matchHeadAt, findOrganizations, type OrgMatch } from './organizations.js';
import { foldKey } from '../text/normalize.js';
import { textOutside } from '../text/spans.js';

/** Whether the kind form's first syllable belongs to the word before it ("Quốc hội thảo luận"). */
function boundToWordBefore(form: string, before: string): boolean {
  const words = BOUND_BEFORE[form.split(/\s+/)[0]!.toLowerCase()];
  if (!words) return false;
  const previous = /(\p{L}+)\s+$/u.exec(before)?.[1]?.toLowerCase();
  return previous !== undefined && words.includes(previous);
}

const KIND_BY_FORM = new Map(MEETING_KINDS.flatMap((k) => k.forms.map((f) => [f, k.kind] as const)));
const KIND_RE = new RegExp(String.raw`(${alternation(KIND_BY_FORM.keys())})(?![\p{L}\p{N}])`, 'giu');
const ORDINAL_RE = new RegExp(
  String.raw`^\s*(?:\p{L}+\s+){0,3}?(?:lần\s+)?thứ\s+(\d{1,3}|[IVXL]+|${alternation(Object.keys(ORDINAL_WORDS))})(?![\p{L}\p{N}])`,
  'iu',
);
/** Plural or generic mentions name no particular meeting. */
const GENERIC_BEFORE_RE = /(?:các|những|nhiều|mỗi|một số|hàng|mọi|cuộc|buổi)\s*$/iu;
const CHAIR_RE = /chủ\s+trì|điều\s+hành|dưới\s+sự\s+chủ\s+trì/iu;
/** "chủ trì" names who chaired the meeting; "điều hành" may name who ran one part of it. */
const PRESIDED_RE = /điều\s+hành/iu;
/** How far after a meeting's kind word its day may be written ("họp báo … tổ chức sáng 29/6"). */
const DATE_AFTER_REACH = 160;
/** A report that opens after the kind word: a day after it belongs to what is reported ("Báo cáo tại hội
 * nghị, Bộ Xây dựng cho biết, ngày 03/4/2023, Thủ tướng đã ban hành …"), not to the meeting. */
const REPORTED_RE = /(?<![\p{L}])(?:cho\s+biết|cho\s+rằng|cho\s+hay|nhấn\s+mạnh|khẳng\s+định|nêu\s+rõ|thông\s+tin)(?![\p{L}])/iu;
const LOCATION_RE = /(?<![\p{L}])tại\s+((?:trụ sở|Nhà Quốc hội|Phủ Chủ tịch|Trung tâm Hội nghị|Hội trường|thủ đô|Thủ đô|tỉnh|thành phố|TP\.?|Hà Nội|Điểm cầu)[^,.;]{0,60})/u;

function ordinalValue(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const up = s.toUpperCase();
  if (ROMAN[up] !== undefined && /^[IVXL]+$/.test(s)) return ROMAN[up]!;
  return ORDINAL_WORDS[s.toLowerCase()] ?? null;
}

function modeOf(sentence: string): MeetingMode | null {
  const f = sentence.toLowerCase();
  for (const { mode, phrases } of MODE_PHRASES) if (phrases.some((p) => f.includes(p))) return mode;
  return null;
}

interface Candidate extends Meeting {
  sentence: Sentence;
  /** 2 when the chair is the one who "chủ trì", 1 for "điều hành", 0 with no chair. */
  chairRank: number;
}

export interface MeetingContext {
  publishedOn?: RefDate;
  /** The text's sentences and dates, when the caller has them already. */
  sentences?: readonly Sentence[];
  dates?: readonly DateMention[];
  officials?: readonly Official[];
}

interface SentenceFeatures {
  /** The days named in the sentence, and every date or period in it. */
  dates: DateMention[];
  periods: DateMention[];
  chaired: boolean;
  chair: string | null;
  chairRank: number;
  mode: MeetingMode | null;
  location: string | null;
}

function readSentence(sentence: Sentence, periods: DateMention[], officials: readonly Official[]): SentenceFeatures {
  const dates = periods.filter((d) => d.kind === 'date');
  const s = sentence.text;
  const chaired = CHAIR_RE.test(s);
  let chair: string | null = null;
  if (chaired) {
    const inSentence = officials.filter((o) => o.mentions.some((sp) => sp[0] >= sentence.span[0] && sp[1] <= sentence.span[1]));
    const chairAt = s.search(CHAIR_RE) + sentence.span[0];
    // "X chủ trì" (X before) is the common order; "dưới sự chủ trì của X" puts X after.
    const afterChair = /dưới\s+sự\s+(?:chủ\s+trì|điều\s+hành)/iu.test(s);
    const ordered = afterChair
      ? inSentence.filter((o) => o.mentions.some((sp) => sp[0] > chairAt))
      : inSentence.filter((o) => o.mentions.some((sp) => sp[0] < chairAt)).reverse();
    chair = ordered[0]?.name ?? null;
  }
  const loc = LOCATION_RE.exec(s);
  const chairRank = chair === null ? 0 : PRESIDED_RE.test(s.match(CHAIR_RE)![0]) ? 1 : 2;
  return { dates, periods, chaired, chair, chairRank, mode: modeOf(s), location: loc ? loc[1]!.trim() : null };
}

export function extractMeetings(text: string, ctx: MeetingContext = {}): Meeting[] {
  const sentences = ctx.sentences ?? splitSentences(text);
  const allDates = ctx.dates ?? findDates(text, ctx.publishedOn);
  const officials = ctx.officials ?? [];
  // The article's organizations are needed only to expand a bare "của Ủy ban": read them on first need.
  let orgList: OrgMatch[] | null = null;
  const orgs = () => (orgList ??= findOrganizations(text));
  const candidates: Candidate[] = [];
  // What a sentence says about any meeting in it (its days, chair, mode, place), read once per sentence.
  const cache = new Map<Sentence, SentenceFeatures>();
  const features = (sentence: Sentence): SentenceFeatures => {
    let f = cache.get(sentence);
    if (!f) {
      f = readSentence(sentence, datesWithin(allDates, sentence.span), officials);
      cache.set(sentence, f);
    }
    return f;
  };
  for (const m of matchWords(KIND_RE, text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (GENERIC_BEFORE_RE.test(before) && !/(?:cuộc|buổi)\s*$/iu.test(before)) continue;
    if (boundToWordBefore(m[1]!, before)) continue;
    const kind = KIND_BY_FORM.get(m[1]!.toLowerCase()) ?? m[1]!.toLowerCase();
    const sentence = sentenceAt(sentences, m.index);
    if (!sentence) continue;
    const end = m.index + m[0].length;
    const after = text.slice(end, end + 160);
    const ord = ORDINAL_RE.exec(after);
    const ordinal = ord ? ordinalValue(ord[1]!) : null;
    const bodyAt = end + (ord ? ord[0].length : 0);
    const body = bodyOf(text, bodyAt, orgs);
    const f = features(sentence);
    // The date of the event: a day named in the same sentence, before the kind word ("Sáng 25/12, … chủ trì
    // hội nghị"), else one written soon after it with no figure in between ("họp báo … tổ chức sáng 29/6",
    // "buổi làm việc với lãnh đạo tỉnh ngày 3/9"; not the date of a document cited after it).
    const localAt = m.index - sentence.span[0];
    const localEnd = end - sentence.span[0];
    const dayAfter = f.dates.find((d) => d.span[0] >= localEnd && d.span[0] - localEnd <= DATE_AFTER_REACH
      && !/\d/.test(textOutside(sentence.text, localEnd, d.span[0], f.periods))
      && !REPORTED_RE.test(sentence.text.slice(localEnd, d.span[0])));
    const date = f.dates.find((d) => d.span[0] < localAt)?.value ?? dayAfter?.value ?? (f.dates.length === 1 && f.chaired ? f.dates[0]!.value : null);
    // "làm việc với …" is a meeting only with a day of its own; it is held by the sentence's subject
    // ("Bộ Kế hoạch và Đầu tư … làm việc với UBND tỉnh Phú Thọ vào ngày 14/9").
    // A long name ends with its body: "Hội nghị Sơ kết 1 năm triển khai Đề án 06 … của Ủy ban Quốc gia về
    // chuyển đổi số", chaired by its Chủ tịch. Only a body the chair heads: other "của …" name other things.
    let held = body ?? bodyLater(text, end, sentence.span[1], f.chair === null ? [] : officials.find((o) => o.name === f.chair)?.titles ?? []);
    if (VERB_KINDS.has(kind)) {
      if (!dayAfter) continue;
      held = matchOrganizationAt(text, sentence.span[0])?.name ?? null;
    }
    // The purpose follows the name: past the body when it is written there ("… của Ủy ban Quốc gia về chuyển
    // đổi số nhằm đánh giá …"), so that a "về" inside the body's name is not taken for it.
    const bodyIn = held ? text.slice(bodyAt, bodyAt + 240).indexOf(held) : -1;
    const purpose = purposeOf(text, bodyIn >= 0 && bodyIn <= 8 ? bodyAt + bodyIn + held!.length : bodyAt, sentence.span[1]);
    candidates.push({ kind, ordinal, body: held, date, chair: f.chair, chairRank: f.chairRank, mode: f.mode, location: f.location, purpose, participants: [], span: [m.index, end], sentence });
  }
  return addParticipants(merge(candidates), sentences, officials);
}

/** What a meeting was held for: the words after "nhằm", "để" or "về" that follow its name, up to the clause's end. */
const PURPOSE_RE = /^[^,;.:]{0,80}?(?<![\p{L}])(?:nhằm|để|về)\s+([^,;.]{6,200})/u;
/** Words that end a purpose: the clause goes on to something else ("… về nhà ở xã hội, Thủ tướng cho biết"). */
const PURPOSE_END_RE = /\s+(?:tại|vào|với|do|dưới|theo|trong|sáng|chiều|tối|ngày)\s.*$/u;

function purposeOf(text: string, from: number, to: number): string | null {
  const m = PURPOSE_RE.exec(text.slice(from, Math.min(to, from + 300)));
  if (!m) return null;
  const words = m[1]!.replace(PURPOSE_END_RE, '').replace(/\s+/g, ' ').trim().split(' ');
  return words.length >= 2 ? words.slice(0, 24).join(' ') : null;
}

/** "Cùng dự có …", "Tham dự hội nghị có …", "Dự phiên họp còn có …": a sentence listing who attended. */
const ATTENDANCE_RE = /(?:^|[,;.]\s*)(?:[Cc]ùng\s+)?(?:[Tt]ham\s+)?[Dd]ự(?:\s+[\p{L}]+){0,4}?\s+(?:còn\s+)?có(?![\p{L}])/u;

/**
 * The officials each meeting's attendance sentences name: a sentence listing attendees goes to the meeting
 * last mentioned before it (or the first meeting, when none is). The chair is not a participant.
 */
function addParticipants(meetings: Meeting[], sentences: readonly Sentence[], officials: readonly Official[]): Meeting[] {
  if (!meetings.length || !officials.length) return meetings;
  for (const s of sentences) {
    if (!ATTENDANCE_RE.test(s.text)) continue;
    const meeting = meetings.reduce<Meeting | null>((best, m) => (m.span[0] < s.span[0] && (!best || m.span[0] > best.span[0]) ? m : best), null) ?? meetings[0]!;
    const named = officials
      .map((o) => ({ o, at: o.mentions.find((m) => m[0] >= s.span[0] && m[1] <= s.span[1])?.[0] }))
      .filter((x): x is { o: Official; at: number } => x.at !== undefined)
      .sort((a, b) => a.at - b.at);
    for (const { o } of named) if (o.name !== meeting.chair && !meeting.participants.includes(o.name)) meeting.participants.push(o.name);
  }
  return meetings;
}


/** "… của <body>" later in the sentence: a known body still in the meeting's name, or one the chair heads. */
function bodyLater(text: string, from: number, to: number, chairTitles: readonly string[]): string | null {
  // Without a chair, only the meeting's own name (up to a clause boundary) is looked at.
  if (!chairTitles.length) {
    const boundary = text.slice(from, to).search(/[,;:.]/);
    if (boundary >= 0) to = from + boundary;
  }
  const re = /(?<![\p{L}])của\s+/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const org = matchOrganizationAt(text, m.index + m[0].length);
    // In the meeting's own name (no clause boundary since the kind word), a known body; further on, only
    // one the chair heads.
    const inName = !/[,;:.]/.test(text.slice(from, m.index));
    if (org && ((inName && org.known) || chairTitles.some((t) => t.endsWith(org.name)))) return org.name;
  }
  return null;
}

/** The body holding a meeting: "của Ủy ban …", or an organization right after the kind ("Phiên họp thứ 12 Ủy ban …"). */
function bodyOf(text: string, at: number, orgs: () => readonly OrgMatch[]): string | null {
  const rest = text.slice(at, at + 12);
  const lead = /^\s*(?:của\s+|do\s+)?/u.exec(rest)![0];
  const org = matchOrganizationAt(text, at + lead.length);
  if (!org) {
    const head = lead ? matchHeadAt(text, at + lead.length) : null;
    return head ? orgs().find((o) => o.name.startsWith(`${head} `))?.name ?? null : null;
  }
  // A bare head ("của Ủy ban") refers back to the full name given earlier in the article.
  if (org.name.split(' ').length <= 2) {
    const full = orgs().find((o) => o.name.startsWith(org.name) && o.name.length > org.name.length);
    if (full) return full.name;
  }
  return org.name;
}

function compatible(a: Candidate, b: Candidate): boolean {
  if (a.kind !== b.kind) return false;
  if (a.ordinal !== null && b.ordinal !== null && a.ordinal !== b.ordinal) return false;
  if (a.ordinal !== b.ordinal && (a.date !== null && b.date !== null) && a.date !== b.date) return false;
  if (a.body && b.body && foldKey(a.body) !== foldKey(b.body) && !foldKey(a.body).startsWith(foldKey(b.body)) && !foldKey(b.body).startsWith(foldKey(a.body))) return false;
  if (a.date && b.date && a.date !== b.date) return false;
  return true;
}

/**
 * Merges the mentions of one meeting. A mention with an ordinal different from the main meeting's and no
 * date is a meeting cited in passing ("nhiệm vụ giao tại Phiên họp lần thứ 2") and stays separate.
 */
function merge(candidates: Candidate[]): Meeting[] {
  // Each group is compared through its summary (first known ordinal, body, date), so merging stays linear
  // in the mentions of a kind rather than quadratic.
  const groups: { summary: Candidate; members: Candidate[] }[] = [];
  for (const c of candidates) {
    const g = groups.find((grp) => compatible(grp.summary, c) && (c.ordinal === null || grp.summary.ordinal === c.ordinal || grp.summary.ordinal === null));
    if (!g) {
      groups.push({ summary: { ...c }, members: [c] });
      continue;
    }
    g.members.push(c);
    g.summary.ordinal ??= c.ordinal;
    g.summary.body ??= c.body;
    g.summary.date ??= c.date;
  }
  const meetings = groups.map(({ members: grp }) => {
    const first = grp[0]!;
    const pick = <K extends keyof Meeting>(k: K): Meeting[K] => grp.find((x) => x[k] !== null)?.[k] ?? first[k];
    // The one who chaired ("chủ trì") over one who ran a part of it ("điều hành"), else the first named.
    const chaired = grp.reduce<Candidate | null>((best, x) => (x.chair !== null && (!best || x.chairRank > best.chairRank) ? x : best), null);
    const mode: MeetingMode | null = grp.some((x) => x.mode === 'hybrid') ? 'hybrid' : pick('mode');
    const spanOfFullest = (grp.find((x) => x.chair !== null || x.date !== null) ?? first).span as Span;
    return {
      kind: first.kind, ordinal: pick('ordinal'), body: pick('body'), date: pick('date'), chair: chaired?.chair ?? null,
      mode, location: pick('location'), purpose: pick('purpose'), participants: [], span: spanOfFullest,
    } satisfies Meeting;
  });
  // A lone generic mention with nothing known about it (no ordinal, body, date or chair) is noise.
  return meetings.filter((m) => m.ordinal !== null || m.body !== null || m.date !== null || m.chair !== null);
}
