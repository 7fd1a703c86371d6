/**
 * The key that groups one metric across articles: a catalog entry's key when the metric (or, failing that,
 * its clause) uses one of the entry's phrasings in a fitting unit; otherwise a normalized text key. The unit
 * class is part of the key, so that a count and a growth rate of the same thing stay apart.
 */
import { METRICS, type MetricEntry } from './data/metrics.js';
import { EN_METRIC_PHRASINGS } from './data/english.js';
import { foldKey } from '../text/normalize.js';
import { PhraseIndex } from '../text/phrases.js';

/** Every phrasing, with the entries that use it, looked up word by word, accent-folded. */
const BY_PHRASING = new Map<string, MetricEntry[]>();
for (const entry of METRICS) {
  for (const p of [...entry.phrasings, ...(EN_METRIC_PHRASINGS[entry.key] ?? [])]) {
    const key = foldKey(p);
    BY_PHRASING.set(key, [...(BY_PHRASING.get(key) ?? []), entry]);
  }
}
const PHRASINGS = new PhraseIndex([...BY_PHRASING], foldKey);

/** The unit's class in a key: rates, money and everything else by its own name. */
export function unitClass(unit: string): string {
  if (unit === '%' || unit === 'điểm phần trăm') return 'rate';
  let folded = UNIT_CLASSES.get(unit);
  if (folded === undefined) {
    folded = foldKey(unit);
    // Units are a small vocabulary ("tỷ đồng", "doanh nghiệp"), folded once each; the bound keeps a long
    // run over odd texts from growing the map without end.
    if (UNIT_CLASSES.size >= 10_000) UNIT_CLASSES.clear();
    UNIT_CLASSES.set(unit, folded);
  }
  return folded;
}
const UNIT_CLASSES = new Map<string, string>();

/** The catalog entry whose phrasing appears in `text` and whose units admit `unit`, longest phrasing first. */
export function catalogEntry(text: string, unit: string): MetricEntry | null {
  let best: { entry: MetricEntry; length: number } | null = null;
  for (const hit of PHRASINGS.findAll(text)) {
    const entry = hit.value.find((e) => e.units.includes(unit));
    if (entry && (!best || hit.phrase.length > best.length)) best = { entry, length: hit.phrase.length };
  }
  return best?.entry ?? null;
}

/** Key of a claim's metric: "gdp-growth|rate", or "so-doanh-nghiep-thanh-lap-moi|doanh nghiep". */
export function metricKey(metric: string, unit: string, context: string | (() => string) = ''): string {
  // The context (the figure's clause) is looked at only when the metric itself names no entry.
  let entry = catalogEntry(metric, unit);
  if (!entry) {
    const text = typeof context === 'function' ? context() : context;
    if (text) entry = catalogEntry(text, unit);
  }
  if (entry) return `${entry.key}|${unitClass(unit)}`;
  return `${metricTextKey(metric)}|${unitClass(unit)}`;
}

/** The key part of a metric outside the catalog: "Số doanh nghiệp thành lập mới" → "so-doanh-nghiep-thanh-lap-moi". */
export function metricTextKey(metric: string): string {
  return textKey(foldKey(metric));
}

/** The first eight runs of [a-z0-9] of a folded text, joined by "-" (one pass: this runs for most claims). */
function textKey(folded: string): string {
  let out = '';
  let words = 0;
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const c = i < folded.length ? folded.charCodeAt(i) : 32;
    const inWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      out += (words ? '-' : '') + folded.slice(start, i);
      start = -1;
      if (++words === 8) break;
    }
  }
  return out;
}
