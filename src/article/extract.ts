/**
 * Page → Article. The source's site profile (selectors in pipelines/) is tried first; when it no longer
 * matches (a redesign) that is reported in `warnings` and the generic scorer takes over.
 */
import type { Article } from '../types.js';
import { sourceForUrl, type SourceDefinition } from '../../pipelines/source.js';
import { readMeta, dateFromUrl } from './metadata.js';
import { readBody, readLine, isBoilerplateParagraph } from './body.js';
import { findMainContent } from './generic.js';
import { PageIndex } from './select.js';
import { attrOf, textOf } from './dom-text.js';
import { CREDIT_RE } from './boilerplate.js';
import { parseDateTime } from '../text/dates.js';
import { oneLine, tidy } from '../text/normalize.js';
import { detectLang } from '../text/lang.js';
import { NotAnArticleError, ParseError } from '../errors.js';
import { pageKind } from './page-kind.js';

export interface ExtractOptions {
  url?: string | null;
  source?: SourceDefinition | null;
  /** Known sources: when `source` is not given, the one matching the URL or the page's canonical URL is used. */
  sources?: readonly SourceDefinition[];
}

/** A body shorter than this (characters) means the selector found a shell, not the article. */
const MIN_BODY = 150;
/** Pages larger than this are cut before parsing: no press release is 10 MB of HTML. */
export const MAX_HTML = 10 * 1024 * 1024;

const firstText = (page: PageIndex, selector: string | undefined): string | null => {
  if (!selector) return null;
  const el = page.first(selector);
  const t = el ? oneLine(textOf(el)) : '';
  return t || null;
};

/** A date from visible text near the headline, for pages without a profile: "Thứ Hai, 08/08/2022 - 14:30". */
function bylineDate(page: PageIndex): string | null {
  const candidates = page.all('[class*="date"], [class*="time"], [class*="publish"], [class*="meta"], time')
    .filter((el) => !page.closest(el, NOT_BYLINE));
  for (const el of candidates) {
    const datetime = attrOf(el, 'datetime');
    const text = (datetime ?? textOf(el)).replace(/\s+/g, ' ');
    // A byline is short and names no document: "Nghị định 42/2022/NĐ-CP ngày 24/6/2022" in an element whose
    // class says "meta" is a document's date, not the article's.
    if (!datetime && (text.length > 80 || DOCUMENT_NUMBER_RE.test(text))) continue;
    const d = parseDateTime(text);
    if (d) return d;
  }
  return null;
}

/** Where a date is never the article's: asides, footers, related lists, comments, list items. */
const NOT_BYLINE = 'aside, footer, nav, [class*="related"], [class*="relate"], [class*="lienquan"], [class*="comment"], [class*="stream"], [class*="sidebar"], li';

/** A legal document's number or "số …": "42/2022/NĐ-CP", "06/QĐ-TTg", "số 338". */
const DOCUMENT_NUMBER_RE = /\d+\s?\/\s?(?:\d{4}\s?\/\s?)?\p{Lu}{2,}|(?<![\p{L}])số\s+\d/u;

