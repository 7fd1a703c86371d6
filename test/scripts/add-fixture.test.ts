import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addFixture, slugOf } from '../../scripts/add-fixture.js';
import { tempDir } from '../helpers.js';

describe('add-fixture', () => {
  it('names the case from the URL', () => {
    expect(slugOf('https://baochinhphu.vn/gdp-quy-ii-2022-tang-772-102220629112046215.htm')).toBe('gdp-quy-ii-2022-tang-772');
    expect(slugOf('https://mic.gov.vn/tin-tuc/chuyen-doi-so-197160.htm')).toBe('chuyen-doi-so');
  });
  it('writes the page and an expected.json filled from the extraction, and never overwrites a case', () => {
    const dir = tempDir();
    try {
      const page = join(dir.path, 'saved.html');
      writeFileSync(page, `<html><head><title>Hội nghị</title></head><body><article><h1>Thủ tướng chủ trì hội nghị về nhà ở xã hội</h1>
        <p>Sáng 17/6/2023, Thủ tướng Chính phủ Phạm Minh Chính chủ trì hội nghị trực tuyến toàn quốc về tháo gỡ khó khăn cho nhà ở xã hội.</p>
        <p>Theo Bộ Xây dựng, cả nước đã hoàn thành 301 dự án nhà ở xã hội với quy mô khoảng 155.000 căn hộ cho người thu nhập thấp.</p>
        <p>Gói tín dụng 120.000 tỷ đồng được triển khai qua bốn ngân hàng thương mại nhà nước với lãi suất thấp hơn thị trường.</p></article></body></html>`);
      const folder = addFixture(page, 'https://tintuc.example/thu-tuong-chu-tri-hoi-nghi-20230617.htm', { category: 'thoi-su', dir: dir.path });
      expect(folder).toBe(join(dir.path, 'tintuc.example', 'thu-tuong-chu-tri-hoi-nghi'));
      expect(readFileSync(join(folder, 'page.html'), 'utf8')).toBe(readFileSync(page, 'utf8'));
      const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));
      expect(expected).toMatchObject({ url: 'https://tintuc.example/thu-tuong-chu-tri-hoi-nghi-20230617.htm', category: 'thoi-su', mustNotContain: [] });
      expect(expected.mustContain).toHaveLength(3);
      expect(expected.facts.officials).toEqual([{ name: 'Phạm Minh Chính', titles: ['Thủ tướng Chính phủ'] }]);
      expect(expected.facts.claims.map((c: { value: number }) => c.value)).toEqual([301, 155000, 120000e9]);
      expect(() => addFixture(page, 'https://tintuc.example/thu-tuong-chu-tri-hoi-nghi-20230617.htm', { dir: dir.path })).toThrow(/already holds a case/);
      expect(existsSync(join(folder, 'expected.json'))).toBe(true);
    } finally {
      dir.cleanup();
    }
  });
});
