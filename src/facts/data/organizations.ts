/**
 * Organizations of the Vietnamese state, with the dates their names were valid. The March 2025
 * reorganization (Nghị quyết 176/2025/QH15) merged ministries; from 1 July 2025 (Nghị quyết 202/2025/QH15)
 * 63 provinces became 34. `until` is the last day a name was in use; absent means still in use.
 */

export interface Organization {
  name: string;
  /** Abbreviations and other spellings met in text. */
  aliases?: readonly string[];
  from?: string;
  until?: string;
  /** What it became, for names that ended. */
  successor?: string;
}

export const MINISTRIES: readonly Organization[] = [
  { name: 'Bộ Quốc phòng', aliases: ['BQP'] },
  { name: 'Bộ Công an', aliases: ['BCA'] },
  { name: 'Bộ Ngoại giao', aliases: ['BNG'] },
  { name: 'Bộ Nội vụ', aliases: ['BNV'] },
  { name: 'Bộ Tư pháp', aliases: ['BTP'] },
  { name: 'Bộ Tài chính', aliases: ['BTC'] },
  { name: 'Bộ Công Thương', aliases: ['BCT'] },
  { name: 'Bộ Xây dựng', aliases: ['BXD'] },
  { name: 'Bộ Y tế', aliases: ['BYT'] },
  { name: 'Bộ Giáo dục và Đào tạo', aliases: ['Bộ GD&ĐT', 'BGDĐT'] },
  { name: 'Bộ Văn hóa, Thể thao và Du lịch', aliases: ['Bộ VHTTDL', 'Bộ VH-TT&DL', 'Bộ Văn hoá, Thể thao và Du lịch'] },
  { name: 'Bộ Khoa học và Công nghệ', aliases: ['Bộ KH&CN', 'BKHCN'] },
  { name: 'Bộ Kế hoạch và Đầu tư', aliases: ['Bộ KH&ĐT', 'Bộ KHĐT', 'BKHĐT'], until: '2025-02-28', successor: 'Bộ Tài chính' },
  { name: 'Bộ Thông tin và Truyền thông', aliases: ['Bộ TT&TT', 'BTTTT'], until: '2025-02-28', successor: 'Bộ Khoa học và Công nghệ' },
  { name: 'Bộ Giao thông vận tải', aliases: ['Bộ GTVT', 'BGTVT'], until: '2025-02-28', successor: 'Bộ Xây dựng' },
  { name: 'Bộ Tài nguyên và Môi trường', aliases: ['Bộ TN&MT', 'BTNMT'], until: '2025-02-28', successor: 'Bộ Nông nghiệp và Môi trường' },
  { name: 'Bộ Nông nghiệp và Phát triển nông thôn', aliases: ['Bộ NN&PTNT', 'BNNPTNT'], until: '2025-02-28', successor: 'Bộ Nông nghiệp và Môi trường' },
  { name: 'Bộ Lao động - Thương binh và Xã hội', aliases: ['Bộ LĐ-TB&XH', 'Bộ LĐTBXH', 'BLĐTBXH'], until: '2025-02-28', successor: 'Bộ Nội vụ' },
  { name: 'Ủy ban Dân tộc', aliases: ['UBDT', 'Uỷ ban Dân tộc'], until: '2025-02-28', successor: 'Bộ Dân tộc và Tôn giáo' },
  { name: 'Bộ Nông nghiệp và Môi trường', aliases: ['Bộ NN&MT', 'BNNMT'], from: '2025-03-01' },
  { name: 'Bộ Dân tộc và Tôn giáo', aliases: ['Bộ DT&TG', 'Bộ Dân tộc - Tôn giáo'], from: '2025-03-01' },
  { name: 'Văn phòng Chính phủ', aliases: ['VPCP'] },
  { name: 'Thanh tra Chính phủ', aliases: ['TTCP'] },
  { name: 'Ngân hàng Nhà nước Việt Nam', aliases: ['Ngân hàng Nhà nước', 'NHNN'] },
];

