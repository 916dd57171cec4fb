-- Issue 9, items 1–2 (docs/decisions/020): the serviceman a family member's entitlement comes
-- from gets a record of his own (a martyr is usually on no register), and township clerks propose
-- identities that the certifying bureau accepts or rejects.

CREATE TYPE "ServicemanKind" AS ENUM ('VETERAN', 'MARTYR', 'DIED_ON_DUTY', 'DIED_OF_ILLNESS');
CREATE TYPE "ProposalState" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED');

CREATE TABLE "serviceman" (
    "id" UUID NOT NULL,
    "person_id" UUID,
    "name" TEXT,
    "kind" "ServicemanKind" NOT NULL,
    "died_on" DATE,
    "certificate" TEXT,
    "hukou_province" TEXT,
    "region_code" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    -- Used only by this migration, to pair family members with the record made for them.
    "migrated_from" UUID,

    CONSTRAINT "serviceman_pkey" PRIMARY KEY ("id"),
    -- The province decides the family's pharmacy card: from the person record, or from this one.
    CONSTRAINT "serviceman_province_check" CHECK ("person_id" IS NOT NULL OR "hukou_province" IS NOT NULL)
);

CREATE UNIQUE INDEX "serviceman_person_id_key" ON "serviceman"("person_id");
CREATE INDEX "serviceman_region_code_name_idx" ON "serviceman"("region_code", "name");
ALTER TABLE "serviceman" ADD CONSTRAINT "serviceman_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "serviceman" ADD CONSTRAINT "serviceman_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- person.serviceman_id pointed at the serviceman's person record; it now points at his serviceman
-- record. The self-reference check no longer means anything (the command refuses it instead).
ALTER TABLE "person" DROP CONSTRAINT "person_serviceman_id_fkey";
ALTER TABLE "person" DROP CONSTRAINT "person_serviceman_not_self_check";

-- The county on a region's path keeps the record (the bureau's region).
CREATE TEMPORARY TABLE "_county_of" AS
  SELECT r."code" AS "region_code", c."code" AS "county_code"
  FROM "region" r JOIN "region" c ON c."level" = 'COUNTY' AND (r."path" = c."path" OR r."path" LIKE c."path" || '/%');

-- 1. Servicemen on the register: one record each, pointing at his person record.
INSERT INTO "serviceman" ("id", "person_id", "name", "kind", "died_on", "hukou_province", "region_code", "updated_at")
SELECT gen_random_uuid(), s."id", NULL, 'VETERAN', NULL, NULL, co."county_code", CURRENT_TIMESTAMP
FROM "person" s JOIN "_county_of" co ON co."region_code" = s."region_code"
WHERE s."id" IN (SELECT "serviceman_id" FROM "person" WHERE "serviceman_id" IS NOT NULL);

UPDATE "person" p SET "serviceman_id" = sm."id" FROM "serviceman" sm WHERE sm."person_id" = p."serviceman_id";

-- 2. Family members who had only the serviceman's province (a martyr with no person record): one
-- unnamed record per household (or per person outside one), its kind read from the family
-- identity they hold, for the bureau to complete.
INSERT INTO "serviceman" ("id", "name", "kind", "hukou_province", "region_code", "updated_at", "migrated_from")
SELECT gen_random_uuid(), NULL,
  CASE
    WHEN bool_or(i."type" = 'MARTYR_FAMILY') THEN 'MARTYR'::"ServicemanKind"
    WHEN bool_or(i."type" = 'DUTY_DEATH_FAMILY') THEN 'DIED_ON_DUTY'::"ServicemanKind"
    WHEN bool_or(i."type" = 'ILLNESS_DEATH_FAMILY') THEN 'DIED_OF_ILLNESS'::"ServicemanKind"
    ELSE 'VETERAN'::"ServicemanKind"
  END,
  min(p."veteran_hukou_province"), min(co."county_code"), CURRENT_TIMESTAMP, COALESCE(p."household_id", p."id")
FROM "person" p
JOIN "_county_of" co ON co."region_code" = p."region_code"
LEFT JOIN "person_identity" i ON i."person_id" = p."id"
WHERE p."serviceman_id" IS NULL AND p."veteran_hukou_province" IS NOT NULL
GROUP BY COALESCE(p."household_id", p."id");

UPDATE "person" p SET "serviceman_id" = sm."id"
FROM "serviceman" sm
WHERE sm."migrated_from" = COALESCE(p."household_id", p."id") AND p."serviceman_id" IS NULL AND p."veteran_hukou_province" IS NOT NULL;

ALTER TABLE "serviceman" DROP COLUMN "migrated_from";
DROP TABLE "_county_of";

-- The province now lives on the serviceman's record (or his person record): one place only.
ALTER TABLE "person" DROP COLUMN "veteran_hukou_province";
ALTER TABLE "person" ADD CONSTRAINT "person_serviceman_id_fkey" FOREIGN KEY ("serviceman_id") REFERENCES "serviceman"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "person_household_id_idx" ON "person"("household_id");

CREATE TABLE "identity_proposal" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "type" "IdentityType" NOT NULL,
    "valid_from" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "attachment" TEXT,
    "bureau" "Role" NOT NULL,
    "state" "ProposalState" NOT NULL DEFAULT 'PENDING',
    "proposed_by_id" UUID NOT NULL,
    "proposed_by" TEXT NOT NULL,
    "proposed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" UUID,
    "decided_by" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decision_note" TEXT,
    "identity_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "identity_proposal_pkey" PRIMARY KEY ("id"),
    -- An accepted proposal names the period it recorded; a rejected one its reason.
    CONSTRAINT "identity_proposal_decision_check" CHECK (
      ("state" = 'PENDING' AND "decided_at" IS NULL AND "identity_id" IS NULL)
      OR ("state" = 'ACCEPTED' AND "decided_at" IS NOT NULL AND "identity_id" IS NOT NULL)
      OR ("state" = 'REJECTED' AND "decided_at" IS NOT NULL AND "decision_note" IS NOT NULL)
    )
);

CREATE UNIQUE INDEX "identity_proposal_identity_id_key" ON "identity_proposal"("identity_id");
CREATE INDEX "identity_proposal_bureau_state_proposed_at_idx" ON "identity_proposal"("bureau", "state", "proposed_at");
CREATE INDEX "identity_proposal_person_id_proposed_at_idx" ON "identity_proposal"("person_id", "proposed_at");
ALTER TABLE "identity_proposal" ADD CONSTRAINT "identity_proposal_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "identity_proposal" ADD CONSTRAINT "identity_proposal_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "person_identity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A household has at most one head (the commands lock the household row and check it first; this
-- is the guarantee behind them). Prisma's schema language has no partial index: see schema.prisma.
CREATE UNIQUE INDEX "person_one_head_per_household" ON "person"("household_id") WHERE "relation_to_head" = 'HEAD' AND "household_id" IS NOT NULL;
