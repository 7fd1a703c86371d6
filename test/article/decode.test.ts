import { describe, expect, it } from 'vitest';
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { decodeBody, charsetFromContentType } from '../../src/article/decode.js';
import { TCVN3_LETTERS, VNI_LETTERS } from '../../src/text/data/legacy-charsets.js';

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

// ---------------------------------------------------------------------------------------------------------
// Legacy Vietnamese encodings: TCVN3 and VNI (own tables), VISCII and Windows-1258 (iconv-lite), sniffing.

/** Every Vietnamese letter that is not plain ASCII, built from Unicode alone (not from any table): 67 + 67. */
const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const LOWER_LETTERS = [...[...'aăâeêioôơuưy'].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))).filter((l) => !'aeiouy'.includes(l)), 'đ'];
const ALL_LETTERS = [...LOWER_LETTERS, ...LOWER_LETTERS.map((l) => l.toUpperCase())];
/** The upper-case letters TCVN3 has: those without a tone. */
const TCVN3_UPPER = ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'];

/** Test helper: an encoder from the inverse of a table (ASCII passes through). */
function encoderFrom(table: ReadonlyMap<string, readonly number[]>): (s: string) => Buffer {
  return (s) => Buffer.from([...s.normalize('NFC')].flatMap((c) => {
    const bytes = table.get(c);
    if (bytes) return [...bytes];
    if (c.charCodeAt(0) < 0x80) return [c.charCodeAt(0)];
    throw new Error(`no byte for ${c}`);
  }));
}
const encodeTcvn3 = encoderFrom(new Map(TCVN3_LETTERS.map(([l, b]) => [l, [b]])));
const encodeVni = encoderFrom(new Map(VNI_LETTERS.map(([l, ...b]) => [l, b])));
/** Windows-1258 (Microsoft's CP1258.TXT): tone marks are the combining bytes 0xCC ̀, 0xEC ́, 0xDE ̃, 0xD2 ̉, 0xF2 ̣. */
const CP1258_TONES: Record<string, number> = { '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2 };
function encodeCp1258(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s.normalize('NFC')) {
    const d = ch.normalize('NFD');
    const tone = [...d].find((c) => c in CP1258_TONES);
    const base = iconv.encode(d.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC'), 'windows1258');
    out.push(...base);
    if (tone) out.push(CP1258_TONES[tone]!);
  }
  return Buffer.from(out);
}

const NGHI_DINH = 'Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân';
const BO_TRUONG = 'Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên';
const UBND = 'Ủy ban nhân dân thành phố Hà Nội';
const page = (head: string, body: string) => `<html><head>${head}<title>Thông cáo báo chí</title></head><body>${body}</body></html>`;

describe('TCVN3', () => {
  it('decodes the bytes of the published table (ABC/.VnTime)', () => {
    // From the TCVN3 table: à 0xB5, ộ 0xE9, í 0xDD, ủ 0xF1, ệ 0xD6, Đ 0xA7, ư 0xAD, ờ 0xEA.
    const cases: [number[], string][] = [
      [[0x48, 0xb5, 0x20, 0x4e, 0xe9, 0x69], 'Hà Nội'],
      [[0x43, 0x68, 0xdd, 0x6e, 0x68, 0x20, 0x70, 0x68, 0xf1], 'Chính phủ'],
      [[0x56, 0x69, 0xd6, 0x74, 0x20, 0x4e, 0x61, 0x6d], 'Việt Nam'],
      [[0xa7, 0xad, 0xea, 0x6e, 0x67], 'Đường'],
    ];
    for (const [bytes, text] of cases) {
      expect(decodeBody(Buffer.from(bytes), 'text/html; charset=tcvn3')).toEqual({ text, charset: 'tcvn3', via: 'header', convertedFrom: 'tcvn3' });
    }
  });
  it('agrees with iconv-lite\'s "tcvn" (TCVN 5712 VN1) on every TCVN3 letter, but not on the codes TCVN3 leaves free', () => {
    for (const [letter, byte] of TCVN3_LETTERS) expect(iconv.decode(Buffer.from([byte]), 'tcvn')).toBe(letter);
    // Word's curly quotes under a .VnTime font are Windows-1252 bytes; VN1 reads them as upper-case letters.
    const quoted = Buffer.from([0x93, ...encodeTcvn3('Hà Nội'), 0x94]);
    expect(iconv.decode(quoted, 'tcvn')).toBe('ỎHà NộiÕ');
    expect(decodeBody(quoted, 'text/html; charset=tcvn3').text).toBe('“Hà Nội”');
  });
  it('has the 67 lower-case letters and Ă Â Ê Ô Ơ Ư Đ, each decoding to NFC', () => {
    expect(LOWER_LETTERS).toHaveLength(67);
    expect(new Set(TCVN3_LETTERS.map(([l]) => l))).toEqual(new Set([...LOWER_LETTERS, ...TCVN3_UPPER]));
    const text = [...LOWER_LETTERS, ...TCVN3_UPPER].join(' ');
    const decoded = decodeBody(encodeTcvn3(text), 'text/html; charset=tcvn3').text;
    expect(decoded).toBe(text);
    expect(decoded).toBe(decoded.normalize('NFC'));
  });
  it('leaves upper-case toned letters to VN1 (charset=tcvn5712): TCVN3 writes them with the all-capital fonts', () => {
    const upper = ALL_LETTERS.slice(67).filter((l) => !TCVN3_UPPER.includes(l));
    expect(upper).toHaveLength(60);
    for (const l of upper) expect(() => encodeTcvn3(l)).toThrow();
    const d = decodeBody(iconv.encode(upper.join(' '), 'tcvn'), 'text/html; charset=tcvn5712');
    expect(d).toMatchObject({ text: upper.join(' '), charset: 'tcvn', convertedFrom: 'tcvn' });
  });
  it('converts a page declared iso-8859-1 that sets a .VnTime font', () => {
    const html = page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
      `<font face=".VnTime"><p>${NGHI_DINH}.</p><p>${BO_TRUONG} chủ trì hội nghị.</p></font>`);
    const d = decodeBody(encodeTcvn3(html));
    expect(d).toEqual({ text: html, charset: 'tcvn3', via: 'sniffed', convertedFrom: 'tcvn3' });
    // The header says the same; a font hint decides even for a couple of words.
    const short = `<span style="font-family: '.VnArial', sans-serif">Hà Nội</span>`;
    expect(decodeBody(encodeTcvn3(short), 'text/html; charset=ISO-8859-1')).toMatchObject({ text: short, charset: 'tcvn3', via: 'sniffed' });
    // Word writes the font name between &quot; entities.
    const word = `<p style="font-family:&quot;.VnTime&quot;;font-size:13pt">Hà Nội</p>`;
    expect(decodeBody(encodeTcvn3(word), 'text/html; charset=windows-1252')).toMatchObject({ text: word, charset: 'tcvn3' });
  });
  it('is sniffed from the words alone, on a page with no charset or a false UTF-8 one', () => {
    const body = `<p>${NGHI_DINH}.</p><p>${BO_TRUONG}.</p>`;
    expect(decodeBody(encodeTcvn3(page('', body)))).toMatchObject({ text: page('', body), charset: 'tcvn3', via: 'sniffed', convertedFrom: 'tcvn3' });
    // A server's default charset over an old file: UTF-8 declared, TCVN3 served (not Windows-1258).
    const long = page('<meta charset="utf-8">', `<p>${NGHI_DINH}, có hiệu lực thi hành từ ngày 1/7/2023.</p>`.repeat(3));
    expect(decodeBody(encodeTcvn3(long), 'text/html; charset=utf-8')).toMatchObject({ text: long, charset: 'tcvn3', via: 'sniffed' });
  });
});

