/**
 * `vnpress officials`: the officials most mentioned. `vnpress official "Tô Lâm"`: a person's titles over time
 * and the articles naming them. `vnpress official --title "Bộ trưởng Bộ Công an" --on 2022-06-01`: who held a
 * post on a day, as the articles report it.
 */
import { openDb } from '../store/db.js';
import { listOfficials, officialTimeline, whoHeld, type Holder } from '../query/officials.js';
import { formatOf, writeRows } from './output.js';
import { VnpressError } from '../errors.js';

interface Listing {
  db: string;
  json?: boolean;
  nl?: boolean;
  csv?: boolean;
}

export function runOfficials(opts: Listing & { limit?: string }): void {
  const limit = opts.limit === undefined ? 50 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new VnpressError(`--limit must be a whole number above 0, not "${opts.limit}"`);
  const db = openDb(opts.db, { readonly: true });
  try {
    writeRows(listOfficials(db, { limit }) as unknown as Record<string, unknown>[], formatOf(opts),
      ['name', 'latest_title', 'articles', 'mentions', 'first_seen', 'last_seen']);
  } finally {
    db.close();
  }
}

export function runOfficial(name: string | undefined, opts: Listing & { title?: string; on?: string }): void {
  if (opts.title !== undefined || opts.on !== undefined) return runWhoHeld(opts);
  if (!name) throw new VnpressError('name a person ("vnpress official \\"Tô Lâm\\"") or ask who held a post ("--title \\"Bộ trưởng Bộ Công an\\" --on 2022-06-01")');
  const db = openDb(opts.db, { readonly: true });
  try {
    const people = officialTimeline(db, name);
    if (!people.length) throw new VnpressError(`no official named "${name}" in ${opts.db}; try the name as written in the articles, with or without diacritics ("vnpress officials" lists them)`);
    const format = formatOf(opts);
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(people, null, 2)}\n`);
      return;
    }
    const rows = people.flatMap((p) => p.positions.map((pos) => ({ name: p.name, ...pos })));
    if (format !== 'table') {
      writeRows(rows, format, ['name', 'title', 'post', 'organization', 'first_seen', 'last_seen', 'articles']);
      return;
    }
    for (const p of people) {
      process.stdout.write(`${p.name}: ${p.articles.length} article${p.articles.length === 1 ? '' : 's'}, titles as reported\n`);
      writeRows(p.positions.map(({ title, first_seen, last_seen, articles }) => ({ title, first_seen, last_seen, articles })), 'table');
      process.stdout.write('\n');
      writeRows(p.articles.map((a) => ({ published_at: a.published_at?.slice(0, 10) ?? null, title: a.title, titles: a.titles.join('; ') })), 'table');
    }
  } finally {
    db.close();
  }
}

function runWhoHeld(opts: Listing & { title?: string; on?: string }): void {
  if (!opts.title || !opts.on) throw new VnpressError('who held a post needs both --title and --on, e.g. --title "Bộ trưởng Bộ Công an" --on 2022-06-01');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.on) || Number.isNaN(Date.parse(opts.on))) throw new VnpressError(`--on must be a day written YYYY-MM-DD, not "${opts.on}"`);
  const db = openDb(opts.db, { readonly: true });
  try {
    const answer = whoHeld(db, opts.title, opts.on);
    const format = formatOf(opts);
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      return;
    }
    const row = (h: Holder, as: string) => ({ as, name: h.name, title: h.title, first_seen: h.first_seen, last_seen: h.last_seen, articles: h.articles });
    const rows = answer.held.length
      ? answer.held.map((h) => row(h, 'held'))
      : [answer.before && row(answer.before, 'last reported before'), answer.after && row(answer.after, 'first reported after')].filter((r) => r !== null);
    if (format === 'table') {
      if (answer.ended) {
        process.stdout.write(`${answer.ended.name} no longer existed on ${opts.on}: it ended on ${answer.ended.until}${answer.ended.successor ? `, its work passed to ${answer.ended.successor}` : ''}\n`);
      }
      if (!rows.length) {
        process.stdout.write(`no article in ${opts.db} reports anyone as ${opts.title}\n`);
        return;
      }
      if (!answer.held.length) process.stdout.write(`no report covers ${opts.on}; the nearest reports:\n`);
    }
    writeRows(rows, format, ['as', 'name', 'title', 'first_seen', 'last_seen', 'articles']);
  } finally {
    db.close();
  }
}
