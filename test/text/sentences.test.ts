import { describe, expect, it } from 'vitest';
import { ABBREVIATIONS, sentenceAt, splitSentences } from '../../src/text/sentences.js';

/** The sentences' texts, after checking that every span cuts exactly that text out of the input. */
function split(text: string): string[] {
  const out = splitSentences(text);
  for (const s of out) {
    expect(text.slice(s.span[0], s.span[1])).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.text.length).toBeGreaterThan(0);
  }
  for (let i = 1; i < out.length; i++) expect(out[i]!.span[0]).toBeGreaterThanOrEqual(out[i - 1]!.span[1]);
  return out.map((s) => s.text);
}

describe('splitSentences: basic ends', () => {
  it('splits at . ! ? … followed by a space and a capital', () => {
    expect(split('Hội nghị bắt đầu. Đại biểu phát biểu! Có ai hỏi không? Mọi người im lặng… Kết thúc.')).toEqual([
      'Hội nghị bắt đầu.', 'Đại biểu phát biểu!', 'Có ai hỏi không?', 'Mọi người im lặng…', 'Kết thúc.',
    ]);
  });
  it('keeps runs of end marks together', () => {
    expect(split('Thật vậy sao?! Đúng vậy... Tiếp tục.')).toEqual(['Thật vậy sao?!', 'Đúng vậy...', 'Tiếp tục.']);
  });
  it('does not split before a lowercase word', () => {
    expect(split('Tăng 5% so với năm trước. và đạt kế hoạch.')).toEqual(['Tăng 5% so với năm trước. và đạt kế hoạch.']);
  });
  it('splits before a sentence that starts with a number or a bracket', () => {
    expect(split('Năm nay có nhiều đổi mới. 30.000 người tham gia. (Ảnh minh họa) Hết.')).toEqual([
      'Năm nay có nhiều đổi mới.', '30.000 người tham gia.', '(Ảnh minh họa) Hết.',
    ]);
  });
  it('splits at every line break and drops blank lines', () => {
    expect(split('Dòng thứ nhất\n\nDòng thứ hai\n   \nDòng thứ ba')).toEqual(['Dòng thứ nhất', 'Dòng thứ hai', 'Dòng thứ ba']);
  });
  it('trims spaces while keeping offsets exact', () => {
    const text = '   Câu đầu tiên.    Câu thứ hai.   ';
    const out = splitSentences(text);
    expect(out.map((s) => s.span)).toEqual([[3, 16], [20, 32]]);
    expect(out.map((s) => s.text)).toEqual(['Câu đầu tiên.', 'Câu thứ hai.']);
  });
  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n \n')).toEqual([]);
  });
  it('returns text without an end mark as one sentence', () => {
    expect(split('Thủ tướng Chính phủ chủ trì')).toEqual(['Thủ tướng Chính phủ chủ trì']);
  });
});

describe('splitSentences: numbers and dates', () => {
  it('does not split at decimal commas or thousands dots', () => {
    expect(split('GDP tăng 8,02%, cao nhất từ năm 2011. Vốn đạt 1.234,5 tỷ đồng.')).toEqual([
      'GDP tăng 8,02%, cao nhất từ năm 2011.', 'Vốn đạt 1.234,5 tỷ đồng.',
    ]);
  });
  it('does not split inside a dd.mm.yyyy date, but does after one', () => {
    expect(split('Luật có hiệu lực từ 1.7.2025 trên cả nước. Từ ngày 15.3.2024, quy định mới áp dụng.')).toEqual([
      'Luật có hiệu lực từ 1.7.2025 trên cả nước.', 'Từ ngày 15.3.2024, quy định mới áp dụng.',
    ]);
    expect(split('Quy định áp dụng từ 1.1.2016. Sau đó sửa đổi.')).toEqual(['Quy định áp dụng từ 1.1.2016.', 'Sau đó sửa đổi.']);
  });
  it('ends a sentence after a time glued to its unit ("14h.")', () => {
    expect(split('Phiên họp bắt đầu lúc 14h. Sau đó các đại biểu thảo luận.')).toEqual([
      'Phiên họp bắt đầu lúc 14h.', 'Sau đó các đại biểu thảo luận.',
    ]);
    expect(split('Tuyến đường dài 12km. Dự án hoàn thành năm 2025.')).toEqual(['Tuyến đường dài 12km.', 'Dự án hoàn thành năm 2025.']);
  });
});

