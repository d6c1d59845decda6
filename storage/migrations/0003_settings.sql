-- Schema 3: settings of the database, such as the folder of the commune's document models
-- (aect --modeles), remembered for everyone who opens this database.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;
