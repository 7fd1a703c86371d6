/**
 * The pages of `vnpress serve`, as data: a route is a path pattern and a handler that reads the database and
 * returns a View — the page's HTML body, and the rows (with their columns) that its `.json` and `.csv`
 * siblings hold. All markup goes through the escaping `html` template; links from crawled data go through
 * safeHref. No page needs a script: the search is a GET form, facets and paging are links.
 */
import type { Db } from '../store/db.js';
import { InputError } from '../errors.js';
import { listClaims, type ClaimRow, type ClaimsOptions } from '../query/claims.js';
import { claimFacets, type ClaimFacets } from '../query/facets.js';
import { findDocuments } from '../query/documents.js';
import { officialTimeline } from '../query/officials.js';
import { metricChart } from '../query/report-data.js';
import { metricLines } from '../report/html.js';
import { QUALIFIER_WORDS } from '../query/trends.js';
import { readCrawlStatus } from '../crawl/status.js';
import { lineChart, fmt } from '../report/svg.js';
import { html, raw, safeHref, type SafeHtml } from './html.js';

export interface View {
  title: string;
  body: SafeHtml;
  rows: Record<string, unknown>[];
  columns: string[];
  /** What the .json sibling holds when it is more than the rows (an article with its facts). */
  json?: unknown;
}

export type Outcome = { found: true; view: View } | { found: false; title: string; message: string } | { redirect: string };

export interface Route {
  pattern: RegExp;
  handler: (db: Db, args: string[], query: URLSearchParams) => Outcome;
  /** The page to show, with status 400, when the input is bad: the form again with the message. */
  onError?: (db: Db, query: URLSearchParams, message: string) => View;
  /**
   * Rows read by primary key, a millisecond or so: rendered on the server's thread rather than queued behind
   * searches for a worker.
   */
  quick?: boolean;
}

export const STYLE = `
*{box-sizing:border-box}body{font-family:"Noto Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1d;margin:0;line-height:1.5;background:#fafafa}
header{background:#123;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.5rem;align-items:baseline;flex-wrap:wrap}header a{color:#fff;text-decoration:none}header b{font-size:1.1rem}
main{max-width:1100px;margin:0 auto;padding:1rem 1.2rem}h1{font-size:1.45rem;margin:.6rem 0}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}
a{color:#0b57a4}.muted{color:#5b5b5b;font-size:.9rem}.siblings{float:right;font-size:.85rem}
form.search{display:grid;grid-template-columns:repeat(auto-fill,minmax(160px,1fr));gap:.5rem;background:#fff;border:1px solid #ddd;padding:.8rem;border-radius:6px}
form.search label{display:flex;flex-direction:column;font-size:.8rem;color:#444}form.search .go{display:flex;align-items:flex-end}form.search .go button{width:100%}form.search .q{grid-column:1/-1}
input,select,button{font:inherit;padding:.3rem .4rem;border:1px solid #bbb;border-radius:4px}form.search .q input{font-size:1.1rem}
button{background:#0b57a4;color:#fff;border-color:#0b57a4;cursor:pointer}
.layout{display:grid;grid-template-columns:220px 1fr;gap:1.2rem;margin-top:1rem}@media(max-width:760px){.layout{grid-template-columns:1fr}}
.facets h3{font-size:.85rem;margin:.8rem 0 .2rem;text-transform:uppercase;color:#555}.facets ul{list-style:none;margin:0;padding:0;font-size:.9rem}
.facets li{display:flex;justify-content:space-between;gap:.5rem}.facets .n{color:#666;font-variant-numeric:tabular-nums}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.7rem .9rem;margin-bottom:.7rem}
.card .figure{font-size:1.15rem;font-weight:600}.card .chips span{display:inline-block;background:#eef3f8;border-radius:3px;padding:0 .4rem;margin:0 .3rem .2rem 0;font-size:.8rem}
.card blockquote{margin:.4rem 0;padding-left:.7rem;border-left:3px solid #cbd5e1}.card .links{font-size:.85rem}
mark{background:#ffe58a;padding:0 .1rem}article.text p{max-width:46rem}article.text mark#span{outline:2px solid #d97706}
table{border-collapse:collapse;font-size:.9rem;background:#fff}td,th{border-bottom:1px solid #e3e3e3;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.error{background:#fdecea;border:1px solid #f5c2c0;padding:.6rem .8rem;border-radius:6px}
.pager{display:flex;gap:1rem;margin:1rem 0}svg.chart{display:block;max-width:100%;height:auto;background:#fff}
`;

