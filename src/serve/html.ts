/**
 * HTML built by a tagged template that escapes everything it is given: crawled text is hostile input, so
 * escaping is the default and markup must be asked for. `html\`<p>${title}</p>\`` escapes title; a value
 * that is itself the result of `html` (or of `raw`, for markup made elsewhere, such as an SVG chart that
 * escapes its own text) is inserted as is. Arrays are joined. null, undefined and false print nothing.
 */
import { esc } from '../report/svg.js';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return esc(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += render(parts[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Markup that is already safe: made by code that escapes its own text (the SVG charts). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * A link target from crawled data: only http(s) URLs and the server's own paths. Anything else — a
 * `javascript:` or `data:` URL, a protocol-relative `//host` — becomes "#", so a hostile page cannot put
 * script behind a link.
 */
export function safeHref(url: string | null | undefined): string {
  if (!url) return '#';
  const trimmed = url.trim();
  if (/^\/(?!\/)/.test(trimmed)) return trimmed;
  try {
    const u = new URL(trimmed);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '#';
  } catch {
    return '#';
  }
}
