/**
 * A plain-text article (one paragraph per line, as saved from a page) → Article. The first line is the
 * title when it reads like one; caption lines, photo credits and flattened caption tables ("|") are dropped;
 * a short byline at the end becomes the authors.
 */
import type { Article } from '../types.js';
import { normalizeText, tidy } from '../text/normalize.js';
import { isBoilerplateParagraph, splitTrailingByline } from './body.js';
import { detectLang } from '../text/lang.js';

export interface TextInputOptions {
  url?: string | null;
  publishedAt?: string | null;
}

/** A title: one short line without a final period, followed by more text. */
function looksLikeTitle(line: string, rest: string[]): boolean {
  return rest.length > 0 && line.length <= 200 && !/[.:;]$/.test(line) && !/^\(/.test(line) && line.split(/\s+/).length >= 3;
}

export function articleFromText(raw: string, options: TextInputOptions = {}): Article {
  const lines = normalizeText(raw).split('\n').map((l) => tidy(l)).filter(Boolean);
  let title: string | null = null;
  if (lines.length > 1 && looksLikeTitle(lines[0]!, lines.slice(1))) title = lines.shift()!;
  // The title is often repeated as the first line of the body.
  if (title && lines[0] === title) lines.shift();
  let paragraphs = lines
    .filter((l) => !isBoilerplateParagraph(l))
    // A caption table flattened to text: "caption text |" or a lone "|".
    .filter((l) => !/\|\s*$/.test(l) && !/^\|/.test(l));
  const { paragraphs: body, authors, credit } = splitTrailingByline(paragraphs);
  // A text file is the whole story as saved: its headline states facts too ("Tháng 5 có gần 11.000
  // doanh nghiệp thành lập mới"), so it stays the first paragraph of the text the facts are read from.
  paragraphs = title ? [title, ...body] : body;
  const text = paragraphs.join('\n\n');
  return {
    url: options.url ?? null, canonicalUrl: null, source: null, title,
    publishedAt: options.publishedAt ?? null, updatedAt: null,
    author: authors.length ? authors.join(', ') : null, authors, credit,
    lead: body[0] ?? null, text, paragraphs, images: [], tags: [], category: null,
    lang: detectLang(text), method: 'text', warnings: [],
  };
}
