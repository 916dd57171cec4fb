-- Which bureau certified an identity period (issue 9, item 1): each bureau keeps only its own.
ALTER TABLE "person_identity" ADD COLUMN "certified_by" "Role";
CREATE INDEX "person_identity_person_id_type_idx" ON "person_identity"("person_id", "type");
