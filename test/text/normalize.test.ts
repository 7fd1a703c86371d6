import { describe, expect, it } from 'vitest';
import { canonicalKey, foldKey, foldSameLength, normalizeText, oneLine, tidy } from '../../src/text/normalize.js';

describe('normalizeText', () => {
  it('composes combining marks (NFC)', () => {
    const decomposed = 'Nghi\u0323 \u0111i\u0323nh';
    expect(normalizeText(decomposed)).toBe('Nghị định');
  });
  it('composes Windows-1258 style text (base letter + tone mark) into precomposed letters', () => {
    // "Việt Nam" as Windows-1258 decodes it: ê followed by a combining dot below.
    const out = normalizeText('Vi\u00EA\u0323t Nam');
    expect(out).toBe('Việt Nam');
    expect(out).toHaveLength(8);
  });
  it('maps the Icelandic eth to Đ', () => {
    expect(normalizeText('\u00D0ại hội')).toBe('Đại hội');
  });
  it('maps every look-alike of Đ/đ', () => {
    expect(normalizeText('\u00F0i\u00EA\u0300u \u0189\u1EA3ng \u0256\u1EA3ng')).toBe('điều Đảng đảng');
  });
  it('drops soft hyphens, zero-width characters and BOMs', () => {
    expect(normalizeText('\uFEFFThủ\u200B tướng\u00AD Chính\u2060 phủ\u200D')).toBe('Thủ tướng Chính phủ');
  });
  it('returns NFC even when an invisible character sits between a letter and its mark', () => {
    const out = normalizeText('Vie\u00AD\u0323\u0302t Nam');
    expect(out).toBe('Việt Nam');
    expect(out).toBe(out.normalize('NFC'));
    expect(out).toHaveLength(8);
  });
  it('turns space-like characters into plain spaces and keeps line breaks', () => {
    expect(normalizeText('Hà\u00A0Nội\u2009ngày\u3000mai\tđến\u202Fnơi')).toBe('Hà Nội ngày mai đến nơi');
    expect(normalizeText('dòng một\ndòng hai')).toBe('dòng một\ndòng hai');
  });
  it('unifies CRLF and CR line ends to LF', () => {
    expect(normalizeText('một\r\nhai\rba\n')).toBe('một\nhai\nba\n');
  });
  it('is idempotent', () => {
    const once = normalizeText('Ho\u0300a\u00A0Bi\u0300nh\r\n\u00D0a\u0300 Na\u0303ng\u00AD');
    expect(normalizeText(once)).toBe(once);
  });
  it('does not unify tone placement (that is what canonicalKey is for)', () => {
    expect(normalizeText('hòa')).not.toBe(normalizeText('hoà'));
  });
});

describe('normalizeText skips the steps with nothing to do', () => {
  // Every step applied in order, as the function is specified.
  const reference = (input: string) => input.replace(/\r\n?/g, '\n').replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').normalize('NFC')
    .replace(/[\u00D0\u00F0\u0189\u0256]/g, (c) => (c === '\u00D0' || c === '\u0189' ? '\u0110' : '\u0111'))
    .replace(/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\f\v]/g, ' ');
  it('agrees with all the steps run in order, for every code unit between two letters', () => {
    for (let c = 0; c < 65536; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      if (normalizeText(s) !== reference(s)) expect(normalizeText(s), `U+${c.toString(16)}`).toBe(reference(s));
    }
  });
  it('agrees on random mixes of marks, precomposed letters, singletons, spaces and invisibles', () => {
    const pool = ['a', 'e', 'o', 'ư', 'ạ', 'ố', '\u0323', '\u0301', '\u031B', '\r', '\r\n', '\t', '\u00A0', '\u00AD', '\u200B', '\uFEFF', 'Ð', 'ð',
      '\u0189', '\u2000', '\u3000', '\u212B', 'A\u030A', '\uD83D\uDE00', '\u0340', '\uF900', ' ', '\f'];
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
    for (let n = 0; n < 20000; n++) {
      let s = '';
      for (let i = 0, len = 1 + (next() % 10); i < len; i++) s += pool[next() % pool.length];
      if (normalizeText(s) !== reference(s)) expect(normalizeText(s), JSON.stringify(s)).toBe(reference(s));
    }
  });
  it('returns a text with nothing to change as it is', () => {
    const s = 'Thủ tướng Phạm Minh Chính chủ trì phiên họp – “trực tuyến” 1.000 tỷ ₫';
    expect(normalizeText(s)).toBe(s);
  });
});

describe('oneLine', () => {
  it('makes every run of white space one space and trims', () => {
    expect(oneLine('  Hội nghị\n\t trực  tuyến \u00A0 ')).toBe('Hội nghị trực tuyến');
    expect(oneLine('a\u2003b')).toBe('a b');
    expect(oneLine(' một dòng ')).toBe('một dòng');
  });
});

