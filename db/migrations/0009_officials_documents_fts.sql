-- Full-text indexes over officials (name and every title the articles give them) and legal documents (number,
-- type, subject), accent-folded like the others (đ→d included: the text is folded before it is indexed), so
-- that `vnpress search --in officials "bo truong cong an"` finds "Bộ trưởng Bộ Công an". They are written
-- with the facts of each article; a database from an earlier version is indexed when it is next written to.
CREATE VIRTUAL TABLE officials_fts USING fts5 (name, titles, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE documents_fts USING fts5 (number, type, subject, tokenize = 'unicode61 remove_diacritics 2');
