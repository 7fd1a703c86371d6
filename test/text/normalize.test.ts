import { describe, expect, it } from 'vitest';
import { canonicalKey, foldKey, foldSameLength, normalizeText } from '../../src/text/normalize.js';

describe('normalizeText', () => {
  it('composes combining marks (NFC)', () => {
    const decomposed = 'Nghi\u0323 \u0111i\u0323nh';
    expect(normalizeText(decomposed)).toBe('Nghị định');
  });
  it('maps the Icelandic eth to Đ', () => {
    expect(normalizeText('\u00D0ại hội')).toBe('Đại hội');
  });
});

describe('keys', () => {
  it('canonicalKey ignores tone placement', () => {
    expect(canonicalKey('Hòa Bình')).toBe(canonicalKey('Hoà Bình'));
    expect(canonicalKey('thủy')).toBe(canonicalKey('thuỷ'));
    expect(canonicalKey('Hòa')).not.toBe(canonicalKey('Hoa'));
  });
  it('foldKey folds đ explicitly', () => {
    expect(foldKey('Nghị định')).toBe('nghi dinh');
  });
  it('foldSameLength keeps offsets', () => {
    const s = 'Thủ tướng Phạm Minh Chính';
    expect(foldSameLength(s)).toHaveLength(s.length);
    expect(foldSameLength(s)).toBe('Thu tuong Pham Minh Chinh');
  });
});
