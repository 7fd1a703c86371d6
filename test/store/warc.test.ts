/**
 * The WARC writer, checked on real files by an independent reader (warcio, Webrecorder's JS library, which
 * pywb's JS counterparts use) and by a minimal reader written here against WARC/1.1: record framing, digests
 * recomputed from the bytes, one gzip member per record, and flat memory over a large export.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import v8 from 'node:v8';
import vm from 'node:vm';
import { CDXIndexer, WARCParser } from 'warcio';
import { WarcWriter, base32, warcFileName, type WarcPage, type WarcRecordRef } from '../../src/store/warc.js';
import { InputError, VnpressError } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

const dir = tempDir('vnpress-warc-');
afterAll(() => dir.cleanup());

const INFO = {
  software: 'vnpress-test/1.0',
  operator: 'Nhóm dữ liệu <data@example.org>',
  // A line break in a value must not end the field (or forge a record).
  description: 'export thử nghiệm\r\nWARC/1.1\r\nWARC-Type: response',
};

const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thủ tướng chủ trì phiên họp Chính phủ</title></head>
<body><h1>Thủ tướng Phạm Minh Chính chủ trì phiên họp Chính phủ thường kỳ tháng 11</h1>
<p>Chiều 22/11, tại Trụ sở Chính phủ, Thủ tướng đã chủ trì phiên họp; Nghị định số 15/2025/NĐ-CP được thông qua.</p></body></html>`;
const htmlBytes = Buffer.from(html, 'utf8');

const PAGES: WarcPage[] = [
  {
    url: 'https://baochinhphu.vn/thu-tuong-chu-tri-phien-hop-chinh-phu-102241122.htm',
    fetchedAt: '2026-11-22T18:30:00.123Z',
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': 'gzip',
      'content-length': String(gzipSync(htmlBytes).length),
      'vary': 'Accept-Encoding',
      'set-cookie': 'a=1; Path=/\nb=2; Path=/',
      'x-evil': 'ok\r\nX-Injected: 1',
    },
    body: htmlBytes,
    ip: '192.0.2.10',
  },
  {
    url: 'https://chinhphu.vn/khong-co-trang-nay',
    fetchedAt: '2026-11-22T10:00:05+07:00',
    status: 404,
    headers: { 'content-type': 'text/html', 'transfer-encoding': 'chunked', ':status': '404' },
    body: Buffer.alloc(0),
    ip: '2001:db8::1',
  },
  {
    url: 'https://chinhphu.vn/tin-tức/nghị định 15?q=hà nội&x=Đ#phần',
    fetchedAt: '2026-11-22T18:31:00Z',
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: Buffer.from('Nghị định 15/2025/NĐ-CP\n', 'utf8'),
    ip: 'not-an-ip',
  },
];
const EXPECTED_URIS = [
  'https://baochinhphu.vn/thu-tuong-chu-tri-phien-hop-chinh-phu-102241122.htm',
  'https://chinhphu.vn/khong-co-trang-nay',
  // UTF-8 percent-encoded, fragment dropped (it is never requested).
  'https://chinhphu.vn/tin-t%E1%BB%A9c/ngh%E1%BB%8B%20%C4%91%E1%BB%8Bnh%2015?q=h%C3%A0%20n%E1%BB%99i&x=%C4%90',
];

/** RFC 4648 base32 written differently from the writer's (via a bit string), so that the two check each other. */
function base32Reference(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}
const sha1b32 = (bytes: Uint8Array) => `sha1:${base32Reference(createHash('sha1').update(bytes).digest())}`;

interface RawRecord {
  fields: Map<string, string>;
  block: Buffer;
}

