/** A database filled from the fixture pages (no network): every fixture read, extracted and stored. */
import { openDb, type Db } from '../../src/store/db.js';
import { ArticleStore } from '../../src/store/articles.js';
import { extractArticle } from '../../src/article/extract.js';
import { extractFacts } from '../../src/facts/index.js';
import { loadFixtureArticles } from '../../pipelines/local-mirror.js';
import { SOURCES, sourceForUrl } from '../../pipelines/index.js';
import { PageStore } from '../../src/store/pages.js';

export function fixtureDb(path = ':memory:'): Db {
  const db = openDb(path);
  const pages = new PageStore(db);
  for (const s of SOURCES) pages.upsertSource(s);
  const store = new ArticleStore(db);
  for (const f of loadFixtureArticles()) {
    const article = extractArticle(f.html, { url: f.url, source: sourceForUrl(SOURCES, f.url) });
    store.save({ ...article, url: f.url }, extractFacts(article.text, { publishedOn: article.publishedAt, title: article.title }));
  }
  return db;
}
