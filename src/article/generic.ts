/**
 * Finding the body of a page from an unknown site, in the spirit of Readability and trafilatura: score each
 * paragraph by its length and commas, give the score to its parent and half to its grandparent, weigh by
 * class and id names, and discount link-heavy containers.
 */
import type { Element } from 'domhandler';
import { textContent } from 'domutils';
import type { PageIndex } from './select.js';
import { linkTextOf } from './dom-text.js';

const POSITIVE = /article|content|body|detail|entry|main|post|story|text|news|noidung|chitiet|fck|cms/i;
const NEGATIVE = /comment|related|relate|lienquan|sidebar|footer|header|menu|nav|share|social|tag|breadcrumb|widget|banner|ads?\b|advert|promo|box-|stream|hot|most|popular|video|login|search/i;

function classWeight(el: Element): number {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  let w = 0;
  if (POSITIVE.test(names)) w += 25;
  if (NEGATIVE.test(names)) w -= 25;
  return w;
}

/** Text of an element on one line, trimmed. */
const flatText = (el: Element) => textContent(el).replace(/\s+/g, ' ').trim();

export function findMainContent(page: PageIndex): Element | null {
  const scores = new Map<Element, number>();
  for (const el of page.all('p, div > br + text, td, pre')) {
    const text = flatText(el);
    if (text.length < 25) continue;
    const score = 1 + (text.match(/[,，]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    const parent = el.parent?.type === 'tag' ? (el.parent as Element) : null;
    const grand = parent?.parent?.type === 'tag' ? (parent.parent as Element) : null;
    if (parent) scores.set(parent, (scores.get(parent) ?? classWeight(parent)) + score);
    if (grand) scores.set(grand, (scores.get(grand) ?? classWeight(grand)) + score / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const text = flatText(el);
    if (!text) continue;
    const linkText = linkTextOf(page, el).replace(/\s+/g, ' ').length;
    const final = score * (1 - Math.min(linkText / text.length, 1));
    if (final > bestScore) { best = el; bestScore = final; }
  }
  return best;
}
