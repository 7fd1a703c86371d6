/**
 * Reading the paragraphs of an article body from its element: block boundaries become paragraph breaks,
 * headings stay as paragraphs, captions and chrome are dropped, and a byline at the end becomes the authors.
 */
import type { AnyNode, Element } from 'domhandler';
import type { ArticleImage } from '../types.js';
import { BOILERPLATE_SELECTORS, BOILERPLATE_TEXT, BYLINE_RE, CAPTION_CREDIT_RE, CREDIT_RE } from './boilerplate.js';
import { normalizeText, oneLine, tidy } from '../text/normalize.js';
import type { PageIndex } from './select.js';
import { attrOf, textOf } from './dom-text.js';

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'blockquote', 'table',
  'tr', 'td', 'th', 'tbody', 'thead', 'dl', 'dt', 'dd', 'pre', 'hr', 'center', 'address', 'header', 'footer',
]);

export interface BodyRead {
  paragraphs: string[];
  images: ArticleImage[];
  authors: string[];
  credit: string | null;
}

/** What holds an image and its caption, and the caption itself: read apart from the text, which skips them. */
const IMAGE_HOLDER = 'figure, table, .image, [type="Photo"]';
const CAPTION = 'figcaption, .caption, .image_desc, .PhotoCMS_Caption, td.caption';

function readImages(page: PageIndex, root: Element, baseUrl: string | null): ArticleImage[] {
  const images: ArticleImage[] = [];
  for (const img of page.all('img', root)) {
    const src = attrOf(img, 'data-src') ?? attrOf(img, 'src');
    if (!src) continue;
    // The nearest holder of the image (itself included, as cheerio's closest does).
    const holder = page.closest(img, IMAGE_HOLDER);
    let caption = '';
    if (holder) {
      const captioned = page.first(CAPTION, holder);
      caption = captioned ? textOf(captioned) : '';
      if (!caption && holder.name === 'table') {
        const rows = page.all('tr', holder);
        caption = rows.length ? textOf(rows[rows.length - 1]!) : '';
      }
    }
    let abs = src;
    try { abs = baseUrl ? new URL(src, baseUrl).href : src; } catch { /* keep as written */ }
    caption = tidy(caption);
    images.push(caption ? { src: abs, caption } : { src: abs });
  }
  return images;
}

/** Text of an element with block boundaries as line breaks, leaving out the `skip` elements (chrome). */
function blockText(nodes: AnyNode[], out: string[], skip: ReadonlySet<AnyNode>): void {
  for (const node of nodes) {
    if (skip.has(node)) continue;
    if (node.type === 'text') {
      out[out.length - 1] += (node as unknown as { data: string }).data;
    } else if (node.type === 'tag') {
      const el = node as Element;
      const name = el.name.toLowerCase();
      if (name === 'br') { out.push(''); continue; }
      const block = BLOCK.has(name);
      if (block) out.push('');
      blockText(el.children, out, skip);
      if (block) out.push('');
    }
  }
}

export function isBoilerplateParagraph(p: string): boolean {
  return BOILERPLATE_TEXT.some((re) => re.test(p)) || (p.length < 160 && CAPTION_CREDIT_RE.test(p));
}

/**
 * The last one or two short lines of a body may be the byline ("Kiều Nga, Duy Linh") and a source credit
 * ("Theo TTXVN"): they become authors and credit instead of text.
 */
export function splitTrailingByline(input: readonly string[]): { paragraphs: string[]; authors: string[]; credit: string | null } {
  let paragraphs = [...input];
  const authors: string[] = [];
  let credit: string | null = null;
  for (let k = 0; k < 2 && paragraphs.length > 1; k++) {
    const last = paragraphs[paragraphs.length - 1]!;
    if (last.length <= 60 && CREDIT_RE.test(last)) { credit = last; paragraphs = paragraphs.slice(0, -1); continue; }
    if (last.length <= 60 && last.split(/\s+/).length <= 10 && BYLINE_RE.test(last)) {
      authors.unshift(...last.split(/\s*(?:,|\s-\s|–|\svà\s)\s*/u).map((a) => a.trim()).filter(Boolean));
      paragraphs = paragraphs.slice(0, -1);
      continue;
    }
    break;
  }
  return { paragraphs, authors, credit };
}

/**
 * The text of one element (a lead) on one line, without the profile's `remove` elements: VnExpress's lead
 * opens with a dateline element ("Hà Nội") that the page's style, not its text, separates from the lead.
 */
export function readLine(page: PageIndex, el: Element, remove: readonly string[] | undefined): string {
  const skip = new Set<AnyNode>(remove?.length ? page.all(remove.join(', '), el) : []);
  const lines: string[] = [''];
  blockText(el.children, lines, skip);
  return oneLine(normalizeText(lines.join(' ')));
}

/** The boilerplate selectors and a profile's own, as one selector list: built once per profile. */
const chromeSelectors = new Map<readonly string[] | undefined, string>();
function chromeSelector(remove: readonly string[] | undefined): string {
  let selector = chromeSelectors.get(remove);
  if (selector === undefined) {
    selector = [...BOILERPLATE_SELECTORS, ...(remove ?? [])].join(', ');
    chromeSelectors.set(remove, selector);
  }
  return selector;
}

export function readBody(
  page: PageIndex,
  root: Element,
  options: { remove?: readonly string[]; baseUrl?: string | null } = {},
): BodyRead {
  const images = readImages(page, root, options.baseUrl ?? null);
  // The chrome is found in one query of all the selectors together and skipped while reading: a query per
  // selector on a copy of the body walked it some thirty times.
  const skip = new Set<AnyNode>(page.all(chromeSelector(options.remove), root));
  const lines: string[] = [''];
  blockText(root.children, lines, skip);
  // Every block opens and closes a line, so most lines are empty: they are passed over before normalizing.
  const read: string[] = [];
  for (const line of lines) {
    if (!line) continue;
    const p = oneLine(normalizeText(line));
    if (p && !isBoilerplateParagraph(p)) read.push(p);
  }
  const { paragraphs, authors, credit } = splitTrailingByline(read);
  return { paragraphs, images, authors, credit };
}
