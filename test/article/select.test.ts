import { describe, expect, it } from 'vitest';
import { parseDocument } from 'htmlparser2';
import { selectAll, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { MAX_DEPTH, PageIndex } from '../../src/article/select.js';

const HTML = `<html lang="vi"><head><title>T</title><meta property="og:title" content="OG"></head><body>
<div id="main" class="detail">
  <h1 class="detail-title big">Tiêu đề</h1>
  <div class="detail-time"><span data-role="publishdate">08/08/2022 14:30</span></div>
  <div class="detail-content">
    <p>Một</p><div class="related-box"><a href="/x">Tin khác</a></div>
    <figure><img src="/a.jpg"><figcaption class="caption">Ảnh</figcaption></figure>
    <p class="note">Hai</p>
  </div>
</div>
<aside class="sidebar"><p class="note">Ngoài</p><span data-role="publishdate">01/01/2020</span></aside>
</body></html>`;

const names = (els: readonly Element[]) => els.map((e) => `${e.name}${e.attribs.class ? `.${e.attribs.class.split(' ')[0]}` : ''}`);

describe('PageIndex', () => {
  const page = PageIndex.parse(HTML);
  const doc = page.document;

  it('finds the first match by id, class, tag, attribute and descendant selectors', () => {
    expect(page.first('#main')?.attribs.class).toBe('detail');
    expect(page.first('.big')?.name).toBe('h1');
    expect(page.first('h1.detail-title')?.attribs.class).toBe('detail-title big');
    expect(page.first('.detail-time [data-role="publishdate"]')?.children).toHaveLength(1);
    expect(page.first('[data-role="publishdate"]')?.parent).toBe(page.first('.detail-time'));
    expect(page.first('.nothing-here')).toBeNull();
  });

  it('a comma list answers in document order, whichever part matched', () => {
    // The aside's span comes after the h1; the h1 is first in the page although listed last.
    expect(page.first('aside span, h1')?.name).toBe('h1');
    expect(names(page.all('p.note, figure, h1'))).toEqual(['h1.detail-title', 'figure', 'p.note', 'p.note']);
  });

  it('agrees with css-select on every element for a mixed selector list', () => {
    const selectors = ['p', '.note', 'div > p', '[class*="related"] a', 'figure img, figcaption', 'body *', ':not(p)', 'div.detail-content p:last-child'];
    for (const sel of selectors) {
      expect(page.all(sel), sel).toEqual(selectAll<AnyNode, Element>(sel, doc));
      expect(page.first(sel), sel).toBe(selectOne<AnyNode, Element>(sel, doc));
    }
  });

  it('searches only inside an element when asked, without the element itself', () => {
    const content = page.first('.detail-content')!;
    expect(names(page.all('p', content))).toEqual(['p', 'p.note']);
    expect(page.first('.note', content)?.parent).toBe(content);
    expect(page.first('.detail-content', content)).toBeNull();
    expect(page.all('aside p', content)).toEqual([]);
  });

  it('tells whether an element matches and finds its nearest matching ancestor', () => {
    const img = page.first('img')!;
    expect(page.matches(img, 'figure img')).toBe(true);
    expect(page.closest(img, 'figure, table')?.name).toBe('figure');
    expect(page.closest(img, 'img')).toBe(img);
    expect(page.closest(img, 'aside')).toBeNull();
  });

  it('an element closed by the start of the next one does not contain it', () => {
    const p = PageIndex.parse('<div><p class="x">a<span>s</span><p class="y">b<i>i</i></div><p class="z">c</p>');
    const x = p.first('.x')!;
    expect(names(p.all('*', x))).toEqual(['span']);
    expect(p.first('p', x)).toBeNull();
    expect(names(p.all('p, i', p.first('div')!))).toEqual(['p.x', 'p.y', 'i']);
  });

  it('looks for a tag under a class only inside that class, nested boxes once, in document order', () => {
    const html = '<a id="0">x</a><div class="box"><a id="1">1</a><div class="box"><a id="2">2</a></div><a id="3">3</a></div><a id="4">4</a><ul class="box"><li><a id="5">5</a></li></ul>';
    const p = PageIndex.parse(html);
    for (const sel of ['.box a', '.box > a', '.box li a', '.box a, #4', 'div.box a']) {
      expect(p.all(sel), sel).toEqual(selectAll<AnyNode, Element>(sel, p.document));
      expect(p.first(sel), sel).toBe(selectOne<AnyNode, Element>(sel, p.document));
    }
    expect(p.all('.box a').map((a) => a.attribs.id)).toEqual(['1', '2', '3', '5']);
    expect(p.all('.box a', p.first('ul')!).map((a) => a.attribs.id)).toEqual(['5']);
  });

  it('refuses a document parsed without source positions', () => {
    expect(() => new PageIndex(parseDocument('<p>x</p>'))).toThrow(/PageIndex\.parse/);
  });

  it('drops subtrees nested deeper than MAX_DEPTH and indexes the rest', () => {
    const deep = `<div class="top">${'<div>'.repeat(MAX_DEPTH + 20)}<p class="deep">x</p>${'</div>'.repeat(MAX_DEPTH + 20)}</div><p class="shallow">y</p>`;
    const d = PageIndex.parse(deep);
    expect(d.first('.deep')).toBeNull();
    expect(selectOne('.deep', d.document)).toBeNull();
    expect(d.first('.shallow')?.name).toBe('p');
    expect(d.all('div').length).toBe(MAX_DEPTH);
  });
});

describe('PageIndex keys', () => {
  it('matches upper-case tag and attribute names and quirks-insensitive class names as css-select does', () => {
    const page = PageIndex.parse('<DIV Class="Box"><P DATA-Role="x" id="A">t</P></DIV>');
    const doc = page.document;
    for (const sel of ['DIV', 'div.Box', '.Box p', '[DATA-role="x"]', '[data-role]', '#A', 'P#A']) {
      expect(page.first(sel), sel).toBe(selectOne<AnyNode, Element>(sel, doc));
      expect(page.first(sel), sel).not.toBeNull();
    }
    expect(page.first('.box')).toBe(selectOne<AnyNode, Element>('.box', doc));
  });
});
