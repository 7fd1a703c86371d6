/**
 * www.mpi.gov.vn, Cổng thông tin điện tử Bộ Kế hoạch và Đầu tư: a SharePoint portal. Articles are
 * /Pages/tinbai.aspx?idTin=<id>&idcm=<category>; listings /Pages/chuyenmuc.aspx?idcm=<category>&trang=<n>.
 * The Ministry merged into Bộ Tài chính on 1 March 2025 (Nghị quyết 176/2025/QH15); its news continues on
 * mof.gov.vn.
 */
import { validateSource } from './source.js';

export default validateSource({
  id: 'mpi',
  name: 'Bộ Kế hoạch và Đầu tư',
  hosts: ['www.mpi.gov.vn', 'mpi.gov.vn'],
  lang: 'vi',
  startUrls: ['https://www.mpi.gov.vn/Pages/default.aspx'],
  sitemaps: ['https://www.mpi.gov.vn/sitemap.xml'],
  feeds: ['https://www.mpi.gov.vn/rss/tin-tuc.rss'],
  listings: [
    { url: 'https://www.mpi.gov.vn/Pages/chuyenmuc.aspx?idcm=188', pagination: 'https://www.mpi.gov.vn/Pages/chuyenmuc.aspx?idcm=188&trang={page}' },
    { url: 'https://www.mpi.gov.vn/Pages/chuyenmuc.aspx?idcm=207', pagination: 'https://www.mpi.gov.vn/Pages/chuyenmuc.aspx?idcm=207&trang={page}' },
    { url: 'https://www.mpi.gov.vn/Pages/chuyenmuc.aspx?idcm=133', pagination: 'https://www.mpi.gov.vn/Pages/chuyenmuc.aspx?idcm=133&trang={page}' },
  ],
  articleUrlPattern: String.raw`^https://www\.mpi\.gov\.vn/Pages/tinbai\.aspx\?idTin=\d+&idcm=\d+$`,
  article: {
    title: '.title-news h3, .title-news',
    date: '.date-news',
    body: '.content-news',
    category: '.path-news a:last-child',
    remove: ['table.image', '.image_desc', '.tinlienquan'],
  },
  pacing: { delayMs: 1000, concurrency: 1 },
  until: '2025-02-28',
  successor: 'mof',
});
