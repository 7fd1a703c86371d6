/** `vnpress extract FILE`: one article, its facts, as the JSON contract or a readable summary. */
import { readInputFile } from './input.js';
import { extractArticle } from '../article/extract.js';
import { articleFromText } from '../article/text-input.js';
import { extractFacts } from '../facts/index.js';
import { SOURCES } from '../../pipelines/index.js';
import { InputError } from '../errors.js';
import type { Article, Facts } from '../types.js';
import { renderTable } from './output.js';

export interface ExtractCommandOptions {
  json?: boolean;
  publishedOn?: string;
  url?: string;
}

export interface ExtractResult {
  article: Article;
  facts: Facts;
}

export function extractFile(path: string, opts: ExtractCommandOptions = {}): ExtractResult {
  if (opts.publishedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.publishedOn)) {
    throw new InputError(`--published-on "${opts.publishedOn}" is not a date; write it as YYYY-MM-DD`);
  }
  const input = readInputFile(path);
  const url = opts.url ?? null;
  const article = input.kind === 'html'
    ? extractArticle(input.text, { url, sources: SOURCES })
    : articleFromText(input.text, { url, publishedAt: opts.publishedOn ? `${opts.publishedOn}T00:00:00+07:00` : null });
  if (!article.publishedAt && opts.publishedOn) article.publishedAt = `${opts.publishedOn}T00:00:00+07:00`;
  const publishedOn = opts.publishedOn ?? article.publishedAt?.slice(0, 10) ?? null;
  const facts = extractFacts(article.text, { publishedOn, title: article.title, lang: article.lang });
  return { article, facts };
}

/** The contract's JSON: article plus the four fact lists at the top level. */
export function contractJson({ article, facts }: ExtractResult): Record<string, unknown> {
  return {
    article: {
      title: article.title, publishedAt: article.publishedAt, updatedAt: article.updatedAt, author: article.author,
      authors: article.authors, credit: article.credit, lead: article.lead, lang: article.lang, url: article.url,
      canonicalUrl: article.canonicalUrl, category: article.category, tags: article.tags, images: article.images,
      method: article.method, warnings: article.warnings, text: article.text,
    },
    legalRefs: facts.legalRefs,
    officials: facts.officials,
    meetings: facts.meetings,
    claims: facts.claims,
  };
}

export function runExtract(path: string, opts: ExtractCommandOptions): void {
  const result = extractFile(path, opts);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(contractJson(result), null, 2)}\n`);
    return;
  }
  const { article, facts } = result;
  const out: string[] = [];
  out.push(`${article.title ?? '(no title)'}`);
  out.push(`published ${article.publishedAt ?? 'unknown'}${article.author ? ` · ${article.author}` : ''} · ${article.paragraphs.length} paragraphs · read by ${article.method}`);
  for (const w of article.warnings) out.push(`warning: ${w}`);
  const section = (name: string, rows: Record<string, unknown>[]) => {
    out.push('', `${name} (${rows.length})`);
    if (rows.length) out.push(renderTable(rows));
  };
  section('Legal documents', facts.legalRefs.map((r) => ({ number: r.number, type: r.type, issuedOn: r.issuedOn, issuer: r.issuer })));
  section('Officials', facts.officials.map((o) => ({ name: o.name, titles: o.titles.join('; ') })));
  section('Meetings', facts.meetings.map((m) => ({ kind: m.kind, ordinal: m.ordinal, body: m.body, date: m.date, chair: m.chair, mode: m.mode })));
  section('Claims', facts.claims.map((c) => ({ value: c.value, unit: c.unit, approx: c.approx, period: c.period, metric: c.metric })));
  process.stdout.write(`${out.join('\n')}\n`);
}