/** Other bodies that hold meetings, issue documents or employ officials. */
export const BODIES: readonly Organization[] = [
  { name: 'Chính phủ' },
  { name: 'Quốc hội' },
  { name: 'Ủy ban Thường vụ Quốc hội', aliases: ['UBTVQH', 'Uỷ ban Thường vụ Quốc hội'] },
  { name: 'Ban Chấp hành Trung ương Đảng', aliases: ['BCH TW', 'Ban Chấp hành Trung ương'] },
  { name: 'Bộ Chính trị' },
  { name: 'Ban Bí thư' },
  { name: 'Văn phòng Quốc hội', aliases: ['VPQH'] },
  { name: 'Văn phòng Chủ tịch nước' },
  { name: 'Mặt trận Tổ quốc Việt Nam', aliases: ['MTTQ Việt Nam', 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam'] },
  { name: 'Kiểm toán Nhà nước', aliases: ['KTNN'] },
  { name: 'Tòa án nhân dân tối cao', aliases: ['TANDTC', 'Toà án nhân dân tối cao'] },
  { name: 'Viện kiểm sát nhân dân tối cao', aliases: ['VKSNDTC'] },
  { name: 'Tổng cục Thống kê', aliases: ['TCTK'], until: '2025-02-28', successor: 'Cục Thống kê' },
  { name: 'Ủy ban Quốc gia về chuyển đổi số' },
  { name: 'Bảo hiểm xã hội Việt Nam', aliases: ['BHXH Việt Nam'] },
  { name: 'Ngân hàng Chính sách xã hội', aliases: ['NHCSXH'] },
  { name: 'Ủy ban Quản lý vốn nhà nước tại doanh nghiệp' },
  { name: 'Thông tấn xã Việt Nam', aliases: ['TTXVN'] },
  { name: 'Đài Truyền hình Việt Nam', aliases: ['VTV'] },
  { name: 'Đài Tiếng nói Việt Nam', aliases: ['VOV'] },
  // Party bodies named in officials' titles ("Phó Bí thư Quân ủy Trung ương").
  { name: 'Quân ủy Trung ương', aliases: ['Quân uỷ Trung ương'] },
  { name: 'Đảng ủy Công an Trung ương', aliases: ['Đảng uỷ Công an Trung ương'] },
  // Committees of the National Assembly, whose names may hold a comma ("Ủy ban Tài chính, Ngân sách của Quốc
  // hội"), before and after the 2025 reorganization merged them in pairs (no dates here: names are recognized
  // whenever they are written).
  { name: 'Ủy ban Tài chính, Ngân sách', aliases: ['Uỷ ban Tài chính, Ngân sách', 'Ủy ban Tài chính - Ngân sách'] },
  { name: 'Ủy ban Kinh tế', aliases: ['Uỷ ban Kinh tế'] },
  { name: 'Ủy ban Kinh tế và Tài chính', aliases: ['Uỷ ban Kinh tế và Tài chính'] },
  { name: 'Ủy ban Pháp luật', aliases: ['Uỷ ban Pháp luật'] },
  { name: 'Ủy ban Pháp luật và Tư pháp', aliases: ['Uỷ ban Pháp luật và Tư pháp'] },
  { name: 'Ủy ban Tư pháp', aliases: ['Uỷ ban Tư pháp'] },
  { name: 'Ủy ban Quốc phòng và An ninh', aliases: ['Uỷ ban Quốc phòng và An ninh'] },
  { name: 'Ủy ban Quốc phòng, An ninh và Đối ngoại', aliases: ['Uỷ ban Quốc phòng, An ninh và Đối ngoại'] },
  { name: 'Ủy ban Văn hóa, Giáo dục', aliases: ['Uỷ ban Văn hóa, Giáo dục', 'Ủy ban Văn hoá, Giáo dục'] },
  { name: 'Ủy ban Xã hội', aliases: ['Uỷ ban Xã hội'] },
  { name: 'Ủy ban Văn hóa và Xã hội', aliases: ['Uỷ ban Văn hóa và Xã hội'] },
  { name: 'Ủy ban Khoa học, Công nghệ và Môi trường', aliases: ['Uỷ ban Khoa học, Công nghệ và Môi trường'] },
  { name: 'Ủy ban Đối ngoại', aliases: ['Uỷ ban Đối ngoại'] },
  { name: 'Hội đồng Dân tộc' },
];

/**
 * Words that open an organization's name; what follows them up to a stop word is the rest of the name
 * ("Cục Quản lý đăng ký kinh doanh", "Sở Kế hoạch và Đầu tư tỉnh Bắc Ninh").
 */
export const ORG_HEADS: readonly string[] = [
  'Bộ', 'Ủy ban', 'Uỷ ban', 'Ban', 'Văn phòng', 'Tổng cục', 'Cục', 'Vụ', 'Viện', 'Sở', 'Ngân hàng', 'Hội đồng',
  'Tập đoàn', 'Tổng công ty', 'Công ty', 'Học viện', 'Trường', 'Đại học', 'Bệnh viện', 'Kho bạc', 'Thanh tra',
  'Kiểm toán', 'Tòa án', 'Toà án', 'Viện kiểm sát', 'Hiệp hội', 'Hội', 'Liên đoàn', 'Trung tâm', 'Quỹ', 'Đoàn',
  'Đảng bộ', 'Tỉnh ủy', 'Tỉnh uỷ', 'Thành ủy', 'Thành uỷ', 'Đài', 'Báo', 'Tạp chí', 'Chi cục', 'Phòng', 'Tổ công tác',
  'Mặt trận', 'Công an', 'Quân khu', 'Bộ Tư lệnh', 'Cơ quan', 'Ban Chỉ đạo', 'Tổ', 'Chính phủ', 'Quốc hội',
  'UBND', 'HĐND', 'Tỉnh', 'Thành phố', 'TP', 'Đặc khu',
  // Boards of companies: "Chủ tịch Hội đồng quản trị Công ty …" (a private post, see officials).
  'Hội đồng quản trị', 'Hội đồng Quản trị', 'Hội đồng thành viên', 'Hội đồng Thành viên',
];

/** Abbreviations written inside organization names, expanded in canonical forms. */
export const ORG_ABBREVIATIONS: Readonly<Record<string, string>> = {
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  VPCP: 'Văn phòng Chính phủ',
  NHNN: 'Ngân hàng Nhà nước',
  'KH&ĐT': 'Kế hoạch và Đầu tư',
  'TT&TT': 'Thông tin và Truyền thông',
  GTVT: 'Giao thông vận tải',
  MTTQ: 'Mặt trận Tổ quốc',
  'TP.HCM': 'Thành phố Hồ Chí Minh',
  'TP HCM': 'Thành phố Hồ Chí Minh',
  TPHCM: 'Thành phố Hồ Chí Minh',
};

/** The 34 provinces and centrally run cities from 1 July 2025 (Nghị quyết 202/2025/QH15). */
export const PROVINCES_2025: readonly string[] = [
  'Hà Nội', 'Huế', 'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh',
  'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Hải Phòng', 'Ninh Bình',
  'Quảng Trị', 'Đà Nẵng', 'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Thành phố Hồ Chí Minh',
  'Đồng Nai', 'Tây Ninh', 'Cần Thơ', 'Vĩnh Long', 'Đồng Tháp', 'Cà Mau', 'An Giang',
];

/** Provinces that existed until 30 June 2025 and were merged, with the province they joined. */
export const PROVINCES_MERGED_2025: Readonly<Record<string, string>> = {
  'Hà Giang': 'Tuyên Quang', 'Yên Bái': 'Lào Cai', 'Bắc Kạn': 'Thái Nguyên', 'Vĩnh Phúc': 'Phú Thọ', 'Hòa Bình': 'Phú Thọ',
  'Bắc Giang': 'Bắc Ninh', 'Thái Bình': 'Hưng Yên', 'Hải Dương': 'Hải Phòng', 'Hà Nam': 'Ninh Bình', 'Nam Định': 'Ninh Bình',
  'Quảng Bình': 'Quảng Trị', 'Quảng Nam': 'Đà Nẵng', 'Kon Tum': 'Quảng Ngãi', 'Bình Định': 'Gia Lai', 'Ninh Thuận': 'Khánh Hòa',
  'Đắk Nông': 'Lâm Đồng', 'Bình Thuận': 'Lâm Đồng', 'Phú Yên': 'Đắk Lắk', 'Bình Dương': 'Thành phố Hồ Chí Minh',
  'Bà Rịa - Vũng Tàu': 'Thành phố Hồ Chí Minh', 'Bình Phước': 'Đồng Nai', 'Long An': 'Tây Ninh', 'Sóc Trăng': 'Cần Thơ',
  'Hậu Giang': 'Cần Thơ', 'Bến Tre': 'Vĩnh Long', 'Trà Vinh': 'Vĩnh Long', 'Tiền Giang': 'Đồng Tháp', 'Bạc Liêu': 'Cà Mau',
  'Kiên Giang': 'An Giang',
};

/**
 * Countries as Vietnamese news names them, for foreign officials' titles: "Tổng thống Hàn Quốc Yoon Suk Yeol",
 * "Ngoại trưởng Hoa Kỳ Antony Blinken", "Đại sứ Nhật Bản tại Việt Nam".
 */
export const COUNTRIES: readonly string[] = [
  'Hoa Kỳ', 'Mỹ', 'Trung Quốc', 'Nhật Bản', 'Hàn Quốc', 'Triều Tiên', 'Nga', 'Liên bang Nga', 'Ấn Độ', 'Pháp', 'Đức',
  'Anh', 'Vương quốc Anh', 'Italy', 'Tây Ban Nha', 'Canada', 'Australia', 'Úc', 'New Zealand', 'Singapore',
  'Malaysia', 'Indonesia', 'Thái Lan', 'Lào', 'Campuchia', 'Philippines', 'Myanmar', 'Brunei', 'Timor-Leste',
  'Cuba', 'Brazil', 'Argentina', 'Chile', 'Mexico', 'Hà Lan', 'Bỉ', 'Thụy Điển', 'Thụy Sĩ', 'Na Uy', 'Đan Mạch',
  'Phần Lan', 'Ba Lan', 'Séc', 'Hungary', 'Ukraine', 'Belarus', 'Kazakhstan', 'Mông Cổ', 'Israel', 'Thổ Nhĩ Kỳ',
  'Saudi Arabia', 'Ả Rập Xê Út', 'UAE', 'Qatar', 'Iran', 'Ai Cập', 'Nam Phi', 'Nigeria', 'Algeria', 'Mozambique',
  'Bangladesh', 'Pakistan', 'Sri Lanka', 'Kuwait', 'Hy Lạp', 'Áo', 'Ireland', 'Bồ Đào Nha', 'Slovakia', 'Romania',
  'Bulgaria', 'Serbia', 'Azerbaijan', 'Uzbekistan', 'Venezuela', 'Peru', 'Colombia',
];
