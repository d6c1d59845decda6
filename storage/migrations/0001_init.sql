-- Schema 1: drafts and their revisions.
--
-- A draft's current plan is its head revision: the plan JSON is stored once per save, in
-- revisions, and the drafts table keeps only small columns.
--
-- Times are Unix milliseconds (UTC). deleted_at is 0 unless the draft is in the bin.
-- The application_id and user_version are set by the Go code after this script.

CREATE TABLE drafts (
	id            INTEGER PRIMARY KEY,
	title         TEXT    NOT NULL,
	form          TEXT    NOT NULL DEFAULT '',
	partner       TEXT    NOT NULL DEFAULT '',
	country       TEXT    NOT NULL DEFAULT '',
	percent       INTEGER NOT NULL DEFAULT 0,
	demo          TEXT    NOT NULL DEFAULT '',
	created_at    INTEGER NOT NULL,
	updated_at    INTEGER NOT NULL,
	deleted_at    INTEGER NOT NULL DEFAULT 0,
	version       INTEGER NOT NULL DEFAULT 1,
	head_revision INTEGER NOT NULL DEFAULT 0,
	content_hash  TEXT    NOT NULL DEFAULT '',
	import_hash   TEXT    NOT NULL DEFAULT '',
	ui            TEXT    NOT NULL DEFAULT '{}',
	search        TEXT    NOT NULL DEFAULT ''
) STRICT;

-- The list reads this index only, in order (most recent first), and filters on its search
-- column: no lookup into the table for ten thousand rows.
CREATE INDEX drafts_list ON drafts (deleted_at, updated_at, id, title, form, partner, country, percent, demo, search);
CREATE INDEX drafts_content_hash ON drafts (content_hash);
CREATE INDEX drafts_import_hash ON drafts (import_hash) WHERE import_hash <> '';
CREATE INDEX drafts_demo ON drafts (demo) WHERE demo <> '';

CREATE TABLE revisions (
	id       INTEGER PRIMARY KEY,
	draft_id INTEGER NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
	version  INTEGER NOT NULL,
	saved_at INTEGER NOT NULL,
	title    TEXT    NOT NULL,
	percent  INTEGER NOT NULL,
	plan     TEXT    NOT NULL
) STRICT;

CREATE INDEX revisions_by_draft ON revisions (draft_id, saved_at);
