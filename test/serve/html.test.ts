import { describe, expect, it } from 'vitest';
import { html, raw, safeHref } from '../../src/serve/html.js';

describe('html', () => {
  it('escapes every value it is given', () => {
    const title = `"><script>alert(1)</script>`;
    expect(html`<a title="${title}">${title}</a>`.value).toBe('<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>');
    expect(html`<p>${"' onmouseover='x"}</p>`.value).toBe('<p>&#39; onmouseover=&#39;x</p>');
  });
  it('inserts nested html and raw markup as is, joins arrays, prints nothing for null, undefined and false', () => {
    const items = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${raw('<svg></svg>')}${0}`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul><svg></svg>0');
  });
});

describe('safeHref', () => {
  it('keeps http(s) URLs and the server\'s own paths', () => {
    expect(safeHref('https://baochinhphu.vn/a-b-102240101.htm')).toBe('https://baochinhphu.vn/a-b-102240101.htm');
    expect(safeHref('/articles/3?start=1&end=4#span')).toBe('/articles/3?start=1&end=4#span');
  });
  it('turns script, data and protocol-relative URLs into #', () => {
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x', 'vbscript:x', '', null, undefined, 'not a url']) {
      expect(safeHref(bad), String(bad)).toBe('#');
    }
  });
});
