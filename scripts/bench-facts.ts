/**
 * Throughput of the fact extractors, as a ratio against a baseline measured in the same run.
 *
 *   npm run bench:facts
 *
 * Corpus: the text of every fixture article (read through its site profile), repeated to about 2 MB and
 * extracted article by article; and one long text of about 200 KB (the fixtures joined), extracted at once, as
 * a long decree would be. Baseline: one pass of a numeral regex over the same text, the cheapest work
 * any extractor must do. Reported: MB/s of article text per core, and the ratio to the baseline; then each
 * extractor's share of the time, each run alone over the same corpus (where to look first when profiling).
 */
import { bestMs } from './best-of.js';
import { extractArticle } from '../src/article/extract.js';
import { extractFacts } from '../src/facts/index.js';
import { extractLegalRefs, legalRefSpans } from '../src/facts/legal-refs.js';
import { extractOfficials } from '../src/facts/officials.js';
import { extractMeetings } from '../src/facts/meetings.js';
import { extractClaims } from '../src/facts/claims.js';
import { splitSentences } from '../src/text/sentences.js';
import { findDates } from '../src/text/dates.js';
import { loadFixtureArticles } from '../pipelines/local-mirror.js';
import { SOURCES, sourceForUrl } from '../pipelines/index.js';

const articles = loadFixtureArticles().map((f) => {
  const a = extractArticle(f.html, { url: f.url, source: sourceForUrl(SOURCES, f.url) });
  return { text: a.text, publishedOn: a.publishedAt };
});
const oneRound = articles.reduce((n, a) => n + a.text.length, 0);
const rounds = Math.max(1, Math.ceil(2_000_000 / oneRound));
const corpus = Array.from({ length: rounds }, () => articles).flat();
const bytes = corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);


let sink = 0;
const baseline = bestMs(() => { for (const a of corpus) sink += a.text.match(/\d[\d.,]*/g)?.length ?? 0; });
const facts = bestMs(() => { for (const a of corpus) { const f = extractFacts(a.text, { publishedOn: a.publishedOn }); sink += f.claims.length; } });

const long = articles.map((a) => a.text).join('\n\n');
const longText = long.repeat(Math.max(1, Math.ceil(200_000 / long.length))).slice(0, 200_000);
const longBaseline = bestMs(() => { sink += longText.match(/\d[\d.,]*/g)?.length ?? 0; });
const longFacts = bestMs(() => { sink += extractFacts(longText, { publishedOn: '2024-01-01' }).claims.length; });

const mb = bytes / 1e6;
console.log(`corpus: ${corpus.length} articles, ${mb.toFixed(2)} MB of text`);
console.log(`baseline (numeral scan): ${baseline.toFixed(1)} ms, ${(mb / (baseline / 1000)).toFixed(1)} MB/s`);
console.log(`all fact extractors:     ${facts.toFixed(1)} ms, ${(mb / (facts / 1000)).toFixed(2)} MB/s, ${(facts / baseline).toFixed(1)}x the baseline`);
console.log(`one 200 KB text:         ${longFacts.toFixed(1)} ms (baseline ${longBaseline.toFixed(2)} ms, ${(longFacts / longBaseline).toFixed(0)}x)`);
// Each extractor alone, fed what extractFacts would feed it (computed beforehand, not timed).
const inputs = corpus.map((a) => {
  const sentences = splitSentences(a.text);
  const dates = findDates(a.text, a.publishedOn);
  const legalRefs = extractLegalRefs(a.text, { publishedOn: a.publishedOn });
  return { ...a, sentences, dates, masked: legalRefSpans(legalRefs), officials: extractOfficials(a.text) };
});
const parts: [string, () => void][] = [
  ['sentences', () => { for (const a of inputs) sink += splitSentences(a.text).length; }],
  ['dates and periods', () => { for (const a of inputs) sink += findDates(a.text, a.publishedOn).length; }],
  ['legal references', () => { for (const a of inputs) sink += extractLegalRefs(a.text, { publishedOn: a.publishedOn }).length; }],
  ['officials', () => { for (const a of inputs) sink += extractOfficials(a.text).length; }],
  ['meetings', () => { for (const a of inputs) sink += extractMeetings(a.text, a).length; }],
  ['claims', () => { for (const a of inputs) sink += extractClaims(a.text, a).length; }],
];
const timed = parts.map(([name, fn]) => [name, bestMs(fn)] as const);
const sum = timed.reduce((n, [, t]) => n + t, 0);
console.log('each extractor alone (share of their sum):');
for (const [name, t] of timed) console.log(`  ${name.padEnd(20)} ${t.toFixed(1).padStart(7)} ms  ${((100 * t) / sum).toFixed(0).padStart(3)}%`);
if (sink < 0) console.log(sink);
