-- Duplicates merged by the county (issue 9, item 4): the merged record stays, pointing at the kept one.
ALTER TABLE "person" ADD COLUMN "merged_into_id" UUID;
ALTER TABLE "person" ADD COLUMN "merged_at" TIMESTAMPTZ(3);
CREATE INDEX "person_merged_into_id_idx" ON "person"("merged_into_id");
ALTER TABLE "person" ADD CONSTRAINT "person_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
