/**
 * Pages that are not articles: a listing of links (a category page, a search result), an error page ("404",
 * "Không tìm thấy trang"), a login wall. They are recognized before the generic extractor would make an
 * empty or wrong article of them.
 */
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import type { PageKind } from '../errors.js';
import { tidy } from '../text/normalize.js';

const ERROR_TITLE_RE = /(?<![\p{L}\p{N}])(?:404|403|500|không\s+tìm\s+thấy|không\s+tồn\s+tại|đã\s+bị\s+xóa|page\s+not\s+found|not\s+found|lỗi\s+truy\s+cập|error)(?![\p{L}\p{N}])/iu;
/** A paragraph of an article: a sentence's worth of text, not a link. */
const PROSE_MIN = 80;

/** The article-like text of a block: its paragraphs of PROSE_MIN characters or more that are not mostly links. */
function prose($: CheerioAPI, root: Cheerio<Element>): { paragraphs: number; chars: number } {
  let paragraphs = 0;
  let chars = 0;
  root.find('p').each((_, el) => {
    const p = $(el);
    const text = tidy(p.text());
    const linked = tidy(p.find('a').text()).length;
    if (text.length >= PROSE_MIN && linked < text.length / 2) {
      paragraphs++;
      chars += text.length;
    }
  });
  return { paragraphs, chars };
}

/**
 * What the page is if it is not an article, with the reason; null for an article. `main` is the block the
 * generic extractor would read (null when it finds none).
 */
export function pageKind($: CheerioAPI, main: Cheerio<Element> | null): { kind: PageKind; reason: string } | null {
  const body = $('body');
  const text = prose($, main ?? body);
  if ($('input[type="password"]').length && text.chars < 600) {
    return { kind: 'login', reason: 'a login form and no article text' };
  }
  const heading = tidy(`${$('title').first().text()} ${$('h1').first().text()}`);
  if (ERROR_TITLE_RE.test(heading) && text.chars < 800) {
    return { kind: 'error', reason: `an error page ("${heading.slice(0, 60)}")` };
  }
  const links = (main ?? body).find('a').length;
  if (text.paragraphs < 2 && links >= 10) {
    return { kind: 'listing', reason: `a listing: ${links} links and ${text.paragraphs} paragraph${text.paragraphs === 1 ? '' : 's'} of text` };
  }
  return null;
}
