/**
 * Reading an input file for `vnpress extract`: it must exist, be non-empty, and be text (HTML or plain),
 * not a binary file. Errors name the file and the fix.
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { decodeBody } from '../article/decode.js';

export interface InputFile {
  path: string;
  kind: 'html' | 'text';
  text: string;
}

/** Files larger than this are refused: a press release is not 50 MB. */
const MAX_INPUT = 50 * 1024 * 1024;

export function readInputFile(path: string): InputFile {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path} is a directory; give the path of an .html or .txt file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${path}: no such file; check the path` : `${path}: cannot be read (${code ?? 'error'})`, { cause: e });
  }
  if (size === 0) throw new InputError(`${path} is empty: nothing to extract`);
  if (size > MAX_INPUT) throw new InputError(`${path} is ${(size / 1048576).toFixed(0)} MB, larger than the 50 MB limit for one article`);
  const bytes = readFileSync(path);
  if (looksBinary(bytes)) throw new InputError(`${path} looks like a binary file, not HTML or text; give a saved web page (.html) or an article text (.txt)`);
  const decoded = decodeBody(bytes);
  if (!decoded.text.trim()) throw new InputError(`${path} holds only white space: nothing to extract`);
  const isHtml = /\.html?$/i.test(path) || (!/\.txt$/i.test(path) && /^\s*<(?:!doctype|html|head|body|div|p)\b/i.test(decoded.text));
  return { path, kind: isHtml ? 'html' : 'text', text: decoded.text };
}

/** NUL bytes or many control characters in the first 8 KB mean binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > head.length * 0.1;
}
