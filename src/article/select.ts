/**
 * CSS selectors of site profiles and boilerplate lists, compiled once and run with css-select directly. A
 * cheerio query parses and compiles its selector at every call and walks the whole page; a profile asks
 * for a dozen fields per page, the first match of most of them near the top.
 */
import { compile, is, selectAll, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';

type Compiled = ReturnType<typeof compile<AnyNode, Element>>;
const compiled = new Map<string, Compiled>();

function query(selector: string): Compiled {
  let q = compiled.get(selector);
  if (!q) {
    q = compile<AnyNode, Element>(selector, { xmlMode: false });
    compiled.set(selector, q);
  }
  return q;
}

/** The first element under `roots` (in document order) that the selector matches. */
export function firstElement(roots: AnyNode | AnyNode[], selector: string): Element | null {
  return selectOne<AnyNode, Element>(query(selector), roots, { xmlMode: false });
}

/** Every element under `roots` that the selector matches, in document order. */
export function allElements(roots: AnyNode | AnyNode[], selector: string): Element[] {
  return selectAll<AnyNode, Element>(query(selector), roots, { xmlMode: false });
}

/** Whether the element itself matches the selector. */
export function isElement(el: Element, selector: string): boolean {
  return is<AnyNode, Element>(el, query(selector), { xmlMode: false });
}
