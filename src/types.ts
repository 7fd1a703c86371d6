/**
 * The plain data that flows through the pipeline: Source → Page → Article → Facts → SQLite.
 * Offsets (`span`) are JavaScript string indices into `Article.text`, which is NFC.
 */

export type Span = [start: number, end: number];

/** A fetched HTTP response, decoded to NFC text. */
export interface Page {
  /** The URL as requested (canonical form). */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  /** Decoded body, NFC. */
  body: string;
  /** The charset the bytes were decoded from, and how it was chosen ('header', 'meta', 'sniffed', …). */
  charset?: string;
  charsetVia?: string;
  /** A legacy Vietnamese encoding (TCVN3, VNI, VISCII, Windows-1258) that was converted to Unicode. */
  convertedFrom?: string | null;
  fetchedAt: string;
  /** Id of the source definition that produced it, when known. */
  source?: string;
}

export interface ArticleImage {
  src: string;
  caption?: string;
}

export interface Article {
  url: string | null;
  canonicalUrl: string | null;
  source: string | null;
  title: string | null;
  publishedAt: string | null;
  updatedAt: string | null;
  /** Authors joined for display ("Kiều Nga, Duy Linh"); null when none. */
  author: string | null;
  authors: string[];
  /** Source credit such as "Theo TTXVN". */
  credit: string | null;
  lead: string | null;
  /** Paragraphs joined by blank lines. Every fact span points into this. */
  text: string;
  paragraphs: string[];
  images: ArticleImage[];
  tags: string[];
  category: string | null;
  lang: 'vi' | 'en' | null;
  /** How the body was found: a site profile, the generic scorer, or plain text input. */
  method: 'profile' | 'generic' | 'text';
  /** Problems noticed while reading the page (a profile selector that no longer matches, …). */
  warnings: string[];
}

export interface LegalRef {
  type: string | null;
  number: string;
  issuedOn: string | null;
  issuer: string | null;
  subject: string | null;
  /** Every place the document is mentioned, the first (fullest) one first. */
  mentions: Span[];
  span: Span;
}

export interface Official {
  name: string;
  titles: string[];
  /** Canonical key: lowercase, tone placement unified, single spaces. */
  key: string;
  mentions: Span[];
  span: Span;
}

export type MeetingMode = 'in-person' | 'online' | 'hybrid';

export interface Meeting {
  kind: string;
  ordinal: number | null;
  body: string | null;
  date: string | null;
  chair: string | null;
  mode: MeetingMode | null;
  location: string | null;
  /** What it was held for: "đánh giá kết quả chuyển đổi số 6 tháng đầu năm 2022", "tháo gỡ khó khăn cho nhà ở xã hội". */
  purpose: string | null;
  /** Officials the article lists as attending ("Cùng dự có Phó Thủ tướng …; Bộ trưởng …"), the chair apart. */
  participants: string[];
  span: Span;
}

export type Approx = 'exact' | 'over' | 'under' | 'about' | 'nearly' | 'at_least' | 'at_most';

export interface Claim {
  metric: string;
  /** Groups claims about the same quantity across articles (folded metric + unit). */
  metricKey: string;
  value: number;
  unit: string;
  approx: Approx;
  period: string | null;
  /** "up" / "down" when the number is a change ("tăng 4,15%"), else null. */
  change: 'up' | 'down' | null;
  /** What the figure is compared with, as written: "so với cùng kỳ năm trước". */
  comparison: string | null;
  /** Who the sentence attributes the figure to, when it says. */
  source: string | null;
  sentence: string;
  span: Span;
}

export interface Facts {
  legalRefs: LegalRef[];
  officials: Official[];
  meetings: Meeting[];
  claims: Claim[];
}

export type FactKind = keyof Facts;
export const FACT_KINDS: readonly FactKind[] = ['legalRefs', 'officials', 'meetings', 'claims'];
