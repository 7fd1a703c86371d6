/**
 * Bytes → text. The charset comes from the BOM, the Content-Type header, or a <meta> in the first bytes,
 * in that order; legacy Vietnamese charsets (windows-1258, VISCII, TCVN3) decode through iconv-lite. The
 * result is normalized once (NFC, look-alike letters) so that every later offset refers to it.
 */
import iconv from 'iconv-lite';
import { normalizeText } from '../text/normalize.js';

export interface Decoded {
  text: string;
  charset: string;
  /** Where the charset came from. */
  via: 'bom' | 'header' | 'meta' | 'default';
}

const ALIASES: Record<string, string> = {
  'utf8': 'utf-8', 'tcvn3': 'tcvn', 'tcvn-3': 'tcvn', 'tcvn5712': 'tcvn', 'abc': 'tcvn', 'cp1258': 'windows1258',
  'windows-1258': 'windows1258', 'x-viet-vps': 'windows1258', 'iso-8859-1': 'windows1252', 'latin1': 'windows1252',
};

export function charsetFromContentType(contentType: string | undefined): string | null {
  const m = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null;
  return m ? m[1]!.toLowerCase() : null;
}

function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

function canonicalCharset(name: string): string {
  const n = name.toLowerCase();
  return ALIASES[n] ?? n;
}

export function decodeBody(bytes: Uint8Array, contentType?: string): Decoded {
  let charset: string;
  let via: Decoded['via'];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    charset = 'utf-8';
    via = 'bom';
  } else {
    const fromHeader = charsetFromContentType(contentType);
    const fromMeta = fromHeader ? null : charsetFromMeta(bytes);
    charset = canonicalCharset(fromHeader ?? fromMeta ?? 'utf-8');
    via = fromHeader ? 'header' : fromMeta ? 'meta' : 'default';
  }
  if (!iconv.encodingExists(charset)) charset = 'utf-8';
  let text = iconv.decode(Buffer.from(bytes), charset);
  // A page that says UTF-8 but is not: replacement characters everywhere. Windows-1258 is the usual truth.
  if (charset === 'utf-8' && via !== 'bom' && countReplacement(text) > 20) {
    text = iconv.decode(Buffer.from(bytes), 'windows1258');
    charset = 'windows1258';
  }
  return { text: normalizeText(text), charset, via };
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\uFFFD'); i >= 0 && n < 100; i = s.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
