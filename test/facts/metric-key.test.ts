import { describe, expect, it } from 'vitest';
import { metricKey, catalogEntry, unitClass } from '../../src/facts/metric-key.js';

describe('metricKey', () => {
  it('groups phrasings of one catalog metric, whatever the accents', () => {
    expect(metricKey('tăng trưởng GDP', '%')).toBe('gdp-growth|rate');
    expect(metricKey('tổng sản phẩm trong nước tăng', '%')).toBe('gdp-growth|rate');
    expect(metricKey('chỉ số giá tiêu dùng (CPI) tăng', '%')).toBe('cpi|rate');
    expect(metricKey('tong von dau tu nuoc ngoai dang ky', 'USD')).toBe('fdi-registered|usd');
    expect(metricKey('doanh nghiệp thành lập mới', 'doanh nghiệp')).toBe('new-enterprises|doanh nghiep');
  });
  it('keeps a count and a rate of the same thing apart, and respects the entry units', () => {
    expect(metricKey('doanh nghiệp thành lập mới', '%')).toBe('new-enterprises|rate');
    expect(catalogEntry('tăng trưởng GDP', 'người')).toBeNull();
  });
  it('falls back to the clause when the metric names no catalog entry', () => {
    expect(metricKey('tăng', '%', 'GDP tăng 7,72% so với cùng kỳ')).toBe('gdp-growth|rate');
  });
  it('does not take a share of GDP for GDP growth', () => {
    expect(metricKey('chi cho nghiên cứu và phát triển GDP', '%')).not.toBe('gdp-growth|rate');
  });
  it('gives unknown metrics a normalized text key', () => {
    expect(metricKey('Số hồ sơ được số hóa', 'hồ sơ')).toBe('so-ho-so-duoc-so-hoa|ho so');
    expect(unitClass('điểm phần trăm')).toBe('rate');
  });
});