describe('canonicalKey', () => {
  it('ignores tone placement', () => {
    expect(canonicalKey('Hòa Bình')).toBe(canonicalKey('Hoà Bình'));
    expect(canonicalKey('thủy')).toBe(canonicalKey('thuỷ'));
    expect(canonicalKey('Ủy ban')).toBe(canonicalKey('Uỷ ban'));
    expect(canonicalKey('quý hóa')).toBe(canonicalKey('quý hoá'));
    expect(canonicalKey('Hòa')).not.toBe(canonicalKey('Hoa'));
  });
  it('gives misplaced marks the same key as the correct spelling', () => {
    expect(canonicalKey('qúy')).toBe(canonicalKey('quý'));
    expect(canonicalKey('lựơng')).toBe(canonicalKey('lượng'));
  });
  it('ignores case, spacing and composition', () => {
    expect(canonicalKey('  THỦ   TƯỚNG\nChính phủ ')).toBe(canonicalKey('thủ tướng chính phủ'));
    expect(canonicalKey('Nghi\u0323 \u0111i\u0323nh')).toBe(canonicalKey('Nghị định'));
  });
  it('puts each tone mark after its syllable, in NFC, with single spaces', () => {
    expect(canonicalKey('  Hòa   Bình ')).toBe('hoà binh\u0300');
    expect(canonicalKey('thủy')).toBe('thuỷ');
    // Syllables whose tone already sits on the last vowel letter and no mark at all come out unchanged.
    expect(canonicalKey('Bộ Công an')).toBe('bộ công an');
    const k = canonicalKey('Thủy lợi');
    expect(k).toBe(k.normalize('NFC'));
  });
  it('keeps different tones and vowel qualities apart', () => {
    expect(canonicalKey('hòa')).not.toBe(canonicalKey('hóa'));
    expect(canonicalKey('ơn')).not.toBe(canonicalKey('ôn'));
    expect(canonicalKey('đảng')).not.toBe(canonicalKey('dảng'));
  });
  it('maps look-alike letters', () => {
    expect(canonicalKey('\u00D0ại hội')).toBe(canonicalKey('Đại hội'));
    expect(canonicalKey('\u0189ảng')).toBe(canonicalKey('Đảng'));
  });
});

describe('foldKey', () => {
  it('folds đ explicitly', () => {
    expect(foldKey('Nghị định')).toBe('nghi dinh');
    expect(foldKey('ĐẢNG')).toBe('dang');
  });
  it('removes tones and vowel marks (ư ơ ô â ă ê)', () => {
    expect(foldKey('Thủ tướng Chính phủ')).toBe('thu tuong chinh phu');
    expect(foldKey('Bộ Lao động - Thương binh và Xã hội')).toBe('bo lao dong - thuong binh va xa hoi');
    expect(foldKey('ăn ở')).toBe('an o');
  });
  it('is the same for old and new tone placement', () => {
    expect(foldKey('Hòa')).toBe(foldKey('Hoà'));
  });
  it('folds every look-alike of Đ/đ', () => {
    expect(foldKey('\u00D0ại \u00F0ường')).toBe('dai duong');
    expect(foldKey('\u0189ại \u0256ường')).toBe('dai duong');
  });
  it('collapses whitespace and trims', () => {
    expect(foldKey('  Hà   Nội\n ')).toBe('ha noi');
  });
});

describe('foldSameLength', () => {
  it('keeps offsets', () => {
    const s = 'Thủ tướng Phạm Minh Chính';
    expect(foldSameLength(s)).toHaveLength(s.length);
    expect(foldSameLength(s)).toBe('Thu tuong Pham Minh Chinh');
  });
  it('keeps case and spacing, folds đ/Đ', () => {
    expect(foldSameLength('Đà  Nẵng\nđó')).toBe('Da  Nang\ndo');
  });
  it('lets an offset found in the folded copy cut the original', () => {
    const s = 'Theo Nghị định 42/2022/NĐ-CP của Chính phủ';
    const at = foldSameLength(s).toLowerCase().indexOf('nghi dinh');
    expect(s.slice(at, at + 'nghi dinh'.length)).toBe('Nghị định');
  });
  it('agrees with foldKey on look-alike letters', () => {
    expect(foldSameLength('\u00D0ại \u0189ảng')).toBe('Dai Dang');
    expect(foldSameLength('\u00D0ại').toLowerCase()).toBe(foldKey('\u00D0ại'));
  });
  it('folds each character to its letter without marks, one for one, from Latin to CJK', () => {
    for (let code = 0x80; code < 0xd800; code++) {
      const ch = String.fromCharCode(code);
      const folded = foldSameLength(ch);
      expect(folded, ch).toHaveLength(1);
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (base.length === 1 && !/[đĐ]/.test(ch) && foldKey(ch) !== '') expect(folded.toLowerCase(), ch).toBe(foldKey(base));
    }
    expect(foldSameLength('ỆỄỂẾỀ ệễểếề')).toBe('EEEEE eeeee');
  });
  it('leaves astral characters whole', () => {
    const s = 'Hà Nội 😀 vui';
    expect(foldSameLength(s)).toHaveLength(s.length);
    expect(foldSameLength(s)).toBe('Ha Noi 😀 vui');
  });
});

describe('tidy', () => {
  it('collapses runs of spaces and tabs and trims', () => {
    expect(tidy('  Thủ \t tướng   Chính phủ  ')).toBe('Thủ tướng Chính phủ');
  });
  it('removes spaces around line breaks but keeps the breaks', () => {
    expect(tidy('dòng một   \n   dòng hai')).toBe('dòng một\ndòng hai');
  });
  it('returns an empty string for blank input', () => {
    expect(tidy(' \t ')).toBe('');
  });
  it('agrees with its two replacements on random mixes of spaces, tabs and line breaks', () => {
    const full = (s: string) => s.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
    const pool = [' ', '  ', '\t', '\n', 'a', 'ạ', '\u00A0', '\r'];
    let seed = 11;
    const next = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; };
    for (let n = 0; n < 20000; n++) {
      let s = '';
      for (let i = 0, len = next() % 9; i < len; i++) s += pool[next() % pool.length];
      if (tidy(s) !== full(s)) expect(tidy(s), JSON.stringify(s)).toBe(full(s));
    }
  });
});
