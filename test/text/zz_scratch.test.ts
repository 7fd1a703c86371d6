import { it } from 'vitest';
import { normalizeText } from '../../src/text/normalize.js';
it('x', () => {
  const r = normalizeText('Vie\u00AD\u0323\u0302t Nam');
  console.log(JSON.stringify(r), r === r.normalize('NFC'), r.length);
});