describe('VNI', () => {
  it('decodes the bytes of the published table (VNI-Windows), longest match first', () => {
    // From the VNI table: ệ e+0xE4, à a+0xF8, ộ o+0xE4, ị 0xF2, đ 0xF1, Ủ U+0xDB, Ư 0xD6, Ờ 0xD4+0xD8.
    const cases: [number[], string][] = [
      [[0x56, 0x69, 0x65, 0xe4, 0x74, 0x20, 0x4e, 0x61, 0x6d], 'Việt Nam'],
      [[0x48, 0x61, 0xf8, 0x20, 0x4e, 0x6f, 0xe4, 0x69], 'Hà Nội'],
      [[0x4e, 0x67, 0x68, 0xf2, 0x20, 0xf1, 0xf2, 0x6e, 0x68], 'Nghị định'],
      [[0x55, 0xdb, 0x79, 0x20, 0x62, 0x61, 0x6e], 'Ủy ban'],
      [[0xd1, 0xd6, 0xd4, 0xd8, 0x4e, 0x47], 'ĐƯỜNG'],
    ];
    for (const [bytes, text] of cases) {
      expect(decodeBody(Buffer.from(bytes), 'text/html; charset=vni')).toEqual({ text, charset: 'vni', via: 'header', convertedFrom: 'vni' });
    }
    // A mark byte of the other case still belongs to its letter; one after a consonant stays a combining mark.
    expect(decodeBody(Buffer.from([0x41, 0xf9, 0x20, 0x61, 0xd9]), 'text/html; charset=vni').text).toBe('Á á');
    expect(decodeBody(Buffer.from([0x62, 0xf9]), 'text/html; charset=vni').text).toBe('b\u0301');
  });
  it('decodes every Vietnamese letter to NFC', () => {
    const text = ALL_LETTERS.join(' ');
    expect(ALL_LETTERS).toHaveLength(134);
    const decoded = decodeBody(encodeVni(text), 'text/html; charset=vni').text;
    expect(decoded).toBe(text);
    expect(decoded).toBe(decoded.normalize('NFC'));
  });
  it('is sniffed from the words on a page with no charset and no font hint', () => {
    const html = page('', `<h1>${UBND}</h1><p>${NGHI_DINH}.</p>`);
    const bytes = encodeVni(html);
    expect(isUtf8(bytes)).toBe(false);
    expect(/VNI-|\.Vn/i.test(bytes.toString('latin1'))).toBe(false);
    expect(decodeBody(bytes)).toEqual({ text: html, charset: 'vni', via: 'sniffed', convertedFrom: 'vni' });
  });
  it('is converted on a Latin page that sets a VNI font', () => {
    const html = page('<meta charset="windows-1252">', `<font face="VNI-Times"><p>${BO_TRUONG}</p></font>`);
    expect(decodeBody(encodeVni(html))).toMatchObject({ text: html, charset: 'vni', via: 'sniffed', convertedFrom: 'vni' });
  });
});

