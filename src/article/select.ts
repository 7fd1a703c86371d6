/**
 * CSS selection on a parsed page, the way browsers match style rules: the page is walked once and its
 * elements filed by tag name, class and id; a query takes the candidates filed under the key of each
 * selector's rightmost compound (".detail-content" → class "detail-content") and tests only those with the
 * compiled selector. A profile asks some twenty questions of every page (title, date, author, body, the
 * chrome inside the body, images, meta tags, JSON-LD); walking the whole tree for each was most of the
 * extraction time.
 */
import { compile, is } from 'css-select';
import { parse as parseSelector, stringify, type Selector } from 'css-what';
import { isTag, type AnyNode, type Document, type Element, type ParentNode } from 'domhandler';
import { removeElement } from 'domutils';

type Compiled = ReturnType<typeof compile<AnyNode, Element>>;

/** Where a selector's candidates are filed: one key per comma-separated part. */
type Key = { kind: 'id' | 'class' | 'tag' | 'attribute'; value: string } | { kind: 'any' };

interface Plan {
  compiled: Compiled;
  /** The parts filed under one key, compiled together: each candidate is tested once, by its own parts only. */
  groups: { key: Key; compiled: Compiled }[];
}

const COMBINATORS = new Set(['descendant', 'child', 'sibling', 'adjacent', 'parent', 'column-combinator']);
const plans = new Map<string, Plan>();

/**
 * The most selective key of a compound selector: an id, else a class, else a tag name, else an attribute
 * that must be present (`[class*="share"]` → the elements that have a class at all).
 */
function keyOf(compound: Selector[]): Key {
  const rank = { id: 4, class: 3, tag: 2, attribute: 1, any: 0 };
  let key: Key = { kind: 'any' };
  const offer = (k: Key) => { if (rank[k.kind] > rank[key.kind]) key = k; };
  for (const t of compound) {
    // HTML tag and attribute names are lowercase in the parsed page; "quirks" case-folding applies only to
    // documents in quirks mode, which the matcher is not told about (as cheerio's queries are not).
    if (t.type === 'tag') offer({ kind: 'tag', value: t.name.toLowerCase() });
    if (t.type !== 'attribute' || t.ignoreCase === true) continue;
    if (t.name === 'id' && t.action === 'equals') offer({ kind: 'id', value: t.value });
    else if (t.name === 'class' && t.action === 'element') offer({ kind: 'class', value: t.value });
    // "[x]", "[x=v]", "[x*=v]"…: only elements with the attribute can match ("[x!=v]" matches without it).
    else if (t.action !== 'not') offer({ kind: 'attribute', value: t.name.toLowerCase() });
  }
  return key;
}

const compileSelector = (selector: string) => compile<AnyNode, Element>(selector, { xmlMode: false });

function planOf(selector: string): Plan {
  let plan = plans.get(selector);
  if (!plan) {
    const parts = new Map<string, { key: Key; tokens: Selector[][] }>();
    for (const tokens of parseSelector(selector)) {
      let i = tokens.length;
      while (i > 0 && !COMBINATORS.has(tokens[i - 1]!.type)) i--;
      const key = keyOf(tokens.slice(i));
      const name = key.kind === 'any' ? 'any' : `${key.kind} ${key.value}`;
      const group = parts.get(name);
      if (group) group.tokens.push(tokens);
      else parts.set(name, { key, tokens: [tokens] });
    }
    const groups = [...parts.values()].map(({ key, tokens }) => ({ key, compiled: compileSelector(stringify(tokens)) }));
    plan = { compiled: compileSelector(selector), groups };
    plans.set(selector, plan);
  }
  return plan;
}

/**
 * How deep an element may be nested: a real page's article is a few dozen levels down at most. Deeper
 * subtrees (thousands of nested tables, a broken generator) are dropped: text and selector functions walk
 * the tree recursively, and such a page overflowed the stack and took seconds per megabyte.
 */
export const MAX_DEPTH = 64;

const push = (map: Map<string, Element[]>, key: string, el: Element) => {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
};

