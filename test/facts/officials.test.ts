import { describe, expect, it } from 'vitest';
import { extractOfficials } from '../../src/facts/officials.js';

const people = (text: string) => extractOfficials(text).map((o) => [o.name, o.titles]);

describe('extractOfficials', () => {
  it('reads titles stacked in every order', () => {
    expect(people('Thủ tướng Chính phủ Phạm Minh Chính phát biểu.')).toEqual([['Phạm Minh Chính', ['Thủ tướng Chính phủ']]]);
    expect(people('Bộ trưởng Bộ Công an, Đại tướng Tô Lâm dự.')).toEqual([['Tô Lâm', ['Bộ trưởng Bộ Công an', 'Đại tướng']]]);
    expect(people('Đại tướng, Bộ trưởng Quốc phòng Phan Văn Giang dự.')).toEqual([['Phan Văn Giang', ['Đại tướng', 'Bộ trưởng Bộ Quốc phòng']]]);
    expect(people('Bộ trưởng - Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn cho biết')).toEqual([['Trần Văn Sơn', ['Bộ trưởng - Chủ nhiệm Văn phòng Chính phủ']]]);
    expect(people('Bộ trưởng, Chủ nhiệm VPCP Mai Tiến Dũng chủ trì')).toEqual([['Mai Tiến Dũng', ['Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ']]]);
  });

  it('adds titles given after the name, and stops at the next person', () => {
    expect(people('Thủ tướng Chính phủ Phạm Minh Chính, Chủ tịch Ủy ban Quốc gia về chuyển đổi số đã chủ trì phiên họp.'))
      .toEqual([['Phạm Minh Chính', ['Thủ tướng Chính phủ', 'Chủ tịch Ủy ban Quốc gia về chuyển đổi số']]]);
    expect(people('Cùng dự có Phó Thủ tướng Vũ Đức Đam; Thứ trưởng Bộ Thông tin và Truyền thông Nguyễn Huy Dũng.')).toEqual([
      ['Vũ Đức Đam', ['Phó Thủ tướng']], ['Nguyễn Huy Dũng', ['Thứ trưởng Bộ Thông tin và Truyền thông']],
    ]);
    expect(people('các Ủy viên Bộ Chính trị: Nguyễn Hòa Bình, Phó Thủ tướng Thường trực Chính phủ; Lê Minh Hưng, Trưởng Ban Tổ chức Trung ương.'))
      .toEqual([['Nguyễn Hòa Bình', ['Phó Thủ tướng Thường trực Chính phủ']], ['Lê Minh Hưng', ['Trưởng Ban Tổ chức Trung ương']]]);
  });

  it('merges mentions of one person, whatever the tone placement', () => {
    const o = extractOfficials('Phó Thủ tướng Nguyễn Hòa Bình chủ trì. Sau đó, Phó Thủ tướng Nguyễn Hoà Bình phát biểu.');
    expect(o).toHaveLength(1);
    expect(o[0]!.mentions).toHaveLength(2);
  });

  it('a place before a title is not a person', () => {
    expect(people('Sáng 4/1, tại Hà Nội, Bộ trưởng Bộ Tài chính Hồ Đức Phớc chủ trì.')).toEqual([['Hồ Đức Phớc', ['Bộ trưởng Bộ Tài chính']]]);
  });

  it('names without a post are not officials', () => {
    expect(people('Ảnh: Minh Hậu. Chị Nguyễn Thị Hạnh cho biết, bà Lê Thị Mai đồng ý.')).toEqual([]);
  });
});
