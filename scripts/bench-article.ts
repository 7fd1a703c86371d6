/**
 * Article extraction speed, in pages per second, against two references measured in the same run:
 *
 *   npm run bench:article
 *
 * - a bare htmlparser2 parse of the same pages (a floor no extractor can beat: it only builds the tree);
 * - Readability.js (Mozilla) on linkedom, the usual generic extractor on a fast DOM.
 *
 * Corpus: every fixture page, repeated to about 10 MB of HTML. Reported: pages/s of each, and our ratio to
 * each. The extractor reads each page through its site profile, as the crawler does.
 */
import { bestMsInTurn } from './best-of.js';
import { parseDocument } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../src/article/extract.js';
import { loadFixtureArticles } from '../pipelines/local-mirror.js';
import { SOURCES, sourceForUrl } from '../pipelines/index.js';

const fixtures = loadFixtureArticles();
const oneRound = fixtures.reduce((n, f) => n + f.html.length, 0);
const rounds = Math.max(1, Math.ceil(10_000_000 / oneRound));
const pages = Array.from({ length: rounds }, () => fixtures).flat();
const sources = pages.map((f) => sourceForUrl(SOURCES, f.url));

let sink = 0;
// Readability runs over the same pages: one round of the fixtures was too few for its JIT to settle (its
// figure moved by half between runs). The three take turns, so that they share the machine's load.
const [bare, ours, readability] = bestMsInTurn([
  () => { for (const p of pages) sink += parseDocument(p.html).children.length; },
  () => { pages.forEach((p, i) => { sink += extractArticle(p.html, { url: p.url, source: sources[i] ?? null }).text.length; }); },
  () => {
    for (const p of pages) {
      const { document } = parseHTML(p.html);
      sink += new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent?.length ?? 0;
    }
  },
]).map((ms) => pages.length / (ms / 1000)) as [number, number, number];

console.log(`corpus: ${pages.length} pages, ${(pages.length / fixtures.length).toFixed(0)} rounds of ${fixtures.length} fixture pages, ${(oneRound * rounds / 1e6).toFixed(1)} MB of HTML`);
console.log(`bare htmlparser2 parse:        ${bare.toFixed(0).padStart(6)} pages/s`);
console.log(`vnpress extractArticle:        ${ours.toFixed(0).padStart(6)} pages/s  (${(ours / bare).toFixed(2)}x the bare parse)`);
console.log(`Readability.js on linkedom:    ${readability.toFixed(0).padStart(6)} pages/s  (vnpress is ${(ours / readability).toFixed(1)}x faster)`);
if (sink < 0) console.log(sink);
