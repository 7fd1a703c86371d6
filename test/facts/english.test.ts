import { describe, expect, it } from 'vitest';
import { englishDate, englishPeriod, extractEnglishFacts, vietnameseDocNumber } from '../../src/facts/english.js';
import { extractFacts } from '../../src/facts/index.js';

const figures = (text: string, publishedOn = '2022-07-15') => extractEnglishFacts(text, { publishedOn }).claims
  .map((c) => ({ metric: c.metric, value: c.value, unit: c.unit, approx: c.approx, period: c.period, quote: text.slice(c.span[0], c.span[1]) }));

describe('English figures', () => {
  it('reads thousands commas, scale words, number words and fractions, with their qualifiers', () => {
    expect(figures('The country had more than 30,000 digital technology enterprises.')).toEqual([
      { metric: 'digital technology enterprises', value: 30000, unit: 'enterprises', approx: 'over', period: null, quote: 'more than 30,000 digital technology enterprises' }]);
    expect(figures('The app reached nearly 200 million downloads.')[0]).toMatchObject({ metric: 'downloads', value: 200e6, unit: 'downloads', approx: 'nearly', quote: 'nearly 200 million downloads' });
    expect(figures('About 1.5 million households use the service.')[0]).toMatchObject({ value: 1.5e6, unit: 'households', approx: 'about' });
    expect(figures('Two-thirds of provinces have joined.')[0]).toMatchObject({ metric: 'provinces', value: 66.67, unit: '%' });
    expect(figures('Some twelve ministries took part.')[0]).toMatchObject({ metric: 'ministries', value: 12, unit: 'ministries', approx: 'about' });
    expect(figures('At least 12,345 people attended, and up to 500 volunteers helped.').map((f) => [f.value, f.unit, f.approx]))
      .toEqual([[12345, 'people', 'at_least'], [500, 'volunteers', 'at_most']]);
  });

  it('reads currencies before and after the figure, in the units the Vietnamese claims use', () => {
    expect(figures('Exports hit US$1.5 billion, and the package of VND 150 trillion was approved; FDI reached USD 2.3 billion and revenue 40 trillion VND.')
      .map((f) => [f.metric, f.value, f.unit])).toEqual([['exports', 1.5e9, 'USD'], ['package', 150e12, 'đồng'], ['fdi', 2.3e9, 'USD'], ['revenue', 40e12, 'đồng']]);
  });

  it('reads rates, their direction and what grew, and keys a growth like the Vietnamese one', () => {
    const [gdp] = extractEnglishFacts('GDP in the second quarter of 2022 grew 7.72 percent compared with the same period last year.', { publishedOn: '2022-07-01' }).claims;
    expect(gdp).toMatchObject({ metric: 'gdp', value: 7.72, unit: '%', change: 'up', period: '2022-Q2', metricKey: 'gdp-growth|rate', comparison: 'compared with the same period last year' });
    const vi = extractFacts('Trong quý II/2022, GDP tăng 7,72% so với cùng kỳ năm trước.', { publishedOn: '2022-07-01' }).claims[0]!;
    expect(vi.metricKey).toBe(gdp!.metricKey);
  });

  it('does not take years, dates, quarters, ordinals or document numbers for figures', () => {
    expect(figures('In 2023, on August 8, in Q2, the 8th meeting discussed Decree 13/2023/ND-CP.')).toEqual([]);
  });
});

describe('English periods and dates', () => {
  it('reads the periods the press writes', () => {
    const p = (s: string) => englishPeriod(s, '2022-08-08');
    expect([p('in the first six months of 2022'), p('in the first half of 2021'), p('in Q2'), p('in the third quarter of 2022'), p('Q4/2023'),
      p('in June 2022'), p('in 2023'), p('this year'), p('the first nine months of 2022'), p('no period here')])
      .toEqual(['2022-H1', '2021-H1', '2022-Q2', '2022-Q3', '2023-Q4', '2022-06', '2023', '2022', '2022-01/2022-09', null]);
  });

  it('reads dates written month first or day first, and "on August 8" in the article\'s year', () => {
    expect(englishDate('dated April 17, 2023', null)?.value).toBe('2023-04-17');
    expect(englishDate('signed 17 April 2023', null)?.value).toBe('2023-04-17');
    expect(englishDate('met on August 8 in Hanoi', '2022-08-10')?.value).toBe('2022-08-08');
  });
});

