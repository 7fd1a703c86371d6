/**
 * The key that groups one metric across articles: a catalog entry's key when the metric (or, failing that,
 * its clause) uses one of the entry's phrasings in a fitting unit; otherwise a normalized text key. The unit
 * class is part of the key, so that a count and a growth rate of the same thing stay apart.
 */
import { METRICS, type MetricEntry } from './data/metrics.js';
import { foldKey } from '../text/normalize.js';
import { matchWords } from '../text/regex.js';

/** Every phrasing, accent-folded, with the entries that use it; one regex finds them all. */
const BY_PHRASING = new Map<string, MetricEntry[]>();
for (const entry of METRICS) {
  for (const p of entry.phrasings) {
    const key = foldKey(p);
    BY_PHRASING.set(key, [...(BY_PHRASING.get(key) ?? []), entry]);
  }
}
const PHRASINGS_RE = new RegExp(
  `(?:${[...BY_PHRASING.keys()].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?![a-z0-9])`,
  'g',
);

/** The unit's class in a key: rates, money and everything else by its own name. */
export function unitClass(unit: string): string {
  if (unit === '%' || unit === 'điểm phần trăm') return 'rate';
  return foldKey(unit);
}

/** The catalog entry whose phrasing appears in `text` and whose units admit `unit`, longest phrasing first. */
export function catalogEntry(text: string, unit: string): MetricEntry | null {
  const folded = foldKey(text);
  let best: { entry: MetricEntry; length: number } | null = null;
  for (const m of matchWords(PHRASINGS_RE, folded, /[a-z0-9]/)) {
    const entries = BY_PHRASING.get(m[0].replace(/\s+/g, ' ')) ?? [];
    const entry = entries.find((e) => e.units.includes(unit));
    if (entry && (!best || m[0].length > best.length)) best = { entry, length: m[0].length };
  }
  return best?.entry ?? null;
}

/** Key of a claim's metric: "gdp-growth|rate", or "so-doanh-nghiep-thanh-lap-moi|doanh nghiep". */
export function metricKey(metric: string, unit: string, context = ''): string {
  const entry = catalogEntry(metric, unit) ?? (context ? catalogEntry(context, unit) : null);
  if (entry) return `${entry.key}|${unitClass(unit)}`;
  const words = foldKey(metric).replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter(Boolean).slice(0, 8);
  return `${words.join('-')}|${unitClass(unit)}`;
}
