/**
 * Pages that are not articles: a listing of links (a category page, a search result), an error page ("404",
 * "Không tìm thấy trang"), a login wall. They are recognized before the generic extractor would make an
 * empty or wrong article of them.
 */
import type { Element } from 'domhandler';
import { textContent } from 'domutils';
import { linkTextOf, textOf } from './dom-text.js';
import type { PageIndex } from './select.js';
import type { PageKind } from '../errors.js';
import { tidy } from '../text/normalize.js';

const ERROR_TITLE_RE = /(?<![\p{L}\p{N}])(?:404|403|500|không\s+tìm\s+thấy|không\s+tồn\s+tại|đã\s+bị\s+xóa|page\s+not\s+found|not\s+found|lỗi\s+truy\s+cập|error)(?![\p{L}\p{N}])/iu;
/** A paragraph of an article: a sentence's worth of text, not a link. */
const PROSE_MIN = 80;

/** The article-like text of a block (the whole page when none is given): its paragraphs of PROSE_MIN characters or more that are not mostly links. */
function prose(page: PageIndex, root: Element | undefined): { paragraphs: number; chars: number } {
  let paragraphs = 0;
  let chars = 0;
  for (const p of page.all('p', root)) {
    const text = tidy(textContent(p));
    const linked = tidy(linkTextOf(page, p)).length;
    if (text.length >= PROSE_MIN && linked < text.length / 2) {
      paragraphs++;
      chars += text.length;
    }
  }
  return { paragraphs, chars };
}

/**
 * What the page is if it is not an article, with the reason; null for an article. `main` is the block the
 * generic extractor would read (null when it finds none).
 */
export function pageKind(page: PageIndex, main: Element | null): { kind: PageKind; reason: string } | null {
  const within = main ?? page.first('body') ?? undefined;
  const text = prose(page, within);
  if (page.first('input[type="password"]') && text.chars < 600) {
    return { kind: 'login', reason: 'a login form and no article text' };
  }
  const title = page.first('title');
  const h1 = page.first('h1');
  const heading = tidy(`${title ? textOf(title) : ''} ${h1 ? textOf(h1) : ''}`);
  if (ERROR_TITLE_RE.test(heading) && text.chars < 800) {
    return { kind: 'error', reason: `an error page ("${heading.slice(0, 60)}")` };
  }
  const links = page.all('a', within).length;
  if (text.paragraphs < 2 && links >= 10) {
    return { kind: 'listing', reason: `a listing: ${links} links and ${text.paragraphs} paragraph${text.paragraphs === 1 ? '' : 's'} of text` };
  }
  return null;
}
