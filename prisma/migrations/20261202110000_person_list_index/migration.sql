-- The people list at a million people (lib/people/people.queries.ts, docs/decisions/018): the
-- people it lists (not merged away), in its order (region code, name, id), with every other column
-- its filters read (pinyin initials, the status dates). A township is a range of this index; the
-- count and the page's ids come from the index alone, and the page's walk stops at its 20th row.
-- Prisma's schema cannot state INCLUDE or WHERE; schema.prisma names the index in a comment.
CREATE INDEX "person_listed_idx" ON "person" ("region_code", "name", "id") INCLUDE ("name_initials", "died_on", "moved_out_on") WHERE "merged_into_id" IS NULL;