const PAGE_SIZE = 20;

/** The page around a View: header, the links to its .json and .csv siblings, the body. */
export function layout(view: View, url: URL): SafeHtml {
  const sibling = (ext: string) => `${url.pathname.replace(/\.(json|csv)$/, '')}.${ext}${url.search}`;
  return html`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${view.title} · vnpress</title><link rel="stylesheet" href="/style.css"></head><body>
<header><b><a href="/claims">vnpress</a></b><a href="/claims">Claims</a><a href="/crawl">Crawl status</a></header>
<main><div class="siblings"><a href="${sibling('json')}" rel="alternate" type="application/json">JSON</a> · <a href="${sibling('csv')}" rel="alternate" type="text/csv">CSV</a></div>
${view.body}</main></body></html>`;
}

export function errorPage(title: string, message: string): View {
  return { title, body: html`<h1>${title}</h1><p class="error">${message}</p>`, rows: [{ error: message }], columns: ['error'], json: { error: message } };
}

const day = (iso: string | null | undefined) => (iso ?? '').slice(0, 10);

/** The article view of a fact: its text with the span marked, scrolled to it. */
export const spanHref = (articleId: number, start: number, end: number) => `/articles/${articleId}?start=${start}&end=${end}#span`;

/** The sentence with the figure marked (its first occurrence; the article view marks the exact span). */
function markedSentence(sentence: string, quote: string): SafeHtml {
  const at = quote ? sentence.indexOf(quote) : -1;
  if (at < 0) return html`${sentence}`;
  return html`${sentence.slice(0, at)}<mark>${quote}</mark>${sentence.slice(at + quote.length)}`;
}

function claimCard(c: ClaimRow): SafeHtml {
  const qualifier = QUALIFIER_WORDS[c.approx as keyof typeof QUALIFIER_WORDS] ?? c.approx;
  return html`<div class="card claim" data-claim="${c.id}">
<div class="figure">${qualifier ? `${qualifier} ` : ''}${fmt(c.value)} ${c.unit}</div>
<div class="chips"><span>${c.metric}</span>${c.period ? html`<span>${c.period}</span>` : ''}${c.comparison ? html`<span>${c.comparison}</span>` : ''}${c.attributed_to ? html`<span>theo ${c.attributed_to}</span>` : ''}</div>
<blockquote>${markedSentence(c.sentence, c.quote)}</blockquote>
<div class="links"><b>${c.title ?? '(untitled)'}</b> · ${c.source ?? ''} · ${c.published_at ?? ''}<br>
<a class="in-article" href="${spanHref(c.article_id, c.span_start, c.span_end)}">in the article</a> · <a class="original" href="${safeHref(c.url)}" rel="noopener noreferrer nofollow">original</a> · <a href="/metrics/${encodeURIComponent(c.metric_key)}">${c.metric_key}</a></div></div>`;
}

const FILTER_KEYS = ['q', 'source', 'since', 'until', 'official', 'document', 'metric', 'qualifier', 'period'] as const;

function claimsOptions(q: URLSearchParams): ClaimsOptions {
  const get = (k: string) => q.get(k)?.normalize('NFC').trim() || null;
  return { query: get('q'), source: get('source'), since: get('since'), until: get('until'), official: get('official'), document: get('document'), metric: get('metric'), qualifier: get('qualifier'), period: get('period') };
}

/** The same query with one parameter set (or removed with null), the page reset. */
function withParam(q: URLSearchParams, key: string, value: string | null): string {
  const next = new URLSearchParams([...q].filter(([, v]) => v !== ''));
  next.delete('page');
  if (value === null) next.delete(key);
  else next.set(key, value);
  const s = next.toString();
  return `/claims${s ? `?${s}` : ''}`;
}

