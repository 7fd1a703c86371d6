/** Generators of adversarial text for the extractors (used by test/facts/fuzz.test.ts and scripts/fuzz-facts.ts). */

const repeat = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length));

export const ADVERSARIAL: Record<string, (size: number) => string> = {
  'long run of digits': (n) => repeat('1234567890', n),
  'digits and dots': (n) => repeat('1.', n),
  'digits and commas': (n) => repeat('1,2', n),
  'slashes': (n) => repeat('/', n),
  'digit slash runs': (n) => repeat('12/', n),
  'document-number lookalikes': (n) => repeat('42/2022/NĐ-CP-', n),
  'dash-joined capitals': (n) => repeat('NĐ-', n),
  'capitals': (n) => repeat('A', n),
  'capitalized syllables': (n) => repeat('Nguyễn Văn ', n),
  'titles without names': (n) => repeat('Bộ trưởng Bộ ', n),
  'title chains': (n) => repeat('Bộ trưởng, Phó Thủ tướng, Đại tướng, ', n),
  'date lookalikes': (n) => repeat('ngày 1/1/1 ', n),
  'number words': (n) => repeat('hai mươi mốt ', n),
  'qualifiers': (n) => repeat('khoảng hơn gần ', n),
  'meeting words': (n) => repeat('phiên họp lần thứ ', n),
  'no spaces, Vietnamese letters': (n) => repeat('ngườiđượctrongđãcóđểvớicủa', n),
  'one huge sentence of figures': (n) => repeat('tăng 7,72% so với cùng kỳ, ', n),
};

/** Deterministic random text from the characters the patterns look at. */
export function randomSoup(size: number, seed: number): string {
  const alphabet = '0123456789./-,;:()% ABCDĐNQTHđăâêôơưạảấầẩẫậNĐCPTTgQĐ\n';
  let x = seed * 2654435761 % 4294967296;
  let out = '';
  for (let i = 0; i < size; i++) {
    x = (x * 1664525 + 1013904223) % 4294967296;
    out += alphabet[x % alphabet.length];
  }
  return out;
}
