/**
 * Text and attribute values read from a parsed page, normalized (NFC, spaces, invisible characters) as
 * every text entering the pipeline is. Only what is read is normalized: a page is mostly markup and
 * scripts, and normalizing all of it before parsing cost more than reading the article.
 */
import type { AnyNode, Element } from 'domhandler';
import { textContent } from 'domutils';
import { normalizeText } from '../text/normalize.js';
import type { PageIndex } from './select.js';

/** The text of a node (or nodes), normalized. */
export function textOf(node: AnyNode | AnyNode[]): string {
  return normalizeText(textContent(node));
}

/** The text of the links inside an element, as written (for link density: how much of a block is links). */
export function linkTextOf(page: PageIndex, el: Element): string {
  return page.all('a', el).map(textContent).join('');
}

/** An attribute's value, normalized; undefined when the element has no such attribute. */
export function attrOf(el: Element, name: string): string | undefined {
  const value = el.attribs[name];
  return value === undefined ? undefined : normalizeText(value);
}