function searchForm(db: Db, q: URLSearchParams): SafeHtml {
  const sources = db.prepare('SELECT id, name FROM sources ORDER BY id').all() as { id: string; name: string }[];
  const v = (k: string) => q.get(k) ?? '';
  const qualifiers = Object.entries(QUALIFIER_WORDS);
  return html`<form class="search" method="get" action="/claims" role="search">
<label class="q">Search claims (with or without diacritics)<input type="search" name="q" value="${v('q')}" placeholder="hoa don dien tu, xuất khẩu, 13/2023/NĐ-CP" autofocus></label>
<label>Source<select name="source"><option value="">all</option>${sources.map((s) => html`<option value="${s.id}"${s.id === v('source') ? raw(' selected') : ''}>${s.name}</option>`)}</select></label>
<label>From<input type="date" name="since" value="${v('since')}"></label>
<label>To<input type="date" name="until" value="${v('until')}"></label>
<label>Official<input name="official" value="${v('official')}" placeholder="Pham Minh Chinh"></label>
<label>Legal document<input name="document" value="${v('document')}" placeholder="13/2023/ND-CP"></label>
<label>Metric<input name="metric" value="${v('metric')}" placeholder="gdp-growth, cpi, exports"></label>
<label>Qualifier<select name="qualifier"><option value="">any</option>${qualifiers.map(([code, word]) => html`<option value="${code}"${code === v('qualifier') ? raw(' selected') : ''}>${word || 'exact'}</option>`)}</select></label>
<label>Period<input name="period" value="${v('period')}" placeholder="2024, 2024-Q1"></label>
<div class="go"><button type="submit">Search</button></div></form>`;
}

function facetList(q: URLSearchParams, f: ClaimFacets): SafeHtml {
  const group = (title: string, key: string, values: { value: string; count: number }[], label: (v: string) => string = (v) => v) => values.length ? html`<h3>${title}</h3><ul>${values.map((v) =>
    html`<li><a href="${withParam(q, key, q.get(key) === v.value ? null : v.value)}"${q.get(key) === v.value ? raw(' aria-current="true"') : ''}>${q.get(key) === v.value ? '✓ ' : ''}${label(v.value)}</a><span class="n">${fmt(v.count)}</span></li>`)}</ul>` : '';
  return html`<aside class="facets"><div class="muted">${f.capped ? `counts among the ${f.among === 'best' ? `${fmt(f.counted)} best-matching` : `first ${fmt(f.counted)} matching`} claims` : `${fmt(f.counted)} matching claims`}</div>
${group('Source', 'source', f.source)}${group('Metric', 'metric', f.metric)}${group('Qualifier', 'qualifier', f.qualifier, (v) => QUALIFIER_WORDS[v as keyof typeof QUALIFIER_WORDS] || 'exact')}${group('Period', 'period', f.year)}</aside>`;
}

const CLAIM_COLUMNS = ['id', 'published_at', 'source', 'metric', 'metric_key', 'value', 'unit', 'approx', 'period', 'comparison', 'attributed_to', 'sentence', 'quote', 'title', 'url', 'article_id', 'span_start', 'span_end'];

function claimsView(db: Db, q: URLSearchParams, error: string | null): View {
  const options = claimsOptions(q);
  const page = Math.max(1, Math.min(500, Number(q.get('page') ?? 1) || 1));
  let rows: ClaimRow[] = [];
  let facets: ClaimFacets | null = null;
  let more = false;
  if (!error) {
    const all = listClaims(db, { ...options, limit: page * PAGE_SIZE + 1 });
    more = all.length > page * PAGE_SIZE;
    rows = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    facets = claimFacets(db, options);
  }
  const searched = FILTER_KEYS.some((k) => q.get(k));
  const pageLink = (n: number) => { const next = new URLSearchParams(q); next.set('page', String(n)); return `/claims?${next}`; };
  const body = html`<h1>${options.query ? `Claims: ${options.query}` : 'Claims'}</h1>${searchForm(db, q)}
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<div class="layout">${facets ? facetList(q, facets) : html`<aside></aside>`}<section class="results" aria-label="results">
${!error && !rows.length ? html`<p class="muted">${searched ? 'No claim matches. Remove a filter, or search fewer words.' : 'No claims yet: vnpress crawl fills the database.'}</p>` : ''}
${rows.map(claimCard)}
<nav class="pager">${page > 1 ? html`<a rel="prev" href="${pageLink(page - 1)}">← newer</a>` : ''}${more ? html`<a rel="next" href="${pageLink(page + 1)}">more →</a>` : ''}</nav></section></div>`;
  return { title: options.query ? `Claims: ${options.query}` : 'Claims', body, rows: rows as unknown as Record<string, unknown>[], columns: CLAIM_COLUMNS, json: error ? { error } : { claims: rows, facets, page, more } };
}

