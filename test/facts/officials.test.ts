import { describe, expect, it } from 'vitest';
import { extractOfficials, splitTitle } from '../../src/facts/officials.js';

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
    // A list after a colon: every item is one of "các Ủy viên Bộ Chính trị", with its own post after it.
    expect(people('các Ủy viên Bộ Chính trị: Nguyễn Hòa Bình, Phó Thủ tướng Thường trực Chính phủ; Lê Minh Hưng, Trưởng Ban Tổ chức Trung ương.'))
      .toEqual([
        ['Nguyễn Hòa Bình', ['Ủy viên Bộ Chính trị', 'Phó Thủ tướng Thường trực Chính phủ']],
        ['Lê Minh Hưng', ['Ủy viên Bộ Chính trị', 'Trưởng Ban Tổ chức Trung ương']],
      ]);
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

  it('reads an enumeration under one title, and a colon before the names', () => {
    expect(people('Cùng dự có các Phó Tổng cục trưởng Đỗ Văn An, Trần Thị Bình, Lê Văn Cường; đại diện các vụ.')).toEqual([
      ['Đỗ Văn An', ['Phó Tổng cục trưởng']], ['Trần Thị Bình', ['Phó Tổng cục trưởng']], ['Lê Văn Cường', ['Phó Tổng cục trưởng']],
    ]);
    expect(people('Tham dự có các Thứ trưởng Bộ Tài chính: Nguyễn Văn Dũng, Phạm Thị Hoa.')).toEqual([
      ['Nguyễn Văn Dũng', ['Thứ trưởng Bộ Tài chính']], ['Phạm Thị Hoa', ['Thứ trưởng Bộ Tài chính']],
    ]);
  });

  it('keeps a name on its line: a caption does not run into the next paragraph', () => {
    expect(people('Thủ tướng Phạm Minh Chính\n\nVì vậy, các bộ cần khẩn trương.')).toEqual([['Phạm Minh Chính', ['Thủ tướng']]]);
  });

  it('reads "Ông" before a family name as an honorific, not as part of the name', () => {
    expect(people('Ông Đỗ Văn Hải, Cục trưởng Cục Đầu tư nước ngoài cho biết, vốn tăng.')).toEqual([['Đỗ Văn Hải', ['Cục trưởng Cục Đầu tư nước ngoài']]]);
  });

  it('completes a committee of the National Assembly with "của Quốc hội", comma and all', () => {
    expect(people('Chủ nhiệm Ủy ban Tài chính, Ngân sách của Quốc hội Trần Văn Lâm trình bày báo cáo.'))
      .toEqual([['Trần Văn Lâm', ['Chủ nhiệm Ủy ban Tài chính, Ngân sách của Quốc hội']]]);
    expect(people('Đại tướng Lương Văn Cường, Phó Bí thư Quân ủy Trung ương phát biểu.'))
      .toEqual([['Lương Văn Cường', ['Đại tướng', 'Phó Bí thư Quân ủy Trung ương']]]);
  });

  it('does not give a person the title of the one they act for', () => {
    expect(people('Thừa ủy quyền của Thủ tướng Chính phủ, Bộ trưởng Bộ Tài chính Hồ Văn Nam đã báo cáo.'))
      .toEqual([['Hồ Văn Nam', ['Bộ trưởng Bộ Tài chính']]]);
  });

  it('reads "sáng tạo" inside an organization name', () => {
    expect(people('Giám đốc Trung tâm Đổi mới sáng tạo Quốc gia, TS. Vũ Văn Hùng cho biết.'))
      .toEqual([['Vũ Văn Hùng', ['Giám đốc Trung tâm Đổi mới sáng tạo Quốc gia']]]);
  });

  it('leaves out private persons: posts in companies and business associations only', () => {
    expect(people('Ông Nguyễn Văn Tâm, Chủ tịch Hội đồng quản trị Công ty Alpha, Phó Chủ tịch Hội Doanh nhân trẻ Việt Nam cho biết.')).toEqual([]);
    expect(people('Bà Trần Thị Lan, Phó Chủ tịch Hiệp hội Dệt may Việt Nam nêu.')).toEqual([]);
    // A mass organization of the Fatherland Front is a public post.
    expect(people('Chủ tịch Hội Nông dân Việt Nam Lương Quốc Đoàn phát biểu.')).toEqual([['Lương Quốc Đoàn', ['Chủ tịch Hội Nông dân Việt Nam']]]);
    // One public post is enough.
    expect(people('Ông Nguyễn Văn Tâm, Chủ tịch Công ty Alpha, Đại biểu Quốc hội khóa XV cho biết.').map(([n]) => n)).toEqual(['Nguyễn Văn Tâm']);
  });

  it('reads foreign officials: the country in the title, a name that need not look Vietnamese', () => {
    expect(people('Thủ tướng tiếp Ngoại trưởng Hoa Kỳ Antony Blinken. Tổng thống Ukraine Volodymyr Zelenskyy điện đàm.')).toEqual([
      ['Antony Blinken', ['Ngoại trưởng Hoa Kỳ']], ['Volodymyr Zelenskyy', ['Tổng thống Ukraine']],
    ]);
    expect(people('Đại sứ Nhật Bản tại Việt Nam Ito Naoki dự lễ.')).toEqual([['Ito Naoki', ['Đại sứ Nhật Bản tại Việt Nam']]]);
  });

  it('attaches later mentions to the one person they can mean', () => {
    const text = 'Thủ tướng Phạm Minh Chính chủ trì. Bộ trưởng Bộ Công an Tô Lâm báo cáo. Thủ tướng nhấn mạnh yêu cầu. '
      + 'Theo ông Chính, cần làm ngay. Bộ trưởng Lâm cho biết thêm. Phó Thủ tướng phát biểu.';
    const mentions = Object.fromEntries(extractOfficials(text).map((o) => [o.name, o.mentions.map((m) => text.slice(m[0], m[1]))]));
    expect(mentions).toEqual({
      'Phạm Minh Chính': ['Phạm Minh Chính', 'Thủ tướng', 'ông Chính'],
      'Tô Lâm': ['Tô Lâm', 'Bộ trưởng Lâm'],
    });
  });
  it('leaves a reference that fits two people alone', () => {
    const text = 'Thứ trưởng Nguyễn Văn Hùng và Thứ trưởng Trần Văn Hùng dự. Thứ trưởng Hùng cho biết.';
    for (const o of extractOfficials(text)) expect(o.mentions).toHaveLength(1);
  });
});

