-- Records ↔ rules (issue 6, step 4): what the rules module reads and the schema lacked.

-- Region: the rules module's jurisdiction. A person's is the nearest one on their region's path
-- (lib/records/load.ts), so it is set where a policy's territory begins: CN-SX-YQ is 阳泉市 (RULES.md
-- "Jurisdictions": Yangquan city), which covers 盂县 and the city's other counties. Text, not an
-- enum, so that it is spelled as the rules spell it ("CN-SX-YQ"); the CHECK lists
-- lib/rules/domain.ts JURISDICTIONS, and lib/records/load.int.test.ts fails when they differ.
ALTER TABLE "region" ADD COLUMN "jurisdiction" TEXT;
ALTER TABLE "region" ADD CONSTRAINT "region_jurisdiction_check"
  CHECK ("jurisdiction" IN ('CN-SX-YQ', 'CN-SX', 'CN-CQ-QJ'));
-- Databases seeded before this migration already hold these regions; a new one gets them from the seed.
UPDATE "region" SET "jurisdiction" = 'CN-SX' WHERE "code" = '140000';
UPDATE "region" SET "jurisdiction" = 'CN-SX-YQ' WHERE "code" = '140300';
UPDATE "region" SET "jurisdiction" = 'CN-CQ-QJ' WHERE "code" = '500110';

-- Person: the facts of a family member and of the Shanxi pharmacy card.
CREATE TYPE "ServicemanRelation" AS ENUM ('SPOUSE', 'CHILD', 'PARENT', 'PARENT_IN_LAW');

ALTER TABLE "person"
  ADD COLUMN "relation_to_serviceman" "ServicemanRelation",
  ADD COLUMN "serviceman_id" UUID,
  ADD COLUMN "veteran_hukou_province" TEXT,
  ADD COLUMN "card_applied_on" DATE;

ALTER TABLE "person" ADD CONSTRAINT "person_serviceman_id_fkey"
  FOREIGN KEY ("serviceman_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "person" ADD CONSTRAINT "person_serviceman_not_self_check" CHECK ("serviceman_id" <> "id");
CREATE INDEX "person_serviceman_id_idx" ON "person"("serviceman_id");

-- Claim items: the dual-channel drug's generic name in Chinese (BillItem.drug; RULES 2026-12-01
-- reading 7: the six first-batch drugs are known by name).
ALTER TABLE "claim_item"
  ADD COLUMN "drug" TEXT;