/** An article's paragraphs with [start, end) marked; offsets are into the stored text, as every span is. */
function markedText(text: string, start: number | null, end: number | null): SafeHtml {
  const out: SafeHtml[] = [];
  let at = 0;
  for (const para of text.split('\n\n')) {
    const from = at;
    const to = at + para.length;
    at = to + 2;
    if (start !== null && end !== null && start < to && end > from) {
      const s = Math.max(start, from) - from;
      const e = Math.min(end, to) - from;
      out.push(html`<p>${para.slice(0, s)}<mark id="span">${para.slice(s, e)}</mark>${para.slice(e)}</p>`);
    } else {
      out.push(html`<p>${para}</p>`);
    }
  }
  return html`${out}`;
}

function articleView(db: Db, [id]: string[], q: URLSearchParams): Outcome {
  const a = db.prepare('SELECT id, url, source_id AS source, title, published_at, author, text FROM articles WHERE id = ?').get(Number(id)) as
    { id: number; url: string; source: string | null; title: string | null; published_at: string | null; author: string | null; text: string } | undefined;
  if (!a) return { found: false, title: 'No such article', message: `There is no article ${id} in this database.` };
  const start = q.has('start') ? Number(q.get('start')) : null;
  const end = q.has('end') ? Number(q.get('end')) : null;
  if ((start !== null || end !== null) && !(Number.isInteger(start) && Number.isInteger(end) && start! >= 0 && end! > start! && end! <= a.text.length)) {
    throw new InputError(`start and end must mark a span of this article's text (0 to ${a.text.length}); drop them to read the whole article`);
  }
  const claims = db.prepare('SELECT id, metric, metric_key, value, unit, approx, period, quote, span_start, span_end FROM claims WHERE article_id = ? ORDER BY span_start').all(a.id) as Record<string, unknown>[];
  const refs = db.prepare(`SELECT d.number, d.type, r.quote, r.span_start, r.span_end FROM legal_refs r JOIN legal_documents d ON d.id = r.document_id
    WHERE r.article_id = ? ORDER BY r.span_start`).all(a.id) as { number: string; type: string | null; quote: string; span_start: number; span_end: number }[];
  const people = db.prepare(`SELECT p.name, m.quote, m.span_start, m.span_end FROM official_mentions m JOIN persons p ON p.id = m.person_id
    WHERE m.article_id = ? ORDER BY m.span_start`).all(a.id) as { name: string; quote: string; span_start: number; span_end: number }[];
  const body = html`<h1>${a.title ?? '(untitled)'}</h1>
<p class="muted">${a.source ?? ''} · ${day(a.published_at)}${a.author ? ` · ${a.author}` : ''} · <a class="original" href="${safeHref(a.url)}" rel="noopener noreferrer nofollow">original</a></p>
${refs.length ? html`<p class="muted">Documents: ${refs.map((r, i) => html`${i ? ', ' : ''}<a href="/documents/${encodeURIComponent(r.number)}">${r.number}</a> (<a href="${spanHref(a.id, r.span_start, r.span_end)}">in text</a>)`)}</p>` : ''}
${people.length ? html`<p class="muted">Officials: ${people.map((p, i) => html`${i ? ', ' : ''}<a href="/officials/${encodeURIComponent(p.name)}">${p.name}</a> (<a href="${spanHref(a.id, p.span_start, p.span_end)}">in text</a>)`)}</p>` : ''}
<article class="text">${markedText(a.text, start, end)}</article>`;
  return { found: true, view: { title: a.title ?? `Article ${a.id}`, body, rows: claims, columns: ['id', 'metric', 'metric_key', 'value', 'unit', 'approx', 'period', 'quote', 'span_start', 'span_end'],
    json: { ...a, span: start !== null ? [start, end] : null, claims, legalRefs: refs, officials: people } } };
}

function claimRedirect(db: Db, [id]: string[]): Outcome {
  const c = db.prepare('SELECT article_id, span_start, span_end FROM claims WHERE id = ?').get(Number(id)) as { article_id: number; span_start: number; span_end: number } | undefined;
  return c ? { redirect: spanHref(c.article_id, c.span_start, c.span_end) } : { found: false, title: 'No such claim', message: `There is no claim ${id} in this database.` };
}