describe('splitTitle', () => {
  it('splits a title into its post and its organization', () => {
    expect(splitTitle('Bộ trưởng Bộ Công an')).toEqual({ post: 'Bộ trưởng', organization: 'Bộ Công an' });
    expect(splitTitle('Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ')).toEqual({ post: 'Bộ trưởng, Chủ nhiệm', organization: 'Văn phòng Chính phủ' });
    expect(splitTitle('Phó Chủ tịch UBND tỉnh Hà Giang')).toEqual({ post: 'Phó Chủ tịch', organization: 'UBND tỉnh Hà Giang' });
    expect(splitTitle('nguyên Bộ trưởng Bộ Tài chính')).toEqual({ post: 'nguyên Bộ trưởng', organization: 'Bộ Tài chính' });
  });
  it('keeps a post that names its body as one', () => {
    expect(splitTitle('Thủ tướng Chính phủ')).toEqual({ post: 'Thủ tướng Chính phủ', organization: null });
    expect(splitTitle('Đại tướng')).toEqual({ post: 'Đại tướng', organization: null });
  });
});

describe('local officials: the place ends where the person\'s name begins', () => {
  it('reads the province of a people\'s committee and of a Party committee', () => {
    expect(people('Chủ tịch UBND thành phố Hà Nội Trần Sỹ Thanh phát biểu.')).toEqual([['Trần Sỹ Thanh', ['Chủ tịch Ủy ban nhân dân thành phố Hà Nội']]]);
    expect(people('Chủ tịch UBND tỉnh Quảng Ninh Cao Tường Huy cho biết.')).toEqual([['Cao Tường Huy', ['Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh']]]);
    expect(people('Phó Chủ tịch UBND TP Hồ Chí Minh Võ Văn Hoan cho biết.')).toEqual([['Võ Văn Hoan', ['Phó Chủ tịch Ủy ban nhân dân TP Hồ Chí Minh']]]);
    expect(people('Bí thư Thành ủy Hà Nội Đinh Tiến Dũng phát biểu.')).toEqual([['Đinh Tiến Dũng', ['Bí thư Thành ủy Hà Nội']]]);
    expect(people('Bí thư Tỉnh ủy Quảng Ninh, ông Vũ Đại Thắng cho biết.')).toEqual([['Vũ Đại Thắng', ['Bí thư Tỉnh ủy Quảng Ninh']]]);
    expect(people('Chánh Văn phòng Trung ương Đảng Nguyễn Duy Ngọc phát biểu.')).toEqual([['Nguyễn Duy Ngọc', ['Chánh Văn phòng Trung ương Đảng']]]);
  });
  it('ends a district\'s name at a family name that starts a person\'s, and keeps one that starts the place', () => {
    expect(people('Chủ tịch UBND huyện Đông Anh Nguyễn Xuân Linh phát biểu.')).toEqual([['Nguyễn Xuân Linh', ['Chủ tịch Ủy ban nhân dân huyện Đông Anh']]]);
    expect(people('Chủ tịch UBND quận Lê Chân Nguyễn Văn Hải phát biểu.')).toEqual([['Nguyễn Văn Hải', ['Chủ tịch Ủy ban nhân dân quận Lê Chân']]]);
  });
});
