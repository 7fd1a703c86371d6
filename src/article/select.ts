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
import { parseDocument } from 'htmlparser2';

type Compiled = ReturnType<typeof compile<AnyNode, Element>>;

/** Where a selector's candidates are filed: one key per comma-separated part. */
type Key = { kind: 'id' | 'class' | 'tag' | 'attribute'; value: string } | { kind: 'any' };

interface Plan {
  compiled: Compiled;
  /**
   * The parts filed under one key, compiled together: each candidate is tested once, by its own parts only.
   * A weak key (a tag, an attribute) under a strong ancestor (".detail-tag a") is looked for only inside the
   * elements of the ancestor's key (`scope`), not among every link of the page.
   */
  groups: { key: Key; scope: Key | null; compiled: Compiled }[];
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
    const parts = new Map<string, { key: Key; scope: Key | null; tokens: Selector[][] }>();
    const compoundStart = (tokens: Selector[], end: number) => {
      let i = end;
      while (i > 0 && !COMBINATORS.has(tokens[i - 1]!.type)) i--;
      return i;
    };
    const nameOf = (k: Key) => (k.kind === 'any' ? 'any' : `${k.kind} ${k.value}`);
    for (const tokens of parseSelector(selector)) {
      const i = compoundStart(tokens, tokens.length);
      const key = keyOf(tokens.slice(i));
      let scope: Key | null = null;
      const before = tokens[i - 1]?.type;
      if (key.kind !== 'id' && key.kind !== 'class' && (before === 'descendant' || before === 'child')) {
        const outer = keyOf(tokens.slice(compoundStart(tokens, i - 1), i - 1));
        if (outer.kind === 'id' || outer.kind === 'class') scope = outer;
      }
      const name = `${nameOf(key)} in ${scope ? nameOf(scope) : 'page'}`;
      const group = parts.get(name);
      if (group) group.tokens.push(tokens);
      else parts.set(name, { key, scope, tokens: [tokens] });
    }
    const groups = [...parts.values()].map(({ key, scope, tokens }) => ({ key, scope, compiled: compileSelector(stringify(tokens)) }));
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

/** A parsed page's elements know their place in the source: its order is document order. */
const PARSE_OPTIONS = { withStartIndices: true } as const;

export class PageIndex {
  /** Every element in document order. */
  private readonly elements: Element[] = [];
  private readonly byTag = new Map<string, Element[]>();
  private readonly byClass = new Map<string, Element[]>();
  private readonly byId = new Map<string, Element[]>();
  /** Elements having an attribute, by attribute name: filed on first use, a page is asked about few names. */
  private readonly byAttribute = new Map<string, Element[]>();

  /** Parses a page (with source positions, which order the elements) and indexes it. */
  static parse(html: string): PageIndex {
    return new PageIndex(parseDocument(html, PARSE_OPTIONS));
  }

  /**
   * Indexes a document parsed with source positions, dropping the subtrees nested deeper than MAX_DEPTH.
   */
  constructor(readonly document: Document) {
    // Class and id are the attributes most asked about ("[class*=share]"): filed during the walk.
    this.byAttribute.set('class', []).set('id', []);
    const cut: Element[] = [];
    this.visit(document, 0, cut);
    for (const el of cut) removeElement(el);
  }

  private visit(parent: ParentNode, depth: number, cut: Element[]): void {
    for (const child of parent.children) {
      if (!isTag(child)) continue;
      if (depth + 1 > MAX_DEPTH) { cut.push(child); continue; }
      if (child.startIndex === null) throw new Error('PageIndex needs a document parsed with withStartIndices: use PageIndex.parse');
      this.elements.push(child);
      push(this.byTag, child.name, child);
      const { class: cls, id } = child.attribs;
      if (cls !== undefined) {
        push(this.byAttribute, 'class', child);
        if (!/\s/.test(cls)) push(this.byClass, cls, child);
        else for (const c of new Set(cls.split(/\s+/))) if (c) push(this.byClass, c, child);
      }
      if (id !== undefined) {
        push(this.byAttribute, 'id', child);
        if (id) push(this.byId, id, child);
      }
      if (child.children.length) this.visit(child, depth + 1, cut);
    }
  }

  private candidates(key: Key): readonly Element[] {
    switch (key.kind) {
      case 'id': return this.byId.get(key.value) ?? [];
      case 'class': return this.byClass.get(key.value) ?? [];
      case 'tag': return this.byTag.get(key.value) ?? [];
      case 'attribute': {
        const name = key.value;
        if (this.byAttribute.has(name)) return this.byAttribute.get(name)!;
        const list = this.elements.filter((el) => el.attribs[name] !== undefined);
        this.byAttribute.set(name, list);
        return list;
      }
      default: return this.elements;
    }
  }

  /** The candidates of `key` inside the elements of `scope` (each scope element once, nested ones skipped). */
  private scoped(key: Key, scope: Key | null): readonly Element[] {
    if (!scope) return this.candidates(key);
    const list = this.candidates(key);
    const out: Element[] = [];
    let covered = -1;
    for (const outer of this.candidates(scope)) {
      if (outer.startIndex! <= covered) continue;
      const [from, to] = this.range(outer);
      covered = to;
      for (let i = this.startIn(list, from); i < list.length && list[i]!.startIndex! <= to; i++) out.push(list[i]!);
    }
    return out;
  }

  /**
   * The source positions of `within`'s descendants (the whole page without it): from just after its start
   * to the start of its last descendant, the last element child's last element child and so on. (Its end
   * position would not do: an element closed by the next one's start, "<p>a<p>b", ends after that start.)
   */
  private range(within: Element | undefined): [number, number] {
    if (!within) return [0, Infinity];
    let last: Element = within;
    for (let down: Element | null = within; down; ) {
      last = down;
      down = null;
      for (let i = last.children.length - 1; i >= 0; i--) {
        const child = last.children[i]!;
        if (isTag(child)) { down = child; break; }
      }
    }
    return [within.startIndex! + 1, last.startIndex!];
  }

  /** The first element of a candidate list (in document order) starting at `from` or later: a binary search. */
  private startIn(list: readonly Element[], from: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.startIndex! < from) lo = mid + 1;
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
    for (const { key, scope, compiled } of groups) {
      const list = this.scoped(key, scope);
      for (let i = this.startIn(list, from); i < list.length; i++) {
        const el = list[i]!;
        const at = el.startIndex!;
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
    const found: Element[] = [];
    for (const { key, scope, compiled } of groups) {
      const list = this.scoped(key, scope);
      for (let i = this.startIn(list, from); i < list.length; i++) {
        const el = list[i]!;
        if (el.startIndex! > to) break;
        if (compiled(el)) found.push(el);
      }
    }
    if (groups.length < 2) return found;
    // Parts filed under different keys can match one element twice: sorted, then each kept once.
    found.sort((a, b) => a.startIndex! - b.startIndex!);
    return found.filter((el, i) => el !== found[i - 1]);
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