describe('VISCII and Windows-1258', () => {
  it('VISCII: the bytes of RFC 1456', () => {
    // RFC 1456: Ủ 0x9C, â 0xE2, à 0xE0, ố 0xAF, ộ 0xB5.
    const bytes = Buffer.from([0x9c, 0x79, 0x20, 0x62, 0x61, 0x6e, 0x20, 0x6e, 0x68, 0xe2, 0x6e, 0x20, 0x64, 0xe2, 0x6e, 0x20,
      0x74, 0x68, 0xe0, 0x6e, 0x68, 0x20, 0x70, 0x68, 0xaf, 0x20, 0x48, 0xe0, 0x20, 0x4e, 0xb5, 0x69]);
    expect(decodeBody(bytes, 'text/html; charset=VISCII')).toEqual({ text: UBND, charset: 'viscii', via: 'header', convertedFrom: 'viscii' });
    expect(decodeBody(iconv.encode(NGHI_DINH, 'viscii'), 'text/html; charset=viscii').text).toBe(NGHI_DINH);
  });
  it('Windows-1258: combining tone bytes end as NFC', () => {
    // CP1258: ô 0xF4, ư 0xFD, ơ 0xF5, â 0xE2; tones ̣ 0xF2, ̉ 0xD2.
    const bytes = Buffer.from([0x42, 0xf4, 0xf2, 0x20, 0x74, 0x72, 0xfd, 0xf5, 0xd2, 0x6e, 0x67, 0x20, 0x42, 0xf4, 0xf2, 0x20,
      0x43, 0xf4, 0x6e, 0x67, 0x20, 0x61, 0x6e, 0x20, 0x54, 0xf4, 0x20, 0x4c, 0xe2, 0x6d]);
    const d = decodeBody(bytes, 'text/html; charset=windows-1258');
    expect(d).toEqual({ text: 'Bộ trưởng Bộ Công an Tô Lâm', charset: 'windows1258', via: 'header', convertedFrom: 'windows1258' });
    expect(d.text).not.toBe(d.text.normalize('NFD'));
    expect(decodeBody(encodeCp1258(BO_TRUONG), 'text/html; charset=cp1258').text).toBe(BO_TRUONG);
  });
  it('decode every Vietnamese letter to NFC', () => {
    const text = ALL_LETTERS.join(' ');
    for (const [charset, bytes] of [['viscii', iconv.encode(text, 'viscii')], ['windows-1258', encodeCp1258(text)]] as const) {
      const decoded = decodeBody(bytes, `text/html; charset=${charset}`).text;
      expect(decoded).toBe(text);
      expect(decoded).toBe(decoded.normalize('NFC'));
    }
  });
  it('Windows-1258 behind a Latin declaration is sniffed too', () => {
    const html = page('<meta charset="iso-8859-1">', `<p>${BO_TRUONG}</p><p>${NGHI_DINH}</p>`);
    expect(decodeBody(encodeCp1258(html))).toMatchObject({ text: html, charset: 'windows1258', via: 'sniffed', convertedFrom: 'windows1258' });
  });
});