export function extractArticle(html: string, options: ExtractOptions = {}): Article {
  const url = options.url ?? null;
  // Parsed by htmlparser2 and read through the page index (cheerio's queries compile their selector at every
  // call and walk the whole page).
  const page = PageIndex.parse(html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html);
  const meta = readMeta(page);
  const source = options.source ?? (options.sources ? sourceForUrl(options.sources, url ?? meta.canonicalUrl ?? '') ?? null : null);
  const warnings: string[] = [];
  const profile = source?.article;
  let method: Article['method'] = 'generic';
  let body = null as ReturnType<typeof readBody> | null;
  if (profile) {
    const root = page.first(profile.body);
    if (root) {
      const read = readBody(page, root, { remove: profile.remove, baseUrl: url });
      if (read.paragraphs.join(' ').length >= MIN_BODY) {
        body = read;
        method = 'profile';
      }
    }
    if (!body) warnings.push(`site profile "${source!.id}" no longer matches: selector article.body "${profile.body}" found no article text; used the generic extractor; update pipelines/${source!.id}.ts`);
  }
  if (!body) {
    const root = findMainContent(page);
    // A listing, an error page or a login wall is said to be one, not read as an (empty or wrong) article.
    const other = pageKind(page, root);
    if (other) throw new NotAnArticleError(`not an article${url ? `: ${url}` : ''} is ${other.reason}`, { url: url ?? '', kind: other.kind });
    if (!root) throw new ParseError(`no article text found${url ? ` in ${url}` : ''}: the page has no paragraphs of text`, { url: url ?? '' });
    body = readBody(page, root, { baseUrl: url });
  }
  const profileTitle = profile ? firstText(page, profile.title) : null;
  const title = profileTitle ?? meta.title ?? firstText(page, 'h1') ?? (tidy(textOf(page.all('title'))).replace(/\s+[-|–]\s+[^-|–]+$/, '') || null);
  if (profile && !profileTitle) warnings.push(`site profile "${source!.id}": selector article.title "${profile.title}" matched nothing`);
  let publishedAt = meta.publishedAt;
  if (!publishedAt && profile) {
    const shown = firstText(page, profile.date);
    publishedAt = shown ? parseDateTime(shown) : null;
    if (!shown) warnings.push(`site profile "${source!.id}": selector article.date "${profile.date}" matched nothing`);
  }
  publishedAt ??= bylineDate(page) ?? dateFromUrl(url) ?? dateFromUrl(meta.canonicalUrl);
  // The profile's byline holds either the authors or a source credit ("Theo TTXVN").
  const byline = profile?.author ? firstText(page, profile.author) : null;
  const bylineIsCredit = byline !== null && CREDIT_RE.test(byline);
  let authors = meta.authors;
  if (!authors.length && byline && !bylineIsCredit) authors = byline.split(/\s*(?:,|\s-\s|\svà\s)\s*/u).filter(Boolean);
  if (!authors.length) authors = body.authors;
  let credit = body.credit;
  if (!credit && bylineIsCredit) credit = byline;
  credit ??= firstText(page, '[class*="source"]');
  // The lead (sapo): the profile's selector (a profile without one says the site has no lead apart from the
  // body), else, on pages of unknown sites, an element whose class says it is one ("singular-sapo",
  // "article-lead", "summary") with a sentence's worth of text.
  const leadEl = profile?.lead ? page.first(profile.lead) : null;
  const lead = (profile ? leadEl && readLine(page, leadEl, profile.remove) : genericLead(page)) || null;
  const paragraphs = [...body.paragraphs];
  if (lead && !isBoilerplateParagraph(lead) && !paragraphs.some((p) => p.includes(lead.slice(0, 60)))) paragraphs.unshift(lead);
  const text = paragraphs.join('\n\n');
  const tags = profile?.tags ? page.all(profile.tags).map((el) => tidy(textOf(el))).filter(Boolean) : meta.tags;
  const category = (profile?.category && firstText(page, profile.category)) ?? meta.section;
  const langAttr = meta.lang === 'vi' || meta.lang === 'en' ? meta.lang : null;
  return {
    url,
    canonicalUrl: meta.canonicalUrl,
    source: source?.id ?? null,
    title,
    publishedAt,
    updatedAt: meta.updatedAt,
    author: authors.length ? authors.join(', ') : null,
    authors,
    credit,
    lead,
    text,
    paragraphs,
    images: body.images,
    tags,
    category,
    lang: detectLang(text) ?? langAttr,
    method,
    warnings,
  };
}

/** Class names that mark a lead in news templates. */
const LEAD_SELECTOR = '[class*="sapo"], [class*="lead"], [class*="summary"], [class*="excerpt"], [class*="chapeau"], [class*="description"]';

/** The lead of a page from a site without a profile: the first lead-like element with 60 or more characters of text. */
function genericLead(page: PageIndex): string | null {
  for (const el of page.all(LEAD_SELECTOR)) {
    if (el.name === 'meta') continue;
    const t = tidy(textOf(el));
    if (t.length >= 60 && t.length <= 1200) return t;
  }
  return null;
}