export class PageIndex {
  /** Every element in document order, and each one's position in it. */
  private readonly elements: Element[] = [];
  private readonly position = new Map<Element, number>();
  /** Position of each element's last descendant: an element's subtree is the positions after it up to this. */
  private readonly lastInside: number[] = [];
  private readonly byTag = new Map<string, Element[]>();
  private readonly byClass = new Map<string, Element[]>();
  private readonly byId = new Map<string, Element[]>();
  /** Elements having an attribute, by attribute name: filed on first use, a page is asked about few names. */
  private readonly byAttribute = new Map<string, Element[]>();

  /** Indexes the document, dropping the subtrees nested deeper than MAX_DEPTH. */
  constructor(readonly document: Document) {
    const cut: Element[] = [];
    this.visit(document, 0, cut);
    for (const el of cut) removeElement(el);
  }

  private visit(parent: ParentNode, depth: number, cut: Element[]): void {
    for (const child of parent.children) {
      if (!isTag(child)) continue;
      if (depth + 1 > MAX_DEPTH) { cut.push(child); continue; }
      const at = this.elements.length;
      this.elements.push(child);
      this.position.set(child, at);
      this.lastInside.push(at);
      push(this.byTag, child.name, child);
      const cls = child.attribs.class;
      if (cls) {
        if (!/\s/.test(cls)) push(this.byClass, cls, child);
        else for (const c of new Set(cls.split(/\s+/))) if (c) push(this.byClass, c, child);
      }
      const id = child.attribs.id;
      if (id) push(this.byId, id, child);
      if (child.children.length) this.visit(child, depth + 1, cut);
      this.lastInside[at] = this.elements.length - 1;
    }
  }

  private candidates(key: Key): readonly Element[] {
    switch (key.kind) {
      case 'id': return this.byId.get(key.value) ?? [];
      case 'class': return this.byClass.get(key.value) ?? [];
      case 'tag': return this.byTag.get(key.value) ?? [];
      case 'attribute': {
        let list = this.byAttribute.get(key.value);
        if (!list) {
          const name = key.value;
          list = this.elements.filter((el) => el.attribs[name] !== undefined);
          this.byAttribute.set(name, list);
        }
        return list;
      }
      default: return this.elements;
    }
  }

  /** The range of positions of `within`'s descendants (the whole page without it). */
  private range(within: Element | undefined): [number, number] {
    if (!within) return [0, this.elements.length - 1];
    const at = this.position.get(within);
    return at === undefined ? [1, 0] : [at + 1, this.lastInside[at]!];
  }

  /** The first element of a sorted candidate list at position `from` or later (binary search). */
  private startIn(list: readonly Element[], from: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.position.get(list[mid]!)! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The first element (in document order) matching the selector, among `within`'s descendants or the whole page. */
  first(selector: string, within?: Element): Element | null {
    const { groups } = planOf(selector);
    const [from, to] = this.range(within);
    let best: Element | null = null;
    let bestAt = Infinity;
    for (const { key, compiled } of groups) {
      const list = this.candidates(key);
      for (let i = this.startIn(list, from); i < list.length; i++) {
        const el = list[i]!;
        const at = this.position.get(el)!;
        if (at > to || at >= bestAt) break;
        if (compiled(el)) { best = el; bestAt = at; break; }
      }
    }
    return best;
  }

  /** Every element matching the selector, in document order, among `within`'s descendants or the whole page. */
  all(selector: string, within?: Element): Element[] {
    const { groups } = planOf(selector);
    const [from, to] = this.range(within);
    const found = new Set<Element>();
    for (const { key, compiled } of groups) {
      const list = this.candidates(key);
      for (let i = this.startIn(list, from); i < list.length; i++) {
        const el = list[i]!;
        if (this.position.get(el)! > to) break;
        if (compiled(el)) found.add(el);
      }
    }
    const out = [...found];
    if (groups.length > 1) out.sort((a, b) => this.position.get(a)! - this.position.get(b)!);
    return out;
  }

  /** Whether the element itself matches the selector. */
  matches(el: Element, selector: string): boolean {
    return is<AnyNode, Element>(el, planOf(selector).compiled, { xmlMode: false });
  }

  /** The element or its nearest ancestor that matches the selector, as cheerio's `closest`. */
  closest(el: Element, selector: string): Element | null {
    const { compiled } = planOf(selector);
    for (let e: ParentNode | null = el; e && isTag(e); e = e.parent) if (compiled(e)) return e;
    return null;
  }
}
