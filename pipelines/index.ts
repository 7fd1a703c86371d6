/** Every source definition, by id. Adding a site is one file here and one line below. */
import type { SourceDefinition } from './source.js';
import baochinhphu from './baochinhphu.js';
import chinhphu from './chinhphu.js';
import mpi from './mpi.js';
import mic from './mic.js';
import mst from './mst.js';
import mof from './mof.js';
import hanoi from './hanoi.js';
import vnexpress from './vnexpress.js';
import moit from './moit.js';
import enBaochinhphu from './en-baochinhphu.js';
import enMic from './en-mic.js';

export const SOURCES: readonly SourceDefinition[] = [baochinhphu, chinhphu, mpi, mic, mst, mof, hanoi, vnexpress, moit, enBaochinhphu, enMic];

export function getSource(id: string): SourceDefinition | undefined {
  return SOURCES.find((s) => s.id === id);
}

export { sourceForUrl, validateSource, type SourceDefinition } from './source.js';
