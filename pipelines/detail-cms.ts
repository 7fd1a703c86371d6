/**
 * The article markup of the CMS behind baochinhphu.vn, mic.gov.vn, mst.gov.vn and their English editions
 * (en.baochinhphu.vn, english.mic.gov.vn): the same class names on every one of these sites, so one profile
 * that each source takes as it is or with the one selector its site changes.
 */
import type { ArticleSelectors } from './source.js';

export const DETAIL_CMS: ArticleSelectors = {
  title: 'h1.detail-title, [data-role="title"]',
  date: '.detail-time [data-role="publishdate"], .detail-time',
  author: '.detail-author .author, .detail-author',
  lead: 'h2.detail-sapo, [data-role="sapo"]',
  body: '.detail-content, [data-role="content"]',
  tags: '.detail-tag a',
  category: '.detail-cate a',
  remove: ['[type="RelatedNewsBox"]', '.kbwscwl-relatedbox', 'figure', 'figcaption', '.PhotoCMS_Caption', '.VCSortableInPreviewMode[type="Photo"]'],
};
