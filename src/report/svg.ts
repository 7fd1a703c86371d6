/**
 * SVG charts as strings, for a report that must open anywhere with nothing else: no script, no font, no
 * stylesheet outside the file. Each chart is drawn in its own coordinate space (a viewBox) and scales to the
 * page's width. Every mark carries a <title> (the browser shows it on hover, screen readers read it) and a
 * data-value attribute with the number it stands for, so a reader or a test can check a mark against its data.
 */

/** Colours that stay apart for the common colour-vision deficiencies (Okabe and Ito's palette). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999', '#882255'] as const;
const GRID = '#d9d9d9';
const INK = '#222';
const MUTED = '#666';
const CONFLICT = '#C00000';

/** Text for an XML text node or a double-quoted attribute. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A label cut to `max` characters (by code point, so a Vietnamese letter is never split), with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** A number as a reader expects it on an axis or in a tooltip: thousands grouped, at most 3 decimals. */
export function fmt(n: number): string {
  const abs = Math.abs(n);
  const digits = abs >= 100 || Number.isInteger(n) ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return FORMATS[digits]!.format(n);
}
// toLocaleString with options builds a formatter at every call (about 30 µs): a page of claims formats 60 numbers.
const FORMATS = [0, 1, 2, 3].map((d) => new Intl.NumberFormat('en-US', { maximumFractionDigits: d }));

/** An axis label: compact for large numbers ("190B", "1.2M") so it fits the margin; the tooltip has it in full. */
export function fmtAxis(n: number): string {
  return Math.abs(n) >= 100_000 ? n.toLocaleString('en-US', { notation: 'compact', maximumFractionDigits: 1 }) : fmt(n);
}

/**
 * Round axis ticks covering [min, max]: steps of 1, 2 or 5 times a power of ten, about `count` of them. The
 * first tick is at or below min and the last at or above max, so every mark falls inside the axis.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 shows as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let t = first; t < max + step * 0.5; t += step) ticks.push(Number(t.toFixed(decimals)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toFixed(decimals)));
  return ticks;
}

function svgOpen(kind: string, id: string, width: number, height: number, title: string): string {
  return `<svg class="chart chart-${kind}" data-chart="${esc(id)}" viewBox="0 0 ${width} ${height}" width="100%" role="img" `
    + `aria-labelledby="${esc(id)}-title" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, sans-serif" font-size="12">`
    + `<title id="${esc(id)}-title">${esc(title)}</title>`;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------------------------------------------------
// Horizontal bars: a ranking (most-cited documents, officials by mentions)

export interface Bar {
  label: string;
  value: number;
  /** With the chart's `series`: the value split into stacked parts, in the series' order. */
  parts?: readonly number[];
  /** What the tooltip adds to the label and value. */
  detail?: string;
}

