/**
 * Adds a fixture case: copies a saved page to fixtures/<host>/<slug>/page.html and writes expected.json beside
 * it, filled from what vnpress extracts today, for the author to check line by line:
 *
 *   npm run add:fixture -- <page.html> <url> [--category <slug>]
 *
 * The slug is the last segment of the URL's path without its extension and id. mustContain gets three body
 * paragraphs' opening words; mustNotContain is left for the author to fill with the page's chrome (related
 * titles, captions, footer lines). The facts are what the extractors find: correct them where they are
 * wrong, since the file states what they must find. An existing case is not overwritten.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/article/extract.js';
import { extractFacts } from '../src/facts/index.js';
import { fixturesDir } from '../pipelines/local-mirror.js';
import { SOURCES, sourceForUrl } from '../pipelines/index.js';

export function slugOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? 'index';
  return last.replace(/\.[a-z]+$/i, '').replace(/-\d{6,}$/, '') || 'index';
}

export function addFixture(pagePath: string, url: string, options: { category?: string; dir?: string } = {}): string {
  const html = readFileSync(pagePath, 'utf8');
  const host = new URL(url).host;
  const folder = join(options.dir ?? fixturesDir(), host, slugOf(url));
  if (existsSync(join(folder, 'expected.json'))) throw new Error(`${folder} already holds a case; pick another URL or remove it first`);
  const source = sourceForUrl(SOURCES, url);
  const article = extractArticle(html, { url, source });
  const facts = extractFacts(article.text, { publishedOn: article.publishedAt, title: article.title });
  const expected = {
    url,
    category: options.category ?? null,
    title: article.title,
    publishedAt: article.publishedAt,
    authors: article.authors,
    sapo: article.lead,
    mustContain: article.paragraphs.filter((p) => p !== article.lead && p.length > 80).slice(0, 3).map((p) => p.slice(0, 80)),
    mustNotContain: [] as string[],
    facts: {
      legalRefs: facts.legalRefs.map(({ type, number, issuedOn, issuer }) => ({ type, number, issuedOn, issuer })),
      officials: facts.officials.map(({ name, titles }) => ({ name, titles })),
      meetings: facts.meetings.map(({ kind, ordinal, body, date, chair, mode }) => ({ kind, ordinal, body, date, chair, mode })),
      claims: facts.claims.map(({ metric, value, unit, approx, period }) => ({ metric, value, unit, approx, period })),
    },
  };
  mkdirSync(folder, { recursive: true });
  copyFileSync(pagePath, join(folder, 'page.html'));
  writeFileSync(join(folder, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  return folder;
}

const [page, url, ...rest] = process.argv.slice(2);
if (import.meta.url === `file://${process.argv[1]}`) {
  if (!page || !url) {
    process.stderr.write('usage: npm run add:fixture -- <page.html> <url> [--category <slug>]\n');
    process.exit(2);
  }
  const at = rest.indexOf('--category');
  try {
    const folder = addFixture(page, url, { category: at >= 0 ? rest[at + 1] : undefined });
    process.stdout.write(`wrote ${folder}/page.html and expected.json: check the title, date, authors and every fact, and add mustNotContain lines\n`);
  } catch (e) {
    process.stderr.write(`add-fixture: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
