/**
 * Officials as the database knows them: who is mentioned most, the titles a person was reported with over
 * time (`vnpress official "Tô Lâm"`), and who held a post on a day (`vnpress official --title "Bộ trưởng Bộ
 * Công an" --on 2022-06-01`). A person is found by name typed with or without diacritics; a post by its
 * title, the start of a longer title ("Thủ tướng" finds "Thủ tướng Chính phủ", not "Phó Thủ tướng").
 *
 * Positions are as reported: a post is known from the first to the last article that gives it, so "who
 * held" answers from the reports around the day, and says when none covers it.
 */
import type { Db } from '../store/db.js';
import { canonicalKey, foldKey } from '../text/normalize.js';
import { endedBy, type Ended } from '../facts/organizations.js';
import { splitTitle } from '../facts/officials.js';

export interface OfficialSummary {
  name: string;
  /** Number of articles that name the person, and of mentions in them. */
  articles: number;
  mentions: number;
  first_seen: string | null;
  last_seen: string | null;
  /** The title of the latest article that gives one. */
  latest_title: string | null;
}

export interface Position {
  title: string;
  post: string | null;
  organization: string | null;
  first_seen: string | null;
  last_seen: string | null;
  articles: number;
}

export interface OfficialTimeline {
  name: string;
  key: string;
  positions: Position[];
  /** Each article naming them, with where in its text (for the article view to mark). */
  articles: { article_id: number; published_at: string | null; title: string | null; url: string; titles: string[]; quote: string; span_start: number; span_end: number }[];
}

export interface Holder {
  name: string;
  title: string;
  first_seen: string | null;
  last_seen: string | null;
  articles: number;
}

export interface WhoHeld {
  /** Reported with the title on both sides of the day (or on it). */
  held: Holder[];
  /** No report covers the day: the last holder reported before it and the first after it. */
  before: Holder | null;
  after: Holder | null;
  /** The post's organization no longer existed on the day (merged in 2025), and what took over its work. */
  ended: Ended | null;
}

/** The officials most mentioned, with the span of their reports. */
export function listOfficials(db: Db, options: { limit?: number } = {}): OfficialSummary[] {
  const rows = db.prepare(`SELECT p.id, p.name, COUNT(DISTINCT m.article_id) AS articles, SUM(m.mentions) AS mentions,
      MIN(substr(a.published_at, 1, 10)) AS first_seen, MAX(substr(a.published_at, 1, 10)) AS last_seen
    FROM persons p JOIN official_mentions m ON m.person_id = p.id JOIN articles a ON a.id = m.article_id
    GROUP BY p.id ORDER BY mentions DESC, articles DESC, p.name LIMIT ?`).all(options.limit ?? 50) as (Omit<OfficialSummary, 'latest_title'> & { id: number })[];
  const latest = db.prepare(`SELECT t.title FROM official_titles t JOIN articles a ON a.id = t.article_id
    WHERE t.person_id = ? ORDER BY a.published_at DESC, a.id DESC, t.rowid LIMIT 1`);
  return rows.map(({ id, ...r }) => ({ ...r, latest_title: (latest.get(id) as { title: string } | undefined)?.title ?? null }));
}

/**
 * The persons a typed name can mean: the one whose key it is ("Tô Lâm", "Nguyễn Hoà Bình" for "Nguyễn Hòa
 * Bình"), else those whose name, without diacritics, is the one typed ("To Lam").
 */
export function findPersons(db: Db, name: string): { id: number; name: string; person_key: string }[] {
  const exact = db.prepare('SELECT id, name, person_key FROM persons WHERE person_key = ?').all(canonicalKey(name)) as { id: number; name: string; person_key: string }[];
  if (exact.length) return exact;
  const folded = foldKey(name);
  if (!folded) return [];
  return (db.prepare('SELECT id, name, person_key FROM persons').all() as { id: number; name: string; person_key: string }[])
    .filter((p) => foldKey(p.name) === folded);
}

/** A person's titles over time, and the articles that name them, by date. */
export function officialTimeline(db: Db, name: string): OfficialTimeline[] {
  const positions = db.prepare(`SELECT title, post, organization, first_seen, last_seen, articles FROM positions
    WHERE person_id = ? ORDER BY first_seen, last_seen, title`);
  const articles = db.prepare(`SELECT a.id AS article_id, a.published_at, a.title, a.url, m.quote, m.span_start, m.span_end,
      (SELECT json_group_array(t.title) FROM official_titles t WHERE t.article_id = a.id AND t.person_id = m.person_id) AS titles
    FROM official_mentions m JOIN articles a ON a.id = m.article_id WHERE m.person_id = ? ORDER BY a.published_at, a.id`);
  return findPersons(db, name).map((p) => ({
    name: p.name,
    key: p.person_key,
    positions: positions.all(p.id) as Position[],
    articles: (articles.all(p.id) as (Omit<OfficialTimeline['articles'][number], 'titles'> & { titles: string })[])
      .map((a) => ({ ...a, titles: JSON.parse(a.titles) as string[] })),
  }));
}

/** Whether a reported title is the post asked for: the same, or longer by more words ("Thủ tướng Chính phủ"). */
function isTitle(reported: string, wanted: string): boolean {
  const r = foldKey(reported);
  const w = foldKey(wanted);
  return r === w || r.startsWith(`${w} `);
}

/** Who held a title on a day (YYYY-MM-DD), as the articles report it. */
export function whoHeld(db: Db, title: string, day: string): WhoHeld {
  const rows = (db.prepare('SELECT name, title, first_seen, last_seen, articles FROM positions').all() as Holder[])
    .filter((h) => isTitle(h.title, title) && h.first_seen !== null && h.last_seen !== null);
  // One row per person: the reported titles that fit ("Thủ tướng", "Thủ tướng Chính phủ") joined.
  const byPerson = new Map<string, Holder>();
  for (const h of rows) {
    const seen = byPerson.get(h.name);
    if (!seen) { byPerson.set(h.name, { ...h }); continue; }
    if (h.first_seen! < seen.first_seen!) seen.first_seen = h.first_seen;
    if (h.last_seen! > seen.last_seen!) seen.last_seen = h.last_seen;
    seen.articles += h.articles;
  }
  const holders = [...byPerson.values()];
  const organization = splitTitle(title).organization;
  const ended = organization ? endedBy(organization, day) : null;
  const held = holders.filter((h) => h.first_seen! <= day && day <= h.last_seen!).sort((a, b) => b.articles - a.articles);
  if (held.length) return { held, before: null, after: null, ended };
  const before = holders.filter((h) => h.last_seen! < day).sort((a, b) => (a.last_seen! < b.last_seen! ? 1 : -1))[0] ?? null;
  const after = holders.filter((h) => h.first_seen! > day).sort((a, b) => (a.first_seen! < b.first_seen! ? -1 : 1))[0] ?? null;
  return { held, before, after, ended };
}
