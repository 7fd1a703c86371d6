/**
 * Adversarial and random input: long runs of digits, dots, slashes, dashes and capitals, and random soup of
 * the characters the patterns care about. Every extractor must finish on 100 KB of it. Catastrophic
 * backtracking (exponential, or quadratic on such input) would not finish within the test's time limit; no
 * timing is asserted beyond that limit, and the scaling ratios are reported by scripts/fuzz-facts.ts.
 */
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import { articleFromText } from '../../src/article/text-input.js';
import { ADVERSARIAL, randomSoup } from '../../scripts/fuzz-inputs.js';

const SIZE = 100_000;

describe('fact extractors on adversarial input', () => {
  it.each(Object.keys(ADVERSARIAL))('%s', (name) => {
    const text = ADVERSARIAL[name]!(SIZE);
    expect(text.length).toBeGreaterThanOrEqual(SIZE);
    const facts = extractFacts(text, { publishedOn: '2024-01-01' });
    for (const kind of ['legalRefs', 'officials', 'meetings', 'claims'] as const) {
      expect(Array.isArray(facts[kind])).toBe(true);
      for (const f of facts[kind]) expect(f.span[1]).toBeLessThanOrEqual(text.length);
    }
  }, 20_000);

  it('random soup of digits, separators, capitals and Vietnamese letters', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const text = randomSoup(SIZE / 5, seed);
      const facts = extractFacts(text, { publishedOn: '2024-01-01' });
      expect(Array.isArray(facts.claims)).toBe(true);
      // The article reader takes the same input without failing.
      expect(articleFromText(text).text.length).toBeGreaterThan(0);
    }
  }, 20_000);
});
