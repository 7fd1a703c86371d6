/**
 * Scores the extractors on the project's own fixtures (fixtures/<host>/<slug>/expected.json): precision,
 * recall and F1 per fact kind, and how often each attribute of a matched fact is right. Matching: documents
 * by number, officials by name, meetings by ordinal and date, claims by value and a compatible unit.
 * An expected attribute given as a list accepts any of its values; items marked optional count either way.
 *
 *   npm run eval:fixtures [-- --verbose]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/article/extract.js';
import { extractFacts } from '../src/facts/index.js';
import { fixturesDir, loadFixtureArticles } from '../pipelines/local-mirror.js';
import { SOURCES, sourceForUrl } from '../pipelines/index.js';
import { docKey } from '../src/facts/legal-refs.js';
import { canonicalKey, foldKey } from '../src/text/normalize.js';

type Item = Record<string, unknown> & { optional?: boolean };
const verbose = process.argv.includes('--verbose');
const accepts = (expected: unknown, check: (v: unknown) => boolean) => (Array.isArray(expected) ? expected.some(check) : check(expected));
const words = (s: unknown) => new Set(foldKey(String(s ?? '')).split(/[^a-z0-9%]+/).filter(Boolean));
const overlap = (a: unknown, b: unknown) => {
  const x = words(a), y = words(b);
  if (!x.size || !y.size) return 0;
  let n = 0;
  for (const w of x) if (y.has(w)) n++;
  return n / Math.max(x.size, y.size);
};
const sameUnit = (a: unknown, b: unknown) => {
  const x = foldKey(String(a ?? '')), y = foldKey(String(b ?? ''));
  return x === y || (x.length > 0 && y.length > 0 && (x.startsWith(y) || y.startsWith(x) || x.split(' ')[0] === y.split(' ')[0]));
};

interface Rule {
  fits(e: Item, p: Item): boolean;
  attrs: Record<string, (e: Item, p: Item) => boolean>;
}
const RULES: Record<string, Rule> = {
  legalRefs: {
    fits: (e, p) => docKey(String(e.number)) === docKey(String(p.number)),
    attrs: { type: (e, p) => accepts(e.type, (v) => v === p.type), issuedOn: (e, p) => accepts(e.issuedOn, (v) => v === p.issuedOn), issuer: (e, p) => accepts(e.issuer, (v) => v == null || String(p.issuer ?? '').includes(String(v))) },
  },
  officials: {
    fits: (e, p) => canonicalKey(String(e.name)) === canonicalKey(String(p.name)),
    attrs: { titles: (e, p) => (e.titles as string[]).every((t) => (p.titles as string[]).some((x) => x.toLowerCase().includes(t.toLowerCase()) || (t.toLowerCase().includes(x.toLowerCase()) && x.length > 3))) },
  },
  meetings: {
    fits: (e, p) => accepts(e.ordinal ?? null, (v) => v === (p.ordinal ?? null)) && accepts(e.date ?? null, (v) => v == null || v === p.date),
    attrs: { kind: (e, p) => accepts(e.kind, (v) => String(p.kind).includes(String(v))), chair: (e, p) => accepts(e.chair ?? null, (v) => v === (p.chair ?? null)), mode: (e, p) => accepts(e.mode ?? null, (v) => v == null || v === p.mode) },
  },
  claims: {
    fits: (e, p) => Math.abs(Number(p.value) - Number(e.value)) <= 1e-9 * Math.max(1, Math.abs(Number(e.value))) && sameUnit(e.unit, p.unit),
    attrs: { approx: (e, p) => accepts(e.approx, (v) => v === p.approx), period: (e, p) => accepts(e.period ?? null, (v) => (v ?? null) === (p.period ?? null)), metric: (e, p) => accepts(e.metric, (v) => overlap(v, p.metric) >= 0.5) },
  },
};

const totals: Record<string, { tp: number; fp: number; fn: number; attrs: Record<string, [number, number]> }> = {};
for (const f of loadFixtureArticles()) {
  const expected = JSON.parse(readFileSync(join(fixturesDir(), f.host, f.slug, 'expected.json'), 'utf8')) as { facts: Record<string, Item[]> };
  const article = extractArticle(f.html, { url: f.url, source: sourceForUrl(SOURCES, f.url) });
  const facts = extractFacts(article.text, { publishedOn: article.publishedAt, title: article.title }) as unknown as Record<string, Item[]>;
  for (const [kind, rule] of Object.entries(RULES)) {
    const t = (totals[kind] ??= { tp: 0, fp: 0, fn: 0, attrs: {} });
    const used = new Set<number>();
    const wanted = [...(expected.facts[kind] ?? [])].sort((a, b) => Number(Boolean(a.optional)) - Number(Boolean(b.optional)));
    for (const e of wanted) {
      const i = facts[kind]!.findIndex((p, k) => !used.has(k) && rule.fits(e, p));
      if (i < 0) {
        if (!e.optional) { t.fn++; if (verbose) console.log(`${f.slug} ${kind} MISSED ${JSON.stringify(e)}`); }
        continue;
      }
      used.add(i);
      if (e.optional) continue;
      t.tp++;
      for (const [a, ok] of Object.entries(rule.attrs)) {
        const r = (t.attrs[a] ??= [0, 0]);
        r[1]++;
        if (ok(e, facts[kind]![i]!)) r[0]++;
        else if (verbose) console.log(`${f.slug} ${kind}.${a} WRONG expected=${JSON.stringify(e[a])} got=${JSON.stringify(facts[kind]![i]![a])}`);
      }
    }
    facts[kind]!.forEach((p, k) => { if (!used.has(k)) { t.fp++; if (verbose) console.log(`${f.slug} ${kind} EXTRA ${JSON.stringify({ ...p, sentence: undefined, span: undefined })}`); } });
  }
}
for (const [kind, t] of Object.entries(totals)) {
  const P = t.tp / Math.max(1, t.tp + t.fp), R = t.tp / Math.max(1, t.tp + t.fn), F = P + R ? (2 * P * R) / (P + R) : 0;
  const attrs = Object.entries(t.attrs).map(([a, [ok, n]]) => `${a} ${(ok / n).toFixed(3)}`).join(', ');
  console.log(`${kind.padEnd(10)} tp ${String(t.tp).padStart(4)} fp ${String(t.fp).padStart(4)} fn ${String(t.fn).padStart(4)}  P ${P.toFixed(3)} R ${R.toFixed(3)} F1 ${F.toFixed(3)}  ${attrs}`);
}