/** Minimal WARC reader for one uncompressed record, per the spec's grammar: header CRLF CRLF, block, CRLF CRLF. */
function parseRecord(bytes: Buffer): RawRecord {
  const headerEnd = bytes.indexOf('\r\n\r\n');
  expect(headerEnd).toBeGreaterThan(0);
  const [version, ...lines] = bytes.subarray(0, headerEnd).toString('utf8').split('\r\n');
  expect(version).toBe('WARC/1.1');
  const fields = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    expect(colon).toBeGreaterThan(0);
    const name = line.slice(0, colon).toLowerCase();
    expect(fields.has(name)).toBe(false);
    fields.set(name, line.slice(colon + 1).trim());
  }
  const length = Number(fields.get('content-length'));
  const blockStart = headerEnd + 4;
  // Exactly one record, ending with the two CRLFs the spec puts after the block.
  expect(bytes.length).toBe(blockStart + length + 4);
  expect(bytes.subarray(blockStart + length).toString('latin1')).toBe('\r\n\r\n');
  return { fields, block: bytes.subarray(blockStart, blockStart + length) };
}

/** Every warcio record of a file, read fully, with the offset and length warcio's CDX indexer gives it. */
async function readWithWarcio(path: string) {
  const records = [];
  for await (const record of new WARCParser(createReadStream(path))) {
    const payload = Buffer.from(await record.readFully(false));
    records.push({
      type: record.warcType,
      id: record.warcHeaders.headers.get('WARC-Record-ID'),
      targetUri: record.warcTargetURI,
      date: record.warcDate,
      warcinfoId: record.warcHeaders.headers.get('WARC-Warcinfo-ID'),
      ip: record.warcHeaders.headers.get('WARC-IP-Address'),
      status: record.httpHeaders?.statusCode,
      httpHeaders: record.httpHeaders?.headers,
      payload,
    });
  }
  const index: { offset: number; length: number; url?: string; status?: string; digest?: string; mime?: string }[] = [];
  for await (const line of new CDXIndexer({ all: true }).iterIndex([{ filename: 'x.warc.gz', reader: createReadStream(path) }])) {
    index.push(line as (typeof index)[number]);
  }
  return { records, index };
}

async function writeFile(path: string, pages: Iterable<WarcPage>, info = INFO): Promise<{ refs: WarcRecordRef[]; writer: WarcWriter }> {
  const out = createWriteStream(path);
  const writer = new WarcWriter(out, info, path.split('/').pop()!);
  const refs: WarcRecordRef[] = [];
  for (const page of pages) refs.push(await writer.write(page));
  await writer.end();
  return { refs, writer };
}

