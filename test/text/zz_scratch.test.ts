import { it } from 'vitest';
import { findDates, parseDateTime } from '../../src/text/dates.js';
import { findNumbers, parseNumeral, parseNumberWords } from '../../src/text/numbers.js';
import { splitSentences } from '../../src/text/sentences.js';
const ref = '2022-08-10';
const D = [
  'Ngày 08/8/2022, Bộ họp.', 'ngày 24-7 vừa qua', 'sáng 6-8 đoàn đến', 'Sáng 25/12, đoàn đến', '1.1.2016', 'từ 1.1.2016 đến 4.1.2018',
  'ngày 2 tháng 9 năm 1945', 'lúc 14h30', '10g45', 'tháng 6/2022', 'tháng 4-2016', 'tháng 1.2018', 'quý I/2022', 'quý 4 năm 2018',
  '6 tháng đầu năm 2022', '9 tháng', '9 tháng năm 2022', 'trong 9 tháng qua', '6 tháng cuối năm', 'năm 2022', 'giai đoạn 2022-2025', 'tầm nhìn đến năm 2030',
  'đến hết năm 2020', 'năm ngoái', 'tuần qua', 'hôm nay', 'có ngày chính xác', 'ngày 32 tháng 4', 'Có 1975 người tham gia.',
  'Sáng 25/12', 'Thứ 7, 13/8', 'thứ 7 ngày 13/8', 'quý IV/2021', 'quý II năm 2022', 'ngày 30/2/2022', 'Sáng nay, 8/8', '24/6/2022', 'Nghị định 42/2022/NĐ-CP',
  '9 tháng đầu năm', 'giai đoạn 2021 - 2025', 'từ năm 2021 đến năm 2025', '3 giờ', 'lúc 9 giờ', '9 giờ 30 phút', 'COVID-19', 'ngày 15/3', 'hơn 3/4 số', '14:30',
  'quý 3/2022', 'Chiều 1/1', '4.1.2017 - 4.1.2018', 'tháng 12', 'tháng 9', 'tháng 13/2022', 'nửa đầu năm 2022',
];
it('dates', () => {
  for (const s of D) console.log(JSON.stringify(s), '=>', JSON.stringify(findDates(s, ref).map((d) => [d.kind, d.value, d.text, d.inferred])));
  for (const s of ['Sáng 25/12, đoàn đến', 'tháng 12', 'năm ngoái', 'tuần qua', 'hôm nay']) console.log('JAN', s, JSON.stringify(findDates(s, '2023-01-02').map((d) => [d.kind, d.value, d.text])));
  for (const s of ['Thứ Hai, 08/08/2022 - 14:30', '08/8/2022 10:20 GMT+7', '2022-08-08T11:55:00+07:00', 'Cập nhật: 14h30 ngày 8/8/2022', '2022-08-08T04:55:00Z', '2022-08-08T20:00:00.000Z', '2022-08-08', '2022-08-08T11:55:00+0700', '2022-08-08T01:00:00-05:00', 'ngày 8 tháng 8 năm 2022', '31/12/2022 23:59', '30/02/2022', 'xyz', '2022-02-30T10:00:00Z', '08/8/2022 10:20 GMT+9'])
    console.log('PDT', s, parseDateTime(s));
});
const N = ['30.000', '2.107', '38,5%', '1.234,5', '01 triệu', '03 đột phá', '30 nghìn', '20 ngàn', '5 triệu', '150.000 tỷ đồng', '4 tỉ USD', '2,5 nghìn tỷ đồng', '1 ngàn tỷ', '66,1-66,9 triệu', 'COVID-19', '42/2022', '1.1.2016', '3.5', '1,000,000', '12,345', '2 triệu rưỡi', '3 chục người', 'hơn 10.000.000 đồng', '2,5 lần', '1.234.567,89', '1.000 tỷ', '15,2 nghìn tỷ đồng', '7,72%', 'G20', 'năm 2022', '1.5 triệu', '2-3 triệu', '100 - 200 nghìn', '2 tỷ rưỡi', '10 Nghìn', '5 TRIỆU'];
const W = ['hai mươi mốt', 'ba mươi lăm', 'hai mươi tư', 'một trăm linh năm', 'ba trăm lẻ bảy', 'một triệu rưỡi', 'trăm rưỡi', 'mười', 'mười lăm', 'mười một', 'mười mốt', 'hai nghìn tỷ', 'năm mươi nhăm', 'chín mươi chín', 'hai nghìn không trăm hai mươi hai', 'một nghìn chín trăm bốn mươi lăm', 'mười tư', 'hai mươi', 'bốn', 'hai mươi năm', 'ba nghìn rưỡi', 'hai trăm', 'không', 'một trăm linh', 'tư', 'mốt', 'mười bốn', 'năm trăm', 'bảy mươi mốt', 'hai mươi bốn', 'một tỷ hai trăm triệu', 'một trăm mười', 'một trăm mười lăm', 'hai trăm năm mươi'];
it('numbers', () => {
  for (const s of N) console.log(JSON.stringify(s), '=>', JSON.stringify(findNumbers(s).map((n) => [n.value, n.base, n.factor, n.raw, n.span])));
  for (const s of W) console.log('W', JSON.stringify(s), '=>', parseNumberWords(s), JSON.stringify(findNumbers('Có ' + s + ' người', { words: true }).map((n) => [n.value, n.raw])));
  for (const s of ['30.000', '2.107', '38,5', '1.234,5', '01', '3.5', '1,000,000', '12,345', '1.23', '1.2345', 'abc', '', '1.000.00', '00,5']) console.log('PN', JSON.stringify(s), parseNumeral(s));
});
const S = ['Đoàn công tác đến TP.HCM. Sau đó đi Hà Nội.', 'GS.TS. Nguyễn Văn A phát biểu. Ông nói thêm.', 'Ảnh: TTXVN\nThủ tướng phát biểu.', 'Tăng 38,5%. Giảm 2,3%.', 'Ngày 1.1.2016 luật có hiệu lực. Sau đó...', 'Ông nói: "Tốt lắm." Sau đó về.', 'Ông nói: "Tốt lắm!" Bà đồng ý.', 'Ông Nguyễn V. A đến. Bà B về.', 'Năm 2022. 30.000 người tham gia.', 'Câu một? Câu hai! Câu ba… Câu bốn.', 'TP. Hồ Chí Minh có mưa. Hà Nội nắng.', 'Ảnh: Nhật Bắc. Thủ tướng phát biểu.', 'Theo PGS.TS. Lê B, kinh tế tăng. Tốt.', 'Ông nói "Thật tuyệt." Tôi đồng ý.', 'Hôm nay trời đẹp.  Mai mưa.', '  Dòng đầu.\n\n Dòng hai  ', 'Th.S. Trần C đến. Kết thúc.', 'Công ty ABC Co. Ltd. có mặt.', 'đi TP.HCM.\nVề.', 'UBND TP. Đà Nẵng họp. Xong.', 'Giá tăng 5%. (Ảnh minh họa) Xong.'];
it('sentences', () => {
  for (const s of S) console.log(JSON.stringify(s), '=>', JSON.stringify(splitSentences(s).map((x) => x.text)));
});