function officialView(db: Db, [name]: string[]): Outcome {
  const people = officialTimeline(db, name!);
  if (!people.length) return { found: false, title: 'No such official', message: `No official named "${name}" in this database; search claims with the name, or check its spelling.` };
  const rows = people.flatMap((p) => p.articles.map((a) => ({ name: p.name, published_at: day(a.published_at), titles: a.titles.join('; '), title: a.title, url: a.url, article_id: a.article_id, span_start: a.span_start, span_end: a.span_end })));
  const body = html`${people.map((p) => html`<h1>${p.name}</h1>
<h2>Titles as reported</h2><table><thead><tr><th>title</th><th>first seen</th><th>last seen</th><th class="n">articles</th></tr></thead><tbody>
${p.positions.map((t) => html`<tr><td>${t.title}</td><td>${t.first_seen}</td><td>${t.last_seen}</td><td class="n">${t.articles}</td></tr>`)}</tbody></table>
<h2>Mentions, by date</h2><table><thead><tr><th>date</th><th>article</th><th>titles given</th><th></th></tr></thead><tbody>
${p.articles.map((a) => html`<tr><td>${day(a.published_at)}</td><td>${a.title ?? ''}</td><td>${a.titles.join('; ')}</td><td><a href="${spanHref(a.article_id, a.span_start, a.span_end)}">in the article</a> · <a href="${safeHref(a.url)}" rel="noopener noreferrer nofollow">original</a></td></tr>`)}</tbody></table>`)}`;
  return { found: true, view: { title: people[0]!.name, body, rows, columns: ['name', 'published_at', 'titles', 'title', 'url', 'article_id', 'span_start', 'span_end'], json: people } };
}

function documentView(db: Db, [number]: string[]): Outcome {
  const docs = findDocuments(db, number!);
  if (!docs.length) return { found: false, title: 'No such document', message: `No article in this database cites ${number}; check the number (e.g. 42/2022/NĐ-CP; ND for NĐ works).` };
  const rows = docs.flatMap((d) => d.citations.map((c) => ({ number: d.number, published_at: day(c.published_at), source: c.source, title: c.title, url: c.url, quote: c.quote, article_id: c.article_id, span_start: c.span_start, span_end: c.span_end })));
  const body = html`${docs.map((d) => html`<h1>${d.type ?? 'Văn bản'} ${d.number}</h1>
<p>${d.issued_on ? `ngày ${d.issued_on}` : ''}${d.issuer ? ` của ${d.issuer}` : ''}${d.subject ? html`<br>${d.subject}` : ''}</p>
<h2>Cited by ${d.citations.length} ${d.citations.length === 1 ? 'article' : 'articles'}, by date</h2>
<table><thead><tr><th>date</th><th>source</th><th>article</th><th></th></tr></thead><tbody>
${d.citations.map((c) => html`<tr><td>${day(c.published_at)}</td><td>${c.source ?? ''}</td><td>${c.title ?? ''}</td><td><a href="${spanHref(c.article_id, c.span_start, c.span_end)}">in the article</a> · <a href="${safeHref(c.url)}" rel="noopener noreferrer nofollow">original</a></td></tr>`)}</tbody></table>`)}`;
  return { found: true, view: { title: docs[0]!.number, body, rows, columns: ['number', 'published_at', 'source', 'title', 'url', 'quote', 'article_id', 'span_start', 'span_end'], json: docs } };
}