describe('WarcWriter', () => {
  const name = warcFileName('vnpress', new Date(Date.UTC(2026, 10, 22, 18, 30, 0)), 0);
  const path = join(dir.path, name);
  let written: { refs: WarcRecordRef[]; writer: WarcWriter };

  it('writes a warcinfo record and one response per page, which warcio reads back byte-exact', async () => {
    written = await writeFile(path, PAGES);
    const { records } = await readWithWarcio(path);

    expect(records.map((r) => r.type)).toEqual(['warcinfo', 'response', 'response', 'response']);
    const [info, ...responses] = records;
    expect(info!.targetUri).toBeNull();
    expect(responses.map((r) => r.targetUri)).toEqual(EXPECTED_URIS);
    for (const uri of responses.map((r) => r.targetUri)) expect(uri).toMatch(/^[\x21-\x7e]+$/);
    expect(responses.map((r) => r.date)).toEqual(['2026-11-22T18:30:00Z', '2026-11-22T03:00:05Z', '2026-11-22T18:31:00Z']);
    expect(responses.map((r) => r.status)).toEqual([200, 404, 200]);
    expect(responses.map((r) => r.ip)).toEqual(['192.0.2.10', '2001:db8::1', null]);

    // Payloads byte-exact, and the IDs link every response to this file's warcinfo record.
    responses.forEach((r, i) => expect(r.payload.equals(Buffer.from(PAGES[i]!.body))).toBe(true));
    expect(info!.id).toBe(written.writer.warcinfoId);
    expect(info!.id).toMatch(/^<urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}>$/);
    for (const r of responses) expect(r.warcinfoId).toBe(info!.id);
    expect(new Set(records.map((r) => r.id)).size).toBe(4);
    expect(written.refs.map((r) => r.recordId)).toEqual(responses.map((r) => r.id));
  });

  it('writes HTTP headers that describe the decoded body, keeping the originals', async () => {
    const { records } = await readWithWarcio(path);
    const page = records[1]!.httpHeaders!;
    expect(page.get('content-encoding')).toBeNull();
    expect(page.get('x-orig-content-encoding')).toBe('gzip');
    expect(page.get('content-length')).toBe(String(htmlBytes.length));
    expect(page.get('x-orig-content-length')).toBe(PAGES[0]!.headers['content-length']);
    expect(page.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.get('vary')).toBe('Accept-Encoding');

    const notFound = records[2]!.httpHeaders!;
    expect(notFound.get('transfer-encoding')).toBeNull();
    expect(notFound.get('x-orig-transfer-encoding')).toBe('chunked');
    expect(notFound.get('content-length')).toBe('0');

    // Because nothing claims gzip any more, a reader that decodes content gets the Vietnamese text as it is.
    for await (const record of new WARCParser(createReadStream(path))) {
      if (record.warcTargetURI === EXPECTED_URIS[0]) expect(await record.contentText()).toBe(html);
    }
  });

  it('frames every record per WARC/1.1, with block and payload digests that match the bytes', async () => {
    const file = readFileSync(path);
    const { index } = await readWithWarcio(path);
    // warcio's index and the writer agree on where each record is, and the records tile the whole file.
    const members = index.map(({ offset, length }) => ({ offset: Number(offset), length: Number(length) }));
    expect(members.slice(1)).toEqual(written.refs.map(({ offset, length }) => ({ offset, length })));
    expect(members[0]!.offset).toBe(0);
    for (let i = 1; i < members.length; i++) expect(members[i]!.offset).toBe(members[i - 1]!.offset + members[i - 1]!.length);
    expect(members.at(-1)!.offset + members.at(-1)!.length).toBe(file.length);
    expect(written.writer.bytesWritten).toBe(file.length);
    expect(written.writer.recordCount).toBe(4);

    // Each slice is a gzip member of its own that holds exactly one whole record.
    const parsed = members.map(({ offset, length }) => {
      const slice = file.subarray(offset, offset + length);
      expect([slice[0], slice[1]]).toEqual([0x1f, 0x8b]);
      return parseRecord(gunzipSync(slice));
    });

    const [info, ...responses] = parsed;
    expect(info!.fields.get('warc-type')).toBe('warcinfo');
    expect(info!.fields.get('content-type')).toBe('application/warc-fields');
    expect(info!.fields.get('warc-filename')).toBe(name);
    expect(info!.fields.get('warc-block-digest')).toBe(sha1b32(info!.block));
    const infoText = info!.block.toString('utf8');
    expect(infoText).toContain('software: vnpress-test/1.0\r\n');
    expect(infoText).toContain('format: WARC File Format 1.1\r\n');
    expect(infoText).toContain('operator: Nhóm dữ liệu <data@example.org>\r\n');
    expect(infoText).toContain('description: export thử nghiệm WARC/1.1 WARC-Type: response\r\n');
    expect(infoText.split('\r\n').filter(Boolean).every((line) => /^[A-Za-z-]+: /.test(line))).toBe(true);

    responses.forEach(({ fields, block }, i) => {
      expect(fields.get('warc-type')).toBe('response');
      expect(fields.get('content-type')).toBe('application/http;msgtype=response');
      expect(fields.get('warc-target-uri')).toBe(EXPECTED_URIS[i]);
      expect(fields.get('warc-date')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(fields.get('warc-block-digest')).toBe(sha1b32(block));
      const head = block.indexOf('\r\n\r\n');
      const payload = block.subarray(head + 4);
      expect(payload.equals(Buffer.from(PAGES[i]!.body))).toBe(true);
      expect(fields.get('warc-payload-digest')).toBe(sha1b32(payload));
      expect(fields.get('warc-payload-digest')).toMatch(/^sha1:[A-Z2-7]{32}$/);
      // The HTTP message: status line, one header per line (none injected), blank line.
      const headLines = block.subarray(0, head).toString('latin1').split('\r\n');
      expect(headLines[0]).toBe(i === 1 ? 'HTTP/1.1 404 Not Found' : 'HTTP/1.1 200 OK');
      for (const line of headLines.slice(1)) expect(line).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+: /);
      if (i === 0) {
        expect(headLines).toContain('set-cookie: a=1; Path=/');
        expect(headLines).toContain('set-cookie: b=2; Path=/');
        expect(headLines.some((l) => /^x-injected/i.test(l))).toBe(false);
      }
    });
    // The empty 404 body has the SHA-1 of nothing.
    expect(responses[1]!.fields.get('warc-payload-digest')).toBe('sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ');
    // The CDX digest warcio indexes is the payload digest written.
    expect(index.slice(1).map((l) => l.digest)).toEqual(responses.map((r) => r.fields.get('warc-payload-digest')!.replace(/^sha1:/, '')));
  });

  it('rejects a page it cannot write without spoiling the file', async () => {
    const file = join(dir.path, 'bad.warc.gz');
    const out = createWriteStream(file);
    const writer = new WarcWriter(out, INFO, 'bad.warc.gz');
    const good = PAGES[2]!;
    await expect(writer.write({ ...good, url: 'not a url' })).rejects.toThrow(VnpressError);
    await expect(writer.write({ ...good, fetchedAt: 'yesterday' })).rejects.toThrow(/not a date/);
    await expect(writer.write({ ...good, status: 42 })).rejects.toThrow(/not a status code/);
    await writer.write(good);
    await writer.end();
    await expect(writer.write(good)).rejects.toThrow(/after end/);
    const { records } = await readWithWarcio(file);
    expect(records.map((r) => r.type)).toEqual(['warcinfo', 'response']);
  });

  it('writes a valid WARC of the warcinfo record alone when there is nothing to export', async () => {
    const file = join(dir.path, 'empty.warc.gz');
    await writeFile(file, []);
    const { records } = await readWithWarcio(file);
    expect(records.map((r) => r.type)).toEqual(['warcinfo']);
  });

  it('reports an output error from write and end instead of crashing or hanging', async () => {
    const failing = new Writable({
      write(_chunk, _enc, callback) {
        callback(new Error('disk full'));
      },
    });
    const writer = new WarcWriter(failing, INFO, 'x.warc.gz');
    await expect(writer.write(PAGES[0]!)).rejects.toThrow(/disk full/);
    await expect(writer.write(PAGES[1]!)).rejects.toThrow(/disk full/);
    await expect(writer.end()).rejects.toThrow(/disk full/);
  });

  it('waits for a slow output to drain instead of queueing records in memory', async () => {
    const highWaterMark = 1024;
    const chunks: Buffer[] = [];
    let maxQueued = 0;
    const slow = new Writable({
      highWaterMark,
      write(chunk: Buffer, _enc, callback) {
        chunks.push(chunk);
        // Slower than compressing a record, so a writer that ignored backpressure would pile records up here.
        setTimeout(callback, 5);
      },
    });
    const write = slow.write.bind(slow);
    slow.write = ((...args: Parameters<typeof slow.write>) => {
      const ok = write(...args);
      maxQueued = Math.max(maxQueued, slow.writableLength);
      return ok;
    }) as typeof slow.write;
    const writer = new WarcWriter(slow, INFO, 'slow.warc.gz');
    let biggest = 0;
    for (let i = 0; i < 100; i++) {
      const ref = await writer.write(page(i));
      biggest = Math.max(biggest, ref.length);
    }
    await writer.end();
    // Never more than what was queued before the stream said it was full, plus one record.
    expect(maxQueued).toBeLessThanOrEqual(highWaterMark + biggest);
    let count = 0;
    for await (const record of new WARCParser([Buffer.concat(chunks)])) {
      await record.readFully();
      count++;
    }
    expect(count).toBe(101);
  });

  it('writes 20,000 pages in flat memory', { timeout: 180_000 }, async () => {
    const gc = exposeGc();
    const file = join(dir.path, 'big.warc.gz');
    const out = createWriteStream(file);
    const writer = new WarcWriter(out, INFO, 'big.warc.gz');
    // Heap and Buffer memory both: a writer that kept records would keep their bytes outside the JS heap.
    const used = () => {
      gc!();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    let baseline = 0;
    for (let i = 0; i < 20_000; i++) {
      if (i === 1_000 && gc) baseline = used();
      await writer.write(page(i));
    }
    if (gc) {
      const growth = used() - baseline;
      // 19,000 pages of ~1.5 KB each: keeping them would add ~30 MB.
      expect(growth).toBeLessThan(8 * 1024 * 1024);
    }
    await writer.end();
    expect(writer.recordCount).toBe(20_001);
    expect(statSync(file).size).toBe(writer.bytesWritten);

    let count = 0;
    let responses = 0;
    for await (const record of new WARCParser(createReadStream(file))) {
      await record.skipFully();
      count++;
      if (record.warcType === 'response') responses++;
    }
    expect(count).toBe(20_001);
    expect(responses).toBe(20_000);
  });
});

