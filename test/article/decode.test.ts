import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBody, charsetFromContentType } from '../../src/article/decode.js';

describe('decodeBody', () => {
  it('uses the header charset, then a meta charset, then UTF-8', () => {
    const cp1258 = iconv.encode('Ngh\u0131'.replace('\u0131', 'i\u0323') + ' đi\u0323nh', 'windows1258');
    expect(decodeBody(cp1258, 'text/html; charset=windows-1258')).toMatchObject({ text: 'Nghị định', charset: 'windows1258', via: 'header' });
    const meta = Buffer.concat([Buffer.from('<meta charset="windows-1258">'), cp1258]);
    expect(decodeBody(meta).text).toBe('<meta charset="windows-1258">Nghị định');
    expect(decodeBody(Buffer.from('Thủ tướng', 'utf8'))).toMatchObject({ text: 'Thủ tướng', via: 'default' });
  });
  it('honours a UTF-8 BOM over a wrong header, and drops it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Bộ Tài chính')]);
    expect(decodeBody(bytes, 'text/html; charset=iso-8859-1')).toMatchObject({ text: 'Bộ Tài chính', via: 'bom' });
  });
  it('falls back to Windows-1258 when bytes declared UTF-8 are not', () => {
    const text = Array.from({ length: 30 }, () => 'Chi\u0301nh phu\u0309').join(' ');
    const bytes = iconv.encode(text, 'windows1258');
    expect(decodeBody(bytes, 'text/html; charset=utf-8')).toMatchObject({ charset: 'windows1258' });
    expect(decodeBody(bytes, 'text/html; charset=utf-8').text.startsWith('Chính phủ')).toBe(true);
  });
  it('reads the charset parameter', () => {
    expect(charsetFromContentType('text/html; Charset="UTF-8"')).toBe('utf-8');
    expect(charsetFromContentType('text/html')).toBeNull();
  });
});
