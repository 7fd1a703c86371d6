/**
 * Scaling of the fact extractors on adversarial input: the time for 2n characters over the time for n.
 * About 2 is linear; 4 would be quadratic. `npm run fuzz:facts`
 */
import { performance } from 'node:perf_hooks';
import { extractFacts } from '../src/facts/index.js';
import { ADVERSARIAL, randomSoup } from './fuzz-inputs.js';

const time = (text: string) => {
  const t = performance.now();
  extractFacts(text, { publishedOn: '2024-01-01' });
  return performance.now() - t;
};

const inputs: [string, (n: number) => string][] = [...Object.entries(ADVERSARIAL), ['random soup', (n) => randomSoup(n, 7)]];
console.log('input'.padEnd(34), '50 KB ms', '100 KB ms', '200 KB ms', ' ratio 200/100');
for (const [name, make] of inputs) {
  const [a, b, c] = [50_000, 100_000, 200_000].map((n) => time(make(n)));
  console.log(name.padEnd(34), a!.toFixed(1).padStart(8), b!.toFixed(1).padStart(9), c!.toFixed(1).padStart(9), (c! / b!).toFixed(2).padStart(14));
}
