import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/text/lang.js';

describe('detectLang', () => {
  it('recognizes a Vietnamese paragraph', () => {
    expect(detectLang('Chiều nay, Bộ trưởng đã chủ trì cuộc họp với các doanh nghiệp về kế hoạch sản xuất của năm tới.')).toBe('vi');
  });
  it('recognizes a Vietnamese headline without function words', () => {
    expect(detectLang('Thủ tướng chủ trì hội nghị trực tuyến toàn quốc về chuyển đổi số')).toBe('vi');
  });
  it('recognizes an English paragraph', () => {
    expect(detectLang('The ministry said that the new rules for public investment will take effect from next month.')).toBe('en');
  });
  it('recognizes short English text that names Vietnamese people and places with their marks', () => {
    expect(detectLang('Prime Minister Phạm Minh Chính met with the delegation in Hà Nội on Monday.')).toBe('en');
    expect(detectLang('The Deputy Minister of Finance visited Đà Nẵng and Huế for the conference.')).toBe('en');
  });
  it('recognizes Vietnamese written without marks by its function words', () => {
    // No marked letters, but the mark-free syllables "cho", "theo" are Vietnamese function words.
    expect(detectLang('Theo ke hoach, cho den cuoi thang, theo bao cao cho thay tang truong cho nganh')).toBe('vi');
  });
  it('returns null for text too short to judge', () => {
    expect(detectLang('Hội nghị')).toBeNull();
    expect(detectLang('')).toBeNull();
    expect(detectLang('123 456 789 000 -- 2022/2023 !!!')).toBeNull();
  });
  it('returns null when there is no evidence either way', () => {
    expect(detectLang('Lorem ipsum dolor sit amet consectetur adipiscing elit sed')).toBeNull();
  });
  it('still calls a Vietnamese text with some English words Vietnamese', () => {
    expect(detectLang('Hội nghị được tổ chức theo hình thức trực tuyến và có sự tham gia của các đối tác từ Digital Transformation Forum.')).toBe('vi');
  });
  it('only looks at the first 5000 characters', () => {
    const en = 'The government said that the plan is on track. '.repeat(120); // > 5000 characters
    const vi = 'Thủ tướng yêu cầu các bộ, ngành và địa phương tập trung thực hiện. '.repeat(200);
    expect(detectLang(en + vi)).toBe('en');
    expect(detectLang(vi + en)).toBe('vi');
  });
});

describe('detectLang stops early only on a clear lead', () => {
  it('gives the same answer as the whole sample on long single-language texts', () => {
    const vi = 'Thủ tướng yêu cầu các bộ, ngành và địa phương tập trung thực hiện các nhiệm vụ của năm. '.repeat(60);
    const en = 'The Prime Minister asked the ministries and the provinces to focus on the tasks of the year. '.repeat(60);
    expect(detectLang(vi)).toBe('vi');
    expect(detectLang(en)).toBe('en');
  });
  it('an English text quoting Vietnamese names throughout stays English', () => {
    const en = 'Prime Minister Phạm Minh Chính said that the Government of Việt Nam and the people of Hà Nội are ready for the plan. '.repeat(40);
    expect(detectLang(en)).toBe('en');
  });
});