function metricView(db: Db, [key]: string[], q: URLSearchParams): Outcome {
  const chart = metricChart(db, key!, { source: q.get('source') || null });
  if (!chart) return { found: false, title: 'No such metric', message: `No dated figure for "${key}" in this database; metric keys look like gdp-growth|rate (see a claim's card).` };
  const points = chart.lines.flatMap((l) => l.points);
  const svg = lineChart('metric', `${chart.label} by ${chart.periods}`, metricLines(chart, (p) => `/claims/${p.claim_id}`), { unit: chart.unit });
  const rows = points.map((p) => ({ period: p.period, source: p.source, value: p.value, unit: p.unit, qualifier: p.qualifier, comparison: p.comparison, conflict: p.conflict, published_at: day(p.published_at), title: p.title, url: p.url, claim_id: p.claim_id }))
    .sort((a, b) => (String(a.period) < String(b.period) ? -1 : String(a.period) > String(b.period) ? 1 : 0));
  const body = html`<h1>${chart.label} <span class="muted">${chart.key}</span></h1>
<p class="muted">One point per ${chart.periods} and source (${chart.unit}${chart.comparison ? `, ${chart.comparison}` : ''}); ringed where sources disagree. Each point opens its sentence.${chart.omittedLengths + chart.omittedKinds ? ` ${chart.omittedLengths + chart.omittedKinds} figures of other periods, units or comparisons are not drawn.` : ''}</p>
${raw(svg)}
<h2>The figures</h2><table><thead><tr><th>period</th><th>source</th><th class="n">value</th><th>unit</th><th>disputed</th><th>article</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${r.period}</td><td>${r.source ?? ''}</td><td class="n">${r.qualifier ? `${r.qualifier} ` : ''}${fmt(r.value)}</td><td>${r.unit}</td><td>${r.conflict ? 'yes' : ''}</td><td><a href="/claims/${r.claim_id}">${r.title ?? r.url}</a></td></tr>`)}</tbody></table>`;
  return { found: true, view: { title: chart.label, body, rows, columns: ['period', 'source', 'value', 'unit', 'qualifier', 'comparison', 'conflict', 'published_at', 'title', 'url', 'claim_id'], json: { ...chart, lines: undefined, points: rows } } };
}

function crawlView(db: Db): Outcome {
  const s = readCrawlStatus(db);
  const rows = s.frontier.map((f) => ({ ...f })) as Record<string, unknown>[];
  const body = html`<h1>Crawl status</h1>
<p>${s.run ? html`Latest run ${s.run.id}: <b>${s.run.state}</b>, started ${s.run.startedAt}${s.run.finishedAt ? `, ended ${s.run.finishedAt}` : ''}; ${fmt(s.run.fetched)} pages fetched, ${fmt(s.run.articles)} articles, ${fmt(s.run.failed)} failed.` : 'No crawl has run on this database yet.'}</p>
<p class="muted">${fmt(s.recentRate)} pages/s over the last 5 minutes${s.nextDue ? ` · next retry due ${s.nextDue}` : ''}</p>
<h2>URLs by source and state</h2><table><thead><tr><th>source</th><th class="n">queued</th><th class="n">in flight</th><th class="n">done</th><th class="n">failed</th><th class="n">skipped</th></tr></thead><tbody>
${s.frontier.map((f) => html`<tr><td>${f.source ?? ''}</td><td class="n">${fmt(f.queued)}</td><td class="n">${fmt(f.leased)}</td><td class="n">${fmt(f.done)}</td><td class="n">${fmt(f.failed)}</td><td class="n">${fmt(f.skipped)}</td></tr>`)}</tbody></table>
${s.failures.length ? html`<h2>Failures by cause</h2><table><thead><tr><th>cause</th><th class="n">URLs</th><th>example</th></tr></thead><tbody>
${s.failures.map((f) => html`<tr><td>${f.cause}</td><td class="n">${fmt(f.count)}</td><td><a href="${safeHref(f.example.url)}" rel="noopener noreferrer nofollow">${f.example.url}</a><br><span class="muted">${f.example.error ?? ''}</span></td></tr>`)}</tbody></table>` : ''}`;
  return { found: true, view: { title: 'Crawl status', body, rows, columns: ['source', 'queued', 'leased', 'done', 'failed', 'skipped'], json: s } };
}

/**
 * The search form sends every field, empty ones too: those are dropped by a redirect, so the address that
 * stays in the bar (and gets shared) holds only the filters that apply.
 */
function claimsPage(db: Db, _args: string[], q: URLSearchParams): Outcome {
  const kept = [...q].filter(([, v]) => v.trim() !== '');
  if (kept.length < [...q].length) {
    const s = new URLSearchParams(kept).toString();
    return { redirect: `/claims${s ? `?${s}` : ''}` };
  }
  return { found: true, view: claimsView(db, q, null) };
}

export const ROUTES: readonly Route[] = [
  { pattern: /^\/claims$/, handler: claimsPage, onError: (db, q, message) => claimsView(db, q, message) },
  { pattern: /^\/claims\/(\d+)$/, handler: claimRedirect, quick: true },
  { pattern: /^\/articles\/(\d+)$/, handler: articleView, quick: true },
  { pattern: /^\/officials\/([^/]+)$/, handler: officialView },
  { pattern: /^\/documents\/([^/]+)$/, handler: documentView },
  { pattern: /^\/metrics\/([^/]+)$/, handler: metricView },
  { pattern: /^\/crawl$/, handler: crawlView },
];