describe('splitSentences: abbreviations', () => {
  it('does not split after "TP." before a city name', () => {
    expect(split('Đoàn đã tới TP. Cần Thơ vào buổi sáng. Chiều về Hà Nội.')).toEqual([
      'Đoàn đã tới TP. Cần Thơ vào buổi sáng.', 'Chiều về Hà Nội.',
    ]);
  });
  it('keeps TP.HCM inside a sentence', () => {
    expect(split('Lãnh đạo TP.HCM và Hà Nội dự họp. Hội nghị kéo dài một ngày.')).toEqual([
      'Lãnh đạo TP.HCM và Hà Nội dự họp.', 'Hội nghị kéo dài một ngày.',
    ]);
  });
  it('ends a sentence after TP.HCM followed by a dot (the city name has no dot of its own)', () => {
    expect(split('Đoàn công tác đã đến TP.HCM. Sau đó đoàn làm việc tại Bình Dương.')).toEqual([
      'Đoàn công tác đã đến TP.HCM.', 'Sau đó đoàn làm việc tại Bình Dương.',
    ]);
  });
  it('does not split after academic titles (GS.TS., PGS.TS., Th.S., TS.)', () => {
    expect(split('GS.TS. Trần Văn Bình trình bày báo cáo. PGS.TS. Lê Thị Hoa bổ sung ý kiến. Th.S. Ngô An ghi chép. TS. Vũ Hà kết luận.')).toEqual([
      'GS.TS. Trần Văn Bình trình bày báo cáo.', 'PGS.TS. Lê Thị Hoa bổ sung ý kiến.', 'Th.S. Ngô An ghi chép.', 'TS. Vũ Hà kết luận.',
    ]);
  });
  it('does not split after a single-letter initial', () => {
    expect(split('Ông Nguyễn V. Tuấn phát biểu. Bà Hồ T. Mai đồng tình.')).toEqual(['Ông Nguyễn V. Tuấn phát biểu.', 'Bà Hồ T. Mai đồng tình.']);
  });
  it('does not split after signature prefixes (TM., KT.)', () => {
    expect(split('TM. UBND TỈNH ký ban hành. KT. Bộ trưởng, Thứ trưởng ký.')).toEqual(['TM. UBND TỈNH ký ban hành.', 'KT. Bộ trưởng, Thứ trưởng ký.']);
  });
  it('ends a sentence after UBND or TW, which are never written with a dot', () => {
    expect(split('Đoàn đã làm việc với UBND. Buổi làm việc diễn ra tốt đẹp.')).toEqual([
      'Đoàn đã làm việc với UBND.', 'Buổi làm việc diễn ra tốt đẹp.',
    ]);
    expect(split('Các tỉnh thực hiện theo chỉ đạo của TW. Kết quả được báo cáo hằng tháng.')).toEqual([
      'Các tỉnh thực hiện theo chỉ đạo của TW.', 'Kết quả được báo cáo hằng tháng.',
    ]);
  });
  it('ends a sentence after an acronym that is not a dotted abbreviation (KH&ĐT)', () => {
    expect(split('Văn bản gửi Bộ KH&ĐT. Bộ sẽ trả lời.')).toEqual(['Văn bản gửi Bộ KH&ĐT.', 'Bộ sẽ trả lời.']);
  });
  it('exports its abbreviation list in lowercase without dots at the end', () => {
    for (const a of ABBREVIATIONS) {
      expect(a).toBe(a.toLowerCase());
      expect(a.endsWith('.')).toBe(false);
    }
    expect(ABBREVIATIONS).toContain('gs.ts');
    expect(ABBREVIATIONS).not.toContain('ubnd');
  });
});

describe('splitSentences: captions and quotes', () => {
  it('keeps a photo credit line apart from the caption and the text', () => {
    expect(split('Bộ trưởng phát biểu tại buổi làm việc. Ảnh: VGP/Thanh Hà\nBuổi làm việc kết thúc lúc trưa.')).toEqual([
      'Bộ trưởng phát biểu tại buổi làm việc.', 'Ảnh: VGP/Thanh Hà', 'Buổi làm việc kết thúc lúc trưa.',
    ]);
  });
  it('does not split at the colon of "Ảnh:"', () => {
    expect(split('Ảnh: Quang Vinh')).toEqual(['Ảnh: Quang Vinh']);
    expect(split('Quang cảnh hội thảo - Ảnh: BTC')).toEqual(['Quang cảnh hội thảo - Ảnh: BTC']);
  });
  it('keeps a closing straight quote with its sentence', () => {
    expect(split('Ông nói: "Chúng ta phải làm ngay." Mọi người vỗ tay.')).toEqual(['Ông nói: "Chúng ta phải làm ngay."', 'Mọi người vỗ tay.']);
  });
  it('keeps a closing curly quote with its sentence', () => {
    expect(split('Bà nhấn mạnh: “Không để ai bị bỏ lại phía sau!” Hội trường im lặng.')).toEqual([
      'Bà nhấn mạnh: “Không để ai bị bỏ lại phía sau!”', 'Hội trường im lặng.',
    ]);
  });
  it('does not split when the quote is followed by a lowercase reporting clause', () => {
    expect(split('“Việc này rất cấp bách.” ông cho biết.')).toEqual(['“Việc này rất cấp bách.” ông cho biết.']);
  });
  it('splits before an opening quote', () => {
    expect(split('Ông kết luận. “Đây là nhiệm vụ trọng tâm,” ông nói.')).toEqual(['Ông kết luận.', '“Đây là nhiệm vụ trọng tâm,” ông nói.']);
  });
  it('keeps a closing bracket with its sentence', () => {
    expect(split('Dự án đã hoàn thành (trước thời hạn.) Ngày mai khánh thành.')).toEqual([
      'Dự án đã hoàn thành (trước thời hạn.)', 'Ngày mai khánh thành.',
    ]);
  });
});

describe('sentenceAt', () => {
  const text = 'Câu một. Câu hai dài hơn.\nCâu ba.';
  const sentences = splitSentences(text);
  it('finds the sentence holding an offset', () => {
    expect(sentenceAt(sentences, 0)?.text).toBe('Câu một.');
    expect(sentenceAt(sentences, text.indexOf('hai'))?.text).toBe('Câu hai dài hơn.');
    expect(sentenceAt(sentences, text.indexOf('ba'))?.text).toBe('Câu ba.');
    expect(sentenceAt(sentences, text.length - 1)?.text).toBe('Câu ba.');
  });
  it('treats the span end as exclusive and gaps as outside', () => {
    expect(sentenceAt(sentences, 8)).toBeUndefined(); // the space after "Câu một."
    expect(sentenceAt(sentences, text.indexOf('\n'))).toBeUndefined();
    expect(sentenceAt(sentences, text.length)).toBeUndefined();
    expect(sentenceAt(sentences, -1)).toBeUndefined();
  });
  it('returns undefined for no sentences', () => {
    expect(sentenceAt([], 0)).toBeUndefined();
  });
});