describe('English legal documents', () => {
  it('resolves ASCII issuer codes to their Vietnamese spelling, with the type, date, issuer and subject', () => {
    expect(vietnameseDocNumber('13/2023/ND-CP')).toBe('13/2023/NĐ-CP');
    expect(vietnameseDocNumber('749/QD-TTg')).toBe('749/QĐ-TTg');
    const { legalRefs } = extractEnglishFacts('The Government issued Decree No. 13/2023/ND-CP dated April 17, 2023 on personal data protection. Decree 13/2023/ND-CP takes effect in July. Decision 749/QD-TTg approved the programme.');
    expect(legalRefs.map((r) => ({ type: r.type, number: r.number, issuedOn: r.issuedOn, issuer: r.issuer, subject: r.subject, mentions: r.mentions.length }))).toEqual([
      { type: 'Nghị định', number: '13/2023/NĐ-CP', issuedOn: '2023-04-17', issuer: 'Chính phủ', subject: 'personal data protection', mentions: 2 },
      { type: 'Quyết định', number: '749/QĐ-TTg', issuedOn: null, issuer: 'Thủ tướng Chính phủ', subject: null, mentions: 1 },
    ]);
  });
});

describe('English officials and meetings', () => {
  const text = 'Prime Minister Pham Minh Chinh on August 8 chaired the eighth meeting of the National Committee on Digital Transformation, held online with 63 provinces. '
    + 'Also attending were Deputy Prime Minister Vu Duc Dam and Nguyen Manh Hung, Minister of Information and Communications. Pham Minh Chinh asked ministries to act. '
    + 'Le Van Tam did not speak.';
  const facts = extractEnglishFacts(text, { publishedOn: '2022-08-08T10:00:00+07:00' });

  it('finds officials by a title before or after the name, and every mention; a name without a title is no official', () => {
    expect(facts.officials.map((o) => [o.name, o.titles, o.mentions.length, o.key])).toEqual([
      ['Pham Minh Chinh', ['Prime Minister'], 2, 'pham minh chinh'],
      ['Vu Duc Dam', ['Deputy Prime Minister'], 1, 'vu duc dam'],
      ['Nguyen Manh Hung', ['Minister of Information and Communications'], 1, 'nguyen manh hung'],
    ]);
    for (const o of facts.officials) for (const [a, b] of o.mentions) expect(text.slice(a, b)).toBe(o.name);
  });

  it('finds the meeting with its ordinal, body, chair, mode and date', () => {
    expect(facts.meetings.map(({ span, ...m }) => ({ ...m, quote: text.slice(span[0], span[1]) }))).toEqual([{
      kind: 'meeting', ordinal: 8, body: 'National Committee on Digital Transformation', date: '2022-08-08', chair: 'Pham Minh Chinh', mode: 'online',
      location: null, purpose: null, participants: [], quote: 'the eighth meeting of the National Committee on Digital Transformation',
    }]);
  });
});

describe('extractFacts', () => {
  it('sends English text to the English extractors, by the language given or detected', () => {
    const en = 'The Government issued Decree 13/2023/ND-CP on personal data protection, and exports reached US$1.5 billion in the first half of 2023.';
    expect(extractFacts(en).legalRefs[0]!.number).toBe('13/2023/NĐ-CP');
    expect(extractFacts(en, { lang: 'en' }).claims[0]).toMatchObject({ metric: 'exports', unit: 'USD', period: '2023-H1' });
  });
});
