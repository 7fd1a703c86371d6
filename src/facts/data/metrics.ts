/**
 * A catalog of common government metrics and the ways the press phrases them. A claim whose metric (or
 * clause) matches a phrasing gets the entry's key, so that one figure reported by many articles can be read
 * as a series over time. Phrasings are matched accent-folded, as whole words; longer phrasings first.
 * `units` restricts an entry to claims in those units ("%" for rates, currencies for amounts).
 */

export interface MetricEntry {
  key: string;
  label: string;
  phrasings: readonly string[];
  units: readonly string[];
  example: string;
}

const MONEY = ['đồng', 'USD', 'EUR'];
const RATE = ['%', 'điểm phần trăm'];

export const METRICS: readonly MetricEntry[] = [
  { key: 'gdp-growth', label: 'Tăng trưởng GDP', phrasings: ['tăng trưởng gdp', 'tốc độ tăng gdp', 'tăng gdp', 'tốc độ tăng trưởng kinh tế', 'tổng sản phẩm trong nước (gdp)', 'tổng sản phẩm trong nước', 'gdp tăng', 'gdp ước tăng', 'gdp ước tính tăng', 'tăng trưởng kinh tế'], units: RATE, example: 'GDP quý II/2022 tăng 7,72%' },
  // A share of GDP ("chi cho nghiên cứu chiếm 0,5% GDP") is not GDP growth: its own key, by what is measured.
  { key: 'gdp-share', label: 'Tỷ lệ so với GDP', phrasings: ['so với gdp', 'tỷ lệ so với gdp'], units: RATE, example: 'nợ công bằng 37% GDP' },
  { key: 'gdp-value', label: 'Quy mô GDP', phrasings: ['quy mô gdp', 'quy mô nền kinh tế', 'gdp theo giá hiện hành'], units: MONEY, example: 'quy mô GDP đạt 9.513 nghìn tỷ đồng' },
  { key: 'gdp-per-capita', label: 'GDP bình quân đầu người', phrasings: ['gdp bình quân đầu người', 'thu nhập bình quân đầu người'], units: MONEY, example: 'GDP bình quân đầu người đạt 4.110 USD' },
  { key: 'cpi', label: 'Chỉ số giá tiêu dùng (CPI)', phrasings: ['chỉ số giá tiêu dùng', 'cpi bình quân', 'cpi'], units: RATE, example: 'CPI bình quân 6 tháng tăng 4,15%' },
  { key: 'core-inflation', label: 'Lạm phát cơ bản', phrasings: ['lạm phát cơ bản'], units: RATE, example: 'lạm phát cơ bản tăng 3,07%' },
  { key: 'inflation', label: 'Lạm phát', phrasings: ['lạm phát'], units: RATE, example: 'kiểm soát lạm phát dưới 4%' },
  { key: 'fdi-registered', label: 'Vốn FDI đăng ký', phrasings: ['tổng vốn đầu tư nước ngoài đăng ký', 'vốn đầu tư nước ngoài đăng ký', 'vốn fdi đăng ký', 'tổng vốn fdi đăng ký', 'tổng vốn đăng ký cấp mới, điều chỉnh và góp vốn'], units: MONEY, example: 'tổng vốn FDI đăng ký đạt 36,61 tỷ USD' },
  { key: 'fdi-disbursed', label: 'Vốn FDI thực hiện (giải ngân)', phrasings: ['vốn đầu tư nước ngoài thực hiện', 'vốn fdi thực hiện', 'vốn fdi giải ngân', 'giải ngân vốn fdi', 'vốn đầu tư trực tiếp nước ngoài thực hiện'], units: MONEY, example: 'vốn FDI thực hiện đạt 23,18 tỷ USD' },
  { key: 'public-investment-disbursement', label: 'Giải ngân vốn đầu tư công', phrasings: ['giải ngân vốn đầu tư công', 'giải ngân kế hoạch vốn đầu tư công', 'vốn đầu tư công giải ngân', 'tỷ lệ giải ngân', 'vốn đầu tư giải ngân', 'giải ngân vốn đầu tư'], units: [...RATE, ...MONEY], example: 'giải ngân vốn đầu tư công đạt 93% kế hoạch' },
  { key: 'exports', label: 'Kim ngạch xuất khẩu', phrasings: ['kim ngạch xuất khẩu hàng hóa', 'kim ngạch xuất khẩu', 'xuất khẩu hàng hóa', 'xuất khẩu'], units: [...MONEY, ...RATE], example: 'kim ngạch xuất khẩu đạt 371,85 tỷ USD' },
  { key: 'imports', label: 'Kim ngạch nhập khẩu', phrasings: ['kim ngạch nhập khẩu hàng hóa', 'kim ngạch nhập khẩu', 'nhập khẩu hàng hóa', 'nhập khẩu'], units: [...MONEY, ...RATE], example: 'nhập khẩu đạt 360,65 tỷ USD' },
  { key: 'trade-balance', label: 'Cán cân thương mại', phrasings: ['cán cân thương mại', 'xuất siêu', 'thặng dư thương mại', 'nhập siêu'], units: MONEY, example: 'xuất siêu 11,2 tỷ USD' },
  { key: 'trade-total', label: 'Tổng kim ngạch xuất nhập khẩu', phrasings: ['tổng kim ngạch xuất, nhập khẩu', 'tổng kim ngạch xuất nhập khẩu'], units: [...MONEY, ...RATE], example: 'tổng kim ngạch xuất nhập khẩu đạt 732,5 tỷ USD' },
  { key: 'budget-revenue', label: 'Thu ngân sách nhà nước', phrasings: ['thu ngân sách nhà nước', 'tổng thu ngân sách', 'thu ngân sách', 'thu nsnn'], units: [...MONEY, ...RATE], example: 'thu ngân sách nhà nước đạt 1,7 triệu tỷ đồng' },
  { key: 'budget-expenditure', label: 'Chi ngân sách nhà nước', phrasings: ['chi ngân sách nhà nước', 'tổng chi ngân sách', 'chi ngân sách'], units: [...MONEY, ...RATE], example: 'tổng chi ngân sách nhà nước ước đạt 1,6 triệu tỷ đồng' },
  { key: 'new-enterprises', label: 'Doanh nghiệp thành lập mới', phrasings: ['doanh nghiệp đăng ký thành lập mới', 'doanh nghiệp thành lập mới', 'doanh nghiệp gia nhập thị trường'], units: ['doanh nghiệp', ...RATE], example: 'cả nước có 10.954 doanh nghiệp thành lập mới' },
  { key: 'new-enterprises-capital', label: 'Vốn đăng ký của doanh nghiệp thành lập mới', phrasings: ['vốn đăng ký của doanh nghiệp thành lập mới', 'số vốn đăng ký', 'tổng vốn đăng ký', 'vốn đăng ký'], units: [...MONEY, ...RATE], example: 'với số vốn đăng ký là 119.200 tỷ đồng' },
  { key: 'enterprises-returning', label: 'Doanh nghiệp quay trở lại hoạt động', phrasings: ['doanh nghiệp quay trở lại hoạt động', 'quay trở lại hoạt động'], units: ['doanh nghiệp', ...RATE], example: '13.458 doanh nghiệp quay trở lại hoạt động' },
  { key: 'enterprises-exiting', label: 'Doanh nghiệp rút lui khỏi thị trường', phrasings: ['doanh nghiệp rút lui khỏi thị trường', 'tạm ngừng kinh doanh', 'giải thể'], units: ['doanh nghiệp', ...RATE], example: '20.000 doanh nghiệp tạm ngừng kinh doanh' },
  { key: 'online-public-services', label: 'Dịch vụ công trực tuyến', phrasings: ['dịch vụ công trực tuyến toàn trình', 'dịch vụ công trực tuyến', 'hồ sơ trực tuyến'], units: [...RATE, 'dịch vụ công', 'hồ sơ', 'thủ tục'], example: 'tỷ lệ hồ sơ trực tuyến đạt 45%' },
  { key: 'e-invoice-adoption', label: 'Sử dụng hóa đơn điện tử', phrasings: ['hóa đơn điện tử', 'hoá đơn điện tử'], units: [...RATE, 'doanh nghiệp', 'hóa đơn'], example: 'tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử đạt 100%' },
  { key: 'retail-sales', label: 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', phrasings: ['tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng', 'tổng mức bán lẻ hàng hóa', 'tổng mức bán lẻ'], units: [...MONEY, ...RATE], example: 'tổng mức bán lẻ hàng hóa tăng 9,5%' },
  { key: 'industrial-production', label: 'Chỉ số sản xuất công nghiệp (IIP)', phrasings: ['chỉ số sản xuất toàn ngành công nghiệp', 'chỉ số sản xuất công nghiệp', 'iip'], units: RATE, example: 'chỉ số sản xuất công nghiệp tăng 8,9%' },
  { key: 'unemployment-rate', label: 'Tỷ lệ thất nghiệp', phrasings: ['tỷ lệ thất nghiệp'], units: RATE, example: 'tỷ lệ thất nghiệp là 2,3%' },
  { key: 'credit-growth', label: 'Tăng trưởng tín dụng', phrasings: ['tăng trưởng tín dụng', 'dư nợ tín dụng'], units: [...RATE, ...MONEY], example: 'tín dụng tăng 9,15%' },
  { key: 'international-visitors', label: 'Khách quốc tế', phrasings: ['khách quốc tế đến việt nam', 'lượt khách quốc tế', 'khách quốc tế'], units: ['lượt khách', 'lượt', 'lượt người', ...RATE], example: 'khách quốc tế đạt 12,6 triệu lượt' },
  { key: 'base-salary', label: 'Lương cơ sở', phrasings: ['mức lương cơ sở', 'lương cơ sở'], units: [...MONEY, 'đồng/tháng', ...RATE], example: 'lương cơ sở 2,34 triệu đồng/tháng' },
  { key: 'regional-minimum-wage', label: 'Lương tối thiểu vùng', phrasings: ['mức lương tối thiểu tháng', 'lương tối thiểu vùng', 'lương tối thiểu'], units: [...MONEY, 'đồng/tháng', 'đồng/giờ', ...RATE], example: 'lương tối thiểu vùng I là 4.680.000 đồng/tháng' },
  { key: 'social-housing', label: 'Nhà ở xã hội', phrasings: ['căn hộ nhà ở xã hội', 'nhà ở xã hội'], units: ['căn hộ', 'căn', 'dự án', ...MONEY], example: '1 triệu căn hộ nhà ở xã hội' },
  { key: 'digital-economy-share', label: 'Tỷ trọng kinh tế số trong GDP', phrasings: ['tỷ trọng kinh tế số', 'kinh tế số chiếm', 'kinh tế số'], units: RATE, example: 'kinh tế số chiếm 16,5% GDP' },
  { key: 'gold-price', label: 'Giá vàng', phrasings: ['giá vàng miếng sjc', 'giá vàng'], units: ['đồng/lượng', 'USD/ounce', ...RATE], example: 'vàng SJC 66,9 triệu đồng/lượng' },
  { key: 'usd-exchange-rate', label: 'Tỷ giá USD', phrasings: ['tỷ giá trung tâm', 'tỷ giá', 'giá usd'], units: ['đồng/USD'], example: '23.750 đồng/USD' },
];
