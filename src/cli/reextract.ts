/** `vnpress reextract`: run extraction again over every archived page, without the network. */
import { openDb } from '../store/db.js';
import { reextract } from '../crawl/reextract.js';
import { SOURCES, getSource } from '../../pipelines/index.js';
import { InputError } from '../errors.js';
import { log } from './output.js';

export function runReextract(opts: { db: string; source?: string; quiet?: boolean }): void {
  if (opts.source && !getSource(opts.source)) throw new InputError(`unknown source "${opts.source}"; run \`vnpress sources\` to see the ids`);
  const db = openDb(opts.db);
  const tty = Boolean(process.stderr.isTTY);
  const started = Date.now();
  try {
    const stats = reextract(db, SOURCES, {
      source: opts.source ?? null,
      onEvent: (e) => {
        if (e.type === 'progress' && tty) process.stderr.write(`\r\x1b[Kre-reading: ${e.done} of ${e.total} pages`);
        else if (e.type === 'failed') log(`${tty ? '\r\x1b[K' : ''}FAILED ${e.url}: ${e.error}`);
        else if (e.type === 'article' && !opts.quiet && e.changed) log(`${tty ? '\r\x1b[K' : ''}article updated ${String(e.facts).padStart(3)} facts  ${e.title ?? e.url}`);
      },
    });
    if (tty) process.stderr.write('\r\x1b[K');
    log(`re-read ${stats.pages} article pages in ${((Date.now() - started) / 1000).toFixed(1)} s: ${stats.articles} articles (${stats.changed} changed), `
      + `${stats.facts} facts, ${stats.notArticles} not articles, ${stats.failed} failed`);
  } finally {
    db.close();
  }
}
