-- The person list's search by pinyin initials (issue 9, item 2). Written by the commands and the
-- demo seed from the name (lib/people/name-initials.ts); rows of an older database keep '' until
-- their name is next saved.
ALTER TABLE "person" ADD COLUMN "name_initials" TEXT NOT NULL DEFAULT '';
CREATE INDEX "person_name_initials_idx" ON "person"("name_initials" text_pattern_ops);