export function barChart(id: string, title: string, bars: readonly Bar[], opts: { unit: string; series?: readonly string[]; width?: number }): string {
  const width = opts.width ?? 760;
  const labelW = 300;
  const row = 22;
  const top = 8;
  const legendH = opts.series ? 8 + legendLayout(opts.series, labelW, width).rows * LEGEND_ROW : 0;
  const height = top + bars.length * row + 26 + legendH;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const ticks = niceTicks(0, max, 5);
  const scaleMax = ticks[ticks.length - 1]!;
  const plotW = width - labelW - 50;
  const x = (v: number) => labelW + (v / scaleMax) * plotW;
  const out = [svgOpen('bar', id, width, height, title)];
  for (const t of ticks) {
    out.push(`<line x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${top}" y2="${top + bars.length * row}" stroke="${GRID}"/>`,
      `<text x="${r1(x(t))}" y="${top + bars.length * row + 16}" text-anchor="middle" fill="${MUTED}">${esc(fmtAxis(t))}</text>`);
  }
  bars.forEach((b, i) => {
    const y = top + i * row;
    const split = opts.series && b.parts ? ` (${b.parts.map((v, k) => `${opts.series![k]} ${fmt(v)}`).join(', ')})` : '';
    const tip = `${b.label}: ${fmt(b.value)} ${opts.unit}${split}${b.detail ? ` (${b.detail})` : ''}`;
    out.push(`<g class="mark" data-value="${b.value}"><title>${esc(tip)}</title>`,
      `<text x="${labelW - 8}" y="${y + row / 2 + 4}" text-anchor="end" fill="${INK}">${esc(clip(b.label, 44))}</text>`);
    let base = 0;
    (opts.series && b.parts ? b.parts : [b.value]).forEach((v, k) => {
      if (!v) return;
      out.push(`<rect class="bar" data-value="${v}" x="${r1(x(base))}" y="${y + 3}" width="${r1(x(base + v) - x(base))}" height="${row - 6}" fill="${PALETTE[k % PALETTE.length]}"/>`);
      base += v;
    });
    out.push(`<text x="${r1(x(b.value) + 4)}" y="${y + row / 2 + 4}" fill="${MUTED}">${esc(fmt(b.value))}</text></g>`);
  });
  if (opts.series) out.push(legend(opts.series, labelW, top + bars.length * row + 26 + 14, width));
  out.push('</svg>');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------------------
// Columns over time, stacked by series (meetings by month and kind)

export interface Column {
  label: string;
  /** One value per series, in the order of `series`. */
  parts: readonly number[];
}

export function columnChart(id: string, title: string, columns: readonly Column[], opts: { series: readonly string[]; unit: string; width?: number }): string {
  const width = opts.width ?? 760;
  const left = 44;
  const top = 10;
  const plotH = 180;
  const legendH = opts.series.length > 1 ? legendLayout(opts.series, left, width).rows * LEGEND_ROW + 4 : 0;
  const height = top + plotH + 40 + legendH;
  const totals = columns.map((c) => c.parts.reduce((s, v) => s + v, 0));
  const ticks = niceTicks(0, Math.max(1, ...totals), 4);
  const scaleMax = ticks[ticks.length - 1]!;
  const plotW = width - left - 10;
  const slot = plotW / Math.max(1, columns.length);
  const y = (v: number) => top + plotH - (v / scaleMax) * plotH;
  const out = [svgOpen('column', id, width, height, title)];
  for (const t of ticks) {
    out.push(`<line x1="${left}" x2="${width - 10}" y1="${r1(y(t))}" y2="${r1(y(t))}" stroke="${GRID}"/>`,
      `<text x="${left - 6}" y="${r1(y(t) + 4)}" text-anchor="end" fill="${MUTED}">${esc(fmtAxis(t))}</text>`);
  }
  // Labels thin out so they never overlap: one every `every` columns, about 60 px apart.
  const every = Math.max(1, Math.ceil(60 / slot));
  columns.forEach((c, i) => {
    const x0 = left + i * slot;
    let base = 0;
    const tip = `${c.label}: ${fmt(totals[i]!)} ${opts.unit}${opts.series.length > 1 ? ` (${c.parts.map((v, k) => `${opts.series[k]} ${fmt(v)}`).filter((_, k) => c.parts[k]).join(', ')})` : ''}`;
    out.push(`<g class="mark" data-label="${esc(c.label)}" data-value="${totals[i]}"><title>${esc(tip)}</title>`);
    // An invisible full-height target, so the tooltip shows for an empty month too.
    out.push(`<rect x="${r1(x0)}" y="${top}" width="${r1(slot)}" height="${plotH}" fill="transparent"/>`);
    c.parts.forEach((v, k) => {
      if (!v) return;
      out.push(`<rect class="bar" data-value="${v}" x="${r1(x0 + slot * 0.12)}" y="${r1(y(base + v))}" width="${r1(slot * 0.76)}" height="${r1(y(base) - y(base + v))}" fill="${PALETTE[k % PALETTE.length]}"/>`);
      base += v;
    });
    out.push('</g>');
    if (i % every === 0) out.push(`<text x="${r1(x0 + slot / 2)}" y="${top + plotH + 16}" text-anchor="middle" fill="${MUTED}">${esc(c.label)}</text>`);
  });
  if (legendH) out.push(legend(opts.series, left, top + plotH + 34, width));
  out.push('</svg>');
  return out.join('');
}

const LEGEND_ROW = 18;

/** How a legend's items are laid out: rows that wrap before `maxX`, each item's x and row. */
function legendLayout(names: readonly string[], x: number, maxX: number): { at: { x: number; row: number }[]; rows: number } {
  const at: { x: number; row: number }[] = [];
  let cx = x;
  let row = 0;
  for (const name of names) {
    const w = 24 + Math.min(28, [...name].length) * 7;
    if (cx > x && cx + w > maxX) { cx = x; row++; }
    at.push({ x: cx, row });
    cx += w;
  }
  return { at, rows: names.length ? row + 1 : 0 };
}

/** Colour keys in rows below a chart; `ring` adds the mark for a disputed point as the last item. */
function legend(names: readonly string[], x: number, y: number, maxX: number, ring = false): string {
  const items = ring ? [...names, 'sources disagree'] : names;
  const { at } = legendLayout(items, x, maxX);
  const out: string[] = [];
  items.forEach((name, k) => {
    const { x: ix, row } = at[k]!;
    const iy = y + row * LEGEND_ROW;
    out.push(ring && k === names.length
      ? `<circle cx="${ix + 5}" cy="${iy - 4}" r="6" fill="none" stroke="${CONFLICT}" stroke-width="1.5"/>`
      : `<rect x="${ix}" y="${iy - 9}" width="10" height="10" fill="${PALETTE[k % PALETTE.length]}"/>`,
    `<text x="${ix + 14}" y="${iy}" fill="${INK}">${esc(clip(name, 28))}</text>`);
  });
  return `<g class="legend">${out.join('')}</g>`;
}

// ---------------------------------------------------------------------------------------------------------
// Lines over time (a metric's figures, one line per source)

export interface LinePoint {
  /** Milliseconds since the epoch of the period's middle: periods of one length sit evenly on the axis. */
  t: number;
  value: number;
  /** What the tooltip says: the period, the figure as written, the article. */
  label: string;
  /** Another article gives a different value for this period: drawn with a red ring. */
  conflict: boolean;
  /** Where the point leads: its sentence in its article (a path on the same server). */
  href?: string;
}

export interface Line {
  name: string;
  points: readonly LinePoint[];
}

export function lineChart(id: string, title: string, lines: readonly Line[], opts: { unit: string; width?: number }): string {
  const width = opts.width ?? 760;
  const left = 56;
  const right = 16;
  const top = 26;
  const plotH = 200;
  const ring = lines.some((l) => l.points.some((p) => p.conflict));
  const legendRows = legendLayout(ring ? [...lines.map((l) => l.name), 'sources disagree'] : lines.map((l) => l.name), left, width).rows;
  const height = top + plotH + 30 + legendRows * LEGEND_ROW;
  const all = lines.flatMap((l) => l.points);
  const ts = all.map((p) => p.t);
  const vs = all.map((p) => p.value);
  let t0 = Math.min(...ts);
  let t1 = Math.max(...ts);
  if (t0 === t1) { t0 -= 180 * 86_400_000; t1 += 180 * 86_400_000; }
  const ticks = niceTicks(Math.min(0, ...vs), Math.max(...vs), 5);
  const v0 = ticks[0]!;
  const v1 = ticks[ticks.length - 1]!;
  const plotW = width - left - right;
  const x = (t: number) => left + ((t - t0) / (t1 - t0)) * plotW * 0.96 + plotW * 0.02;
  const y = (v: number) => top + plotH - ((v - v0) / (v1 - v0)) * plotH;
  const out = [svgOpen('line', id, width, height, title)];
  for (const t of ticks) {
    out.push(`<line x1="${left}" x2="${width - right}" y1="${r1(y(t))}" y2="${r1(y(t))}" stroke="${t === 0 ? '#999' : GRID}"/>`,
      `<text x="${left - 6}" y="${r1(y(t) + 4)}" text-anchor="end" fill="${MUTED}">${esc(fmtAxis(t))}</text>`);
  }
  out.push(`<text x="${left - 6}" y="${top - 14}" text-anchor="end" fill="${MUTED}">${esc(opts.unit)}</text>`);
  // Year marks on the time axis, thinned to about one per 70 px.
  const y0 = new Date(t0).getUTCFullYear();
  const y1 = new Date(t1).getUTCFullYear();
  const yearEvery = Math.max(1, Math.ceil((y1 - y0 + 1) / (plotW / 70)));
  for (let yr = y0; yr <= y1 + 1; yr++) {
    const t = Date.UTC(yr, 0, 1);
    if (t < t0 - 1 || t > t1 + 1 || (yr - y0) % yearEvery) continue;
    out.push(`<line x1="${r1(x(t))}" x2="${r1(x(t))}" y1="${top}" y2="${top + plotH}" stroke="${GRID}" stroke-dasharray="2 3"/>`,
      `<text x="${r1(x(t))}" y="${top + plotH + 16}" text-anchor="middle" fill="${MUTED}">${yr}</text>`);
  }
  lines.forEach((line, k) => {
    const colour = PALETTE[k % PALETTE.length];
    const pts = [...line.points].sort((a, b) => a.t - b.t);
    if (pts.length > 1) {
      out.push(`<polyline class="series" data-series="${esc(line.name)}" fill="none" stroke="${colour}" stroke-width="1.5" points="${pts.map((p) => `${r1(x(p.t))},${r1(y(p.value))}`).join(' ')}"/>`);
    }
    for (const p of pts) {
      out.push(p.href ? `<a href="${esc(p.href)}">` : '', `<g class="mark${p.conflict ? ' conflict' : ''}"><title>${esc(`${line.name} · ${p.label}`)}</title>`,
        `<circle class="point" data-value="${p.value}" cx="${r1(x(p.t))}" cy="${r1(y(p.value))}" r="${p.href ? 5 : 3.5}" fill="${colour}"/>`,
        p.conflict ? `<circle cx="${r1(x(p.t))}" cy="${r1(y(p.value))}" r="7" fill="none" stroke="${CONFLICT}" stroke-width="1.5"/>` : '', '</g>', p.href ? '</a>' : '');
    }
  });
  out.push(legend(lines.map((l) => l.name), left, top + plotH + 40, width, ring));
  out.push('</svg>');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------------------
// A grid of shaded cells (articles per source and month)

export function heatmap(id: string, title: string, rows: readonly string[], cols: readonly string[], cells: readonly (readonly number[])[], opts: { unit: string; width?: number }): string {
  const width = opts.width ?? 760;
  const labelW = 130;
  const rowH = 20;
  const top = 6;
  const height = top + rows.length * rowH + 24;
  const cellW = (width - labelW - 10) / Math.max(1, cols.length);
  const max = Math.max(1, ...cells.flat());
  const out = [svgOpen('heatmap', id, width, height, title)];
  rows.forEach((name, r) => {
    const y = top + r * rowH;
    out.push(`<text x="${labelW - 8}" y="${y + rowH / 2 + 4}" text-anchor="end" fill="${INK}">${esc(clip(name, 18))}</text>`);
    cols.forEach((col, c) => {
      const v = cells[r]?.[c] ?? 0;
      // Square-root shading: a month with a tenth of the busiest still shows.
      const opacity = v ? 0.12 + 0.88 * Math.sqrt(v / max) : 0;
      out.push(`<rect class="cell" data-value="${v}" x="${r1(labelW + c * cellW)}" y="${y + 1}" width="${r1(Math.max(0.5, cellW - 1))}" height="${rowH - 2}" `
        + `fill="${v ? PALETTE[0] : '#f2f2f2'}"${v ? ` fill-opacity="${opacity.toFixed(2)}"` : ''}><title>${esc(`${name}, ${col}: ${fmt(v)} ${opts.unit}`)}</title></rect>`);
    });
  });
  const every = Math.max(1, Math.ceil(56 / cellW));
  cols.forEach((col, c) => {
    // A label needs about 50 px: none starts where it would run off the right edge.
    if (c % every === 0 && labelW + c * cellW + 50 <= width) out.push(`<text x="${r1(labelW + c * cellW)}" y="${top + rows.length * rowH + 16}" fill="${MUTED}">${esc(col)}</text>`);
  });
  out.push('</svg>');
  return out.join('');
}
