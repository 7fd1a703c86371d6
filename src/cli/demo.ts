/**
 * `npm start` / `vnpress demo`: the whole pipeline, offline. Starts the local mirror on 127.0.0.1, points
 * every source's hosts at it, crawls, extracts, stores into data/vnpress.db and prints a summary. Running it
 * again changes nothing (the second crawl finds no new articles).
 */
import { openDb } from '../store/db.js';
import { crawl } from '../crawl/crawler.js';
import { SOURCES } from '../../pipelines/index.js';
import { startMirror } from '../../pipelines/local-mirror.js';
import { readStats } from '../query/stats.js';
import { formatStats } from './stats.js';
import { eventLogger, summarizeCrawl } from './crawl.js';
import { log } from './output.js';

/** The mirror is our own server on loopback, so the demo does not need the 1 s politeness delay. */
const MIRROR_DELAY_MS = 20;

export async function runDemo(opts: { db: string }): Promise<void> {
  const started = Date.now();
  const mirror = await startMirror();
  log(`local mirror on ${mirror.origin} serving ${mirror.hosts.join(', ')}`);
  const db = openDb(opts.db);
  try {
    const sources = SOURCES.filter((s) => s.hosts.some((h) => mirror.hosts.includes(h)));
    const stats = await crawl(db, { sources, resolve: mirror.resolve, delayMs: MIRROR_DELAY_MS, onEvent: eventLogger({ quiet: true }), maxIdleWaitMs: 5_000 });
    log(summarizeCrawl(stats));
    const s = readStats(db);
    const out = [
      '',
      formatStats(s),
      '',
      `Done in ${((Date.now() - started) / 1000).toFixed(1)} s; the database is ${opts.db}. Try next:`,
      `  npx vnpress search "nghi dinh" --db ${opts.db}`,
      `  npx vnpress export claims --csv --db ${opts.db} > claims.csv`,
      `  npx vnpress extract ${mirror.articles[0] ? `fixtures/${mirror.articles[0].host}/${mirror.articles[0].slug}/page.html` : 'page.html'} --url ${mirror.articles[0]?.url ?? 'URL'}`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    db.close();
    await mirror.close();
  }
}