describe('sniffing leaves Latin pages alone', () => {
  const latin = [
    'Café déjà vu, naïve façade.',
    'Le ministre a présenté le projet à l’Assemblée nationale : très élégant, à côté de la gare.',
    'The café’s crème brûlée costs £5 — see the résumé attached. © 2008, ½ cup, 25 °C.',
    'Für die Förderung der Wirtschaft müssen wir über größere Maßnahmen sprechen.',
    'El año pasado, el Ministerio de Economía publicó más información. Sí, está aquí.',
  ];
  it.each(latin)('%s', (sentence) => {
    const html = page('<meta charset="windows-1252">', `<p>${sentence}</p>`);
    const bytes = iconv.encode(html, 'windows1252');
    expect(decodeBody(bytes)).toEqual({ text: html, charset: 'windows-1252', via: 'meta', convertedFrom: null });
    expect(decodeBody(bytes, 'text/html; charset=ISO-8859-1')).toMatchObject({ text: html, charset: 'windows1252', via: 'header', convertedFrom: null });
  });
  it('even when its stylesheet names a .VnTime font', () => {
    const html = page('<meta charset="windows-1252"><style>body { font-family: ".VnTime", serif }</style>', `<p>${latin.join(' ')}</p>`);
    expect(decodeBody(iconv.encode(html, 'windows1252'))).toMatchObject({ text: html, charset: 'windows-1252', convertedFrom: null });
  });
  it('and a UTF-8 page keeps UTF-8 whatever fonts it names', () => {
    const html = page('', `<font face=".VnTime">${NGHI_DINH}</font><font face="VNI-Times">${UBND}</font>`);
    expect(decodeBody(Buffer.from(html))).toEqual({ text: html, charset: 'utf-8', via: 'default', convertedFrom: null });
  });
});

describe('legacy charsets: full sentences and names', () => {
  it.each([NGHI_DINH, BO_TRUONG, 'Bộ trưởng Bộ Công an Tô Lâm', 'UBND thành phố Hà Nội'])('TCVN3 and VNI round trip, declared and sniffed: %s', (sentence) => {
    for (const [charset, encode] of [['tcvn3', encodeTcvn3], ['vni', encodeVni]] as const) {
      const bytes = encode(sentence);
      expect(decodeBody(bytes, `text/html; charset=${charset}`).text).toBe(sentence);
      expect(decodeBody(bytes)).toMatchObject({ text: sentence, charset, via: 'sniffed' });
    }
  });
  it('VNI round trip of a sentence with upper-case toned letters', () => {
    expect(decodeBody(encodeVni(UBND))).toMatchObject({ text: UBND, charset: 'vni' });
  });
  it.each([
    ['tcvn3', 'tcvn3'], ['TCVN-3', 'tcvn3'], ['abc', 'tcvn3'], ['vn3', 'tcvn3'], ['x-viet-tcvn5712', 'tcvn3'],
    ['vni', 'vni'], ['VNI-Windows', 'vni'], ['x-viet-vni', 'vni'], ['viscii', 'viscii'], ['x-viet-vps', 'windows1258'],
  ])('charset=%s reads as %s', (name, charset) => {
    expect(decodeBody(Buffer.from('Hello'), `text/html; charset=${name}`)).toMatchObject({ charset, via: 'header', convertedFrom: charset });
  });
});

describe('fixtures/encodings', () => {
  it.each(['windows-1258', 'tcvn3'])('%s.html decodes to its expected title and paragraph', (name) => {
    const dir = fileURLToPath(new URL('../../fixtures/encodings/', import.meta.url));
    const d = decodeBody(readFileSync(`${dir}${name}.html`));
    const [title, paragraph] = readFileSync(`${dir}${name}.expected.txt`, 'utf8').split('\n');
    expect(d.convertedFrom).toBe(name === 'tcvn3' ? 'tcvn3' : 'windows1258');
    expect(/<h1>(.*?)<\/h1>/.exec(d.text)?.[1]).toBe(title);
    expect(d.text).toContain(`<p>${paragraph}</p>`);
    expect(d.text).toBe(d.text.normalize('NFC'));
  });
});
