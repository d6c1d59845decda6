-- Schema 2: an owner for each draft, for the workshop over the room's network (aect serve).
--
-- owner is the name of the workshop participant the draft belongs to; '' is the local
-- single user, who owned every draft before this schema: the existing drafts keep ''.
-- Every read and write of a draft is scoped by owner, so the list index starts with it.
ALTER TABLE drafts ADD COLUMN owner TEXT NOT NULL DEFAULT '';

DROP INDEX drafts_list;
CREATE INDEX drafts_list ON drafts (owner, deleted_at, updated_at, id, title, form, partner, country, percent, demo, search);

-- The count of an owner's drafts (the first screen shows it) reads this narrow index rather
-- than a range of the wide list index.
CREATE INDEX drafts_owner ON drafts (owner, deleted_at);

DROP INDEX drafts_demo;
CREATE INDEX drafts_demo ON drafts (owner, demo) WHERE demo <> '';
