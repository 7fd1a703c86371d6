/** `vnpress sources`: the source definitions. */
import { SOURCES } from '../../pipelines/index.js';
import { writeRows } from './output.js';

export function runSources(opts: { json?: boolean }): void {
  const rows = SOURCES.map((s) => ({ id: s.id, name: s.name, hosts: s.hosts.join(', '), lang: s.lang, listings: s.listings.length, until: s.until ?? null }));
  writeRows(opts.json ? SOURCES as unknown as Record<string, unknown>[] : rows, opts.json ? 'json' : 'table');
}
