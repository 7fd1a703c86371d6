/**
 * A report as one HTML file: the charts inline as SVG, the styles inline, no script, no font, no image to
 * fetch. Its Content-Security-Policy forbids loading anything, so a file that opens offline today opens the
 * same way anywhere later. Each chart has its numbers in a table beneath it (folded), for a reader who needs
 * the figures rather than the shape, and for copying into a spreadsheet.
 */
import type { ReportData, MetricChart } from '../query/report-data.js';
import { periodMiddle } from '../query/report-data.js';
import { barChart, columnChart, esc, fmt, heatmap, lineChart, type Line } from './svg.js';
import type { SeriesPoint } from '../query/trends.js';

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#222;max-width:860px;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.25rem;margin-top:2.4rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.6rem 0 .3rem}.meta,.note{color:#555;font-size:.9rem}
.totals{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:1rem 0;padding:0;list-style:none}.totals b{font-size:1.3rem;display:block}
table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0}td,th{border-bottom:1px solid #e5e5e5;padding:.15rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}details{margin:.3rem 0 1rem}summary{cursor:pointer;color:#0057a0;font-size:.9rem}
svg.chart{display:block;max-width:100%;height:auto}.empty{color:#777;font-style:italic}
@media print{details{display:none}h2{break-after:avoid}svg.chart{break-inside:avoid}}
`;

function table(head: readonly string[], rows: readonly (readonly (string | number | null)[])[], numeric: readonly number[] = []): string {
  const cell = (v: string | number | null, i: number, tag: string) =>
    `<${tag}${numeric.includes(i) ? ' class="n"' : ''}>${v === null ? '' : esc(typeof v === 'number' ? fmt(v) : v)}</${tag}>`;
  return `<table><thead><tr>${head.map((h, i) => cell(h, i, 'th')).join('')}</tr></thead><tbody>`
    + rows.map((r) => `<tr>${r.map((v, i) => cell(v, i, 'td')).join('')}</tr>`).join('') + '</tbody></table>';
}

const folded = (summary: string, body: string) => `<details><summary>${esc(summary)}</summary>${body}</details>`;
const empty = (what: string) => `<p class="empty">${esc(what)}</p>`;

/**
 * A metric chart's lines as the line chart draws them: each point at its period's middle, its tooltip the
 * figure as written and its article; with `href`, each point a link (the web page links them to sentences).
 */
export function metricLines(m: MetricChart, href?: (p: SeriesPoint) => string): Line[] {
  return m.lines.map((l) => ({
    name: l.source,
    points: l.points.map((p) => ({
      t: periodMiddle(p.period!)!,
      value: p.value,
      conflict: p.conflict,
      label: `${p.period}: ${p.qualifier ? `${p.qualifier} ` : ''}${fmt(p.value)} ${p.unit} — ${p.title ?? p.url} (${(p.published_at ?? '').slice(0, 10)})`,
      href: href?.(p),
    })),
  }));
}

function metricSection(m: MetricChart, i: number): string {
  const lines = metricLines(m);
  const n = m.lines.reduce((s, l) => s + l.points.length, 0);
  const notes = [
    `${n} figures, one per ${m.periods} and source${m.comparison ? `, ${m.comparison}` : ''}`,
    m.conflicts ? `${m.conflicts} ${m.conflicts === 1 ? 'period where' : 'periods where'} articles disagree (ringed)` : '',
    m.omittedLengths ? `${m.omittedLengths} figures about periods of other lengths not drawn` : '',
    m.omittedKinds ? `${m.omittedKinds} in other units or on other comparisons not drawn` : '',
    m.omittedLengths || m.omittedKinds ? `vnpress trend metric "${m.key}" lists them all` : '',
  ].filter(Boolean);
  const rows = m.lines.flatMap((l) => l.points.map((p) => [p.period, l.source, `${p.qualifier ? `${p.qualifier} ` : ''}${fmt(p.value)}`, p.unit, p.conflict ? 'yes' : '', (p.published_at ?? '').slice(0, 10), p.title ?? p.url]))
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
  return `<h3>${esc(m.label)} <span class="meta">(${esc(m.unit)}, ${esc(m.key)})</span></h3>`
    + lineChart(`metric-${i}`, `${m.label} by ${m.periods}, ${m.unit}`, lines, { unit: m.unit })
    + `<p class="note">${esc(notes.join('; '))}.</p>`
    + folded('The figures', table(['period', 'source', 'value', 'unit', 'disputed', 'published', 'article'], rows));
}

export function renderReport(d: ReportData): string {
  const scope = [
    d.since || d.until ? `articles published ${d.since ? `from ${d.since}` : ''}${d.since && d.until ? ' ' : ''}${d.until ? `to ${d.until}` : ''}` : 'all articles',
    d.source ? `source ${d.source}` : 'all sources',
  ].join(', ');
  const t = d.totals;
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>vnpress report: ${esc(scope)}</title><style>${CSS}</style></head><body>`,
    `<h1>Government press releases: what they report</h1>`,
    `<p class="meta">${esc(scope)} · generated ${esc(d.generatedAt.slice(0, 16).replace('T', ' '))} UTC by vnpress</p>`,
    `<ul class="totals">${([['articles', t.articles], ['sources', t.sources], ['numeric claims', t.claims], ['legal documents', t.documents], ['officials', t.officials], ['meetings', t.meetings]] as const)
      .map(([k, v]) => `<li><b>${fmt(v)}</b>${k}</li>`).join('')}</ul>`);

  parts.push('<section id="metrics"><h2>Metric series</h2>',
    `<p class="note">Figures by the period they are about${d.since || d.until ? ' (periods starting within the dates above)' : ''}; a line per source.</p>`);
  parts.push(d.metrics.length ? d.metrics.map(metricSection).join('') : empty('No metric with a dated figure in these articles.'));
  parts.push('</section>');

  parts.push('<section id="documents"><h2>Most-cited legal documents</h2>');
  parts.push(d.documents.length
    ? barChart('documents', 'Most-cited legal documents, by articles citing them', d.documents.map((x) => ({
      label: `${x.number}${x.type ? ` (${x.type})` : ''}`, value: x.articles,
      detail: [x.issued_on ? `issued ${x.issued_on}` : '', x.issuer ?? '', x.subject ?? ''].filter(Boolean).join(', '),
    })), { unit: 'articles' })
      + folded('The documents', table(['number', 'type', 'issued', 'issuer', 'subject', 'articles'], d.documents.map((x) => [x.number, x.type, x.issued_on, x.issuer, x.subject, x.articles]), [5]))
    : empty('No legal document cited in these articles.'));
  parts.push('</section>');

  parts.push('<section id="officials"><h2>Officials by mentions</h2>');
  parts.push(d.officials.length
    ? barChart('officials', 'Officials by the number of articles naming them', d.officials.map((o) => ({ label: o.name, value: o.articles, detail: o.title ?? undefined })), { unit: 'articles' })
      + folded('The officials', table(['name', 'latest title', 'articles'], d.officials.map((o) => [o.name, o.title, o.articles]), [2]))
    : empty('No official named in these articles.'));
  parts.push('</section>');

  parts.push('<section id="meetings"><h2>Meetings by month</h2>');
  const m = d.meetings;
  const meetingTotal = m.counts.flat().reduce((s, v) => s + v, 0);
  parts.push(meetingTotal
    ? columnChart('meetings', 'Meetings by month and kind', m.months.map((month, i) => ({ label: month, parts: m.counts[i]! })), { series: m.kinds, unit: 'meetings' })
      + folded('Meetings per month', table(['month', ...m.kinds, 'total'], m.months.map((month, i) => [month, ...m.counts[i]!, m.counts[i]!.reduce((s, v) => s + v, 0)]), m.kinds.map((_, k) => k + 1).concat(m.kinds.length + 1)))
    : empty('No meeting reported in these articles.'));
  parts.push('</section>');

  parts.push('<section id="coverage"><h2>Crawl coverage by source</h2>');
  const c = d.coverage;
  if (c.sources.length) {
    parts.push('<p class="note">The crawl\'s URLs per source by state (the whole crawl), then articles per source and month.</p>',
      barChart('crawl', 'Crawled URLs per source by state', c.sources.map((s) => ({ label: s.name === s.source ? s.source : `${s.name} (${s.source})`, value: s.done + s.failed + s.skipped + s.queued, parts: [s.done, s.failed, s.skipped, s.queued] })),
        { unit: 'URLs', series: ['fetched', 'failed', 'skipped', 'waiting'] }));
    if (c.months.length) {
      parts.push(heatmap('coverage', 'Articles per source and month', c.sources.map((s) => s.source), c.months, c.articles, { unit: 'articles' }));
    }
    parts.push(folded('Per source', table(['source', 'name', 'articles', 'first', 'last', 'fetched', 'failed', 'skipped', 'waiting'],
      c.sources.map((s) => [s.source, s.name, s.articles, s.first, s.last, s.done, s.failed, s.skipped, s.queued]), [2, 5, 6, 7, 8])));
  } else {
    parts.push(empty('Nothing crawled yet: vnpress crawl fills the database.'));
  }
  parts.push('</section></body></html>\n');
  return parts.join('');
}
