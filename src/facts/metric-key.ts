/**
 * The key that groups one metric across articles: a catalog entry's key when the metric (or, failing that,
 * its clause) uses one of the entry's phrasings in a fitting unit; otherwise a normalized text key. The unit
 * class is part of the key, so that a count and a growth rate of the same thing stay apart.
 */
import { METRICS, type MetricEntry } from './data/metrics.js';
import { foldKey } from '../text/normalize.js';

interface Compiled {
  entry: MetricEntry;
  res: RegExp[];
}

const COMPILED: Compiled[] = METRICS.map((entry) => ({
  entry,
  res: [...entry.phrasings]
    .sort((a, b) => b.length - a.length)
    .map((p) => new RegExp(`(?<![a-z0-9])${foldKey(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![a-z0-9])`)),
}));

/** The unit's class in a key: rates, money and everything else by its own name. */
export function unitClass(unit: string): string {
  if (unit === '%' || unit === 'điểm phần trăm') return 'rate';
  if (/^(?:đồng|USD|EUR)(?:\/|$)/.test(unit)) return foldKey(unit).toLowerCase();
  return foldKey(unit);
}

/** The catalog entry whose phrasing appears in `text` and whose units admit `unit`, longest phrasing first. */
export function catalogEntry(text: string, unit: string): MetricEntry | null {
  const folded = foldKey(text);
  let best: { entry: MetricEntry; length: number } | null = null;
  for (const { entry, res } of COMPILED) {
    if (!entry.units.includes(unit)) continue;
    for (const re of res) {
      const m = re.exec(folded);
      if (m && (!best || m[0].length > best.length)) best = { entry, length: m[0].length };
    }
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
