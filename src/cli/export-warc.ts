/**
 * `vnpress export-warc`: the archived pages as .warc.gz files for web-archive tools (pywb, warcio,
 * ArchiveWeb.page), a new file each time one passes --max-size. Each page is written under the URL its body
 * came from (after redirects); 304 answers, which carry no body, are not pages of their own.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDb } from '../store/db.js';
import { PageStore } from '../store/pages.js';
import { WarcWriter, warcFileName } from '../store/warc.js';
import { getSource } from '../../pipelines/index.js';
import { InputError, describeError } from '../errors.js';
import { parseSize } from './crawl.js';
import { log } from './output.js';

function utf8ContentType(contentType: string | undefined): string {
  const type = (contentType ?? 'text/html').split(';')[0]!.trim() || 'text/html';
  return `${type}; charset=utf-8`;
}

export interface ExportWarcOptions {
  db: string;
  out: string;
  source?: string;
  maxSize?: string;
  prefix?: string;
}

export async function runExportWarc(opts: ExportWarcOptions): Promise<void> {
  if (opts.source && !getSource(opts.source)) throw new InputError(`unknown source "${opts.source}"; run \`vnpress sources\` to see the ids`);
  const maxBytes = opts.maxSize ? parseSize(opts.maxSize) : 1024 ** 3;
  const prefix = opts.prefix ?? 'vnpress';
  const db = openDb(opts.db, { readonly: true });
  mkdirSync(opts.out, { recursive: true });
  const files: string[] = [];
  let writer: WarcWriter | null = null;
  let pages = 0;
  let skipped = 0;
  const open = () => {
    const name = warcFileName(prefix, new Date(), files.length);
    files.push(join(opts.out, name));
    return new WarcWriter(createWriteStream(join(opts.out, name)), { software: 'vnpress/0.1', description: `vnpress archive${opts.source ? ` of ${opts.source}` : ''}` }, name);
  };
  try {
    for (const page of new PageStore(db).archive(opts.source ?? null)) {
      if (page.status === 304) continue;
      writer ??= open();
      try {
        // A page kept only as decoded text is written as the UTF-8 it now is, whatever charset it came in.
        const headers = page.legacyText === null ? page.headers : { ...page.headers, 'content-type': utf8ContentType(page.headers['content-type']) };
        await writer.write({ url: page.finalUrl, fetchedAt: page.fetchedAt, status: page.status, headers, body: page.raw() });
        pages++;
      } catch (e) {
        // A page the WARC cannot hold (a broken URL) is reported and left out; the file stays valid.
        skipped++;
        log(`skipped ${page.url}: ${describeError(e)}`);
      }
      if (writer.bytesWritten >= maxBytes) {
        await writer.end();
        writer = null;
      }
    }
    if (writer || !files.length) await (writer ?? open()).end();
  } finally {
    db.close();
  }
  log(`wrote ${pages} pages to ${files.length} WARC file${files.length === 1 ? '' : 's'} in ${opts.out}${skipped ? ` (${skipped} skipped)` : ''}`);
  for (const f of files) process.stdout.write(`${f}\n`);
}