describe('warcFileName', () => {
  it('names files Prefix-Timestamp-Serial.warc.gz with the UTC start time', () => {
    const date = new Date(Date.UTC(2026, 10, 22, 18, 30, 0));
    expect(warcFileName('vnpress', date, 0)).toBe('vnpress-20261122183000-00000.warc.gz');
    expect(warcFileName('vnpress', new Date('2026-11-23T01:30:00+07:00'), 42)).toBe('vnpress-20261122183000-00042.warc.gz');
    expect(warcFileName('vnpress.gov', date, 123_456)).toBe('vnpress.gov-20261122183000-123456.warc.gz');
  });

  it('refuses a prefix or serial that cannot name a file', () => {
    const date = new Date();
    expect(() => warcFileName('../x', date, 0)).toThrow(InputError);
    expect(() => warcFileName('a b', date, 0)).toThrow(InputError);
    expect(() => warcFileName('vnpress', date, -1)).toThrow(InputError);
    expect(() => warcFileName('vnpress', new Date('nope'), 0)).toThrow(InputError);
  });
});

describe('base32', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''], ['f', 'MY======'], ['fo', 'MZXQ===='], ['foo', 'MZXW6==='],
      ['foob', 'MZXW6YQ='], ['fooba', 'MZXW6YTB'], ['foobar', 'MZXW6YTBOI======'],
    ];
    for (const [input, output] of vectors) expect(base32(Buffer.from(input))).toBe(output);
  });
});

/** A small distinct page: distinct bodies so that nothing can be shared between records. */
function page(i: number): WarcPage {
  const body = Buffer.from(`<html><body><p>Tin số ${i}</p>${'<p>Nội dung thông cáo báo chí. </p>'.repeat(40)}${i}</body></html>`, 'utf8');
  return {
    url: `https://chinhphu.vn/tin-${i}.htm`,
    fetchedAt: new Date(Date.UTC(2026, 10, 22) + i * 1000).toISOString(),
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' },
    body,
    ip: '192.0.2.10',
  };
}

/**
 * A way to force garbage collection inside the test worker, which is not started with --expose-gc: the flag set
 * at run time makes `gc` available in a new context. Undefined when that does not work, and then the memory
 * check is skipped and only completion and the record count are asserted.
 */
function exposeGc(): (() => void) | undefined {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (typeof existing === 'function') return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
