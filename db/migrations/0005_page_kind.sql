-- What a fetched article URL turned out to be when it held no article: 'listing', 'error' or 'login' (null
-- for articles and for pages not yet read as articles). Such pages are kept, not retried, and make no article.
ALTER TABLE pages ADD COLUMN page_kind TEXT CHECK (page_kind IN ('listing', 'error', 'login'));
