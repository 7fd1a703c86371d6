/**
 * Finding the body of a page from an unknown site, in the spirit of Readability and trafilatura: score each
 * paragraph by its length and commas, give the score to its parent and half to its grandparent, weigh by
 * class and id names, and discount link-heavy containers.
 */
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';

const POSITIVE = /article|content|body|detail|entry|main|post|story|text|news|noidung|chitiet|fck|cms/i;
const NEGATIVE = /comment|related|relate|lienquan|sidebar|footer|header|menu|nav|share|social|tag|breadcrumb|widget|banner|ads?\b|advert|promo|box-|stream|hot|most|popular|video|login|search/i;

function classWeight(el: Element): number {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  let w = 0;
  if (POSITIVE.test(names)) w += 25;
  if (NEGATIVE.test(names)) w -= 25;
  return w;
}

export function findMainContent($: CheerioAPI): Cheerio<Element> | null {
  const scores = new Map<Element, number>();
  $('p, div > br + text, td, pre').each((_, node) => {
    if (node.type !== 'tag') return;
    const el = node as Element;
    const text = $(el).text().replace(/\s+/g, ' ').trim();
    if (text.length < 25) return;
    const score = 1 + (text.match(/[,，]/g)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    const parent = el.parent?.type === 'tag' ? (el.parent as Element) : null;
    const grand = parent?.parent?.type === 'tag' ? (parent.parent as Element) : null;
    if (parent) scores.set(parent, (scores.get(parent) ?? classWeight(parent)) + score);
    if (grand) scores.set(grand, (scores.get(grand) ?? classWeight(grand)) + score / 2);
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    const text = $(el).text().replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const linkText = $(el).find('a').text().replace(/\s+/g, ' ').length;
    const final = score * (1 - Math.min(linkText / text.length, 1));
    if (final > bestScore) { best = el; bestScore = final; }
  }
  return best ? $(best) : null;
}
