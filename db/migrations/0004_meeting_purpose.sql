-- Meetings keep what they were held for and who attended ("Cùng dự có Phó Thủ tướng …"): participants is a
-- JSON array of names, "; "-joined in exports.
ALTER TABLE meetings ADD COLUMN purpose TEXT;
ALTER TABLE meetings ADD COLUMN participants TEXT NOT NULL DEFAULT '[]';
