-- Cases, their bills, attachments, refusal notices, gap-free numbers, county settings, and the
-- ledger every payout is computed against (issue: cases; docs/decisions/011).
-- CreateEnum
CREATE TYPE "ClaimSource" AS ENUM ('ONE_STOP', 'APPLICATION');

-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('DRAFT', 'SUBMITTED', 'TOWNSHIP_REVIEW', 'PUBLICITY', 'COUNTY_REVIEW', 'APPROVED', 'PAID', 'RETURNED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ApplicationKind" AS ENUM ('INPATIENT_ASSISTANCE', 'OUTPATIENT_ASSISTANCE', 'ONE_OFF_ASSISTANCE', 'LOW_INCOME_RECOGNITION', 'QJ_SPECIAL_CARE_SUBSIDY');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('DIAGNOSIS_CERTIFICATE', 'RECEIPT', 'MEDICAL_HISTORY', 'SETTLEMENT_SHEET', 'SPECIAL_CARE_CERTIFICATE', 'OTHER');

-- AlterTable
ALTER TABLE "claim" ADD COLUMN     "case_id" UUID,
ADD COLUMN     "source" "ClaimSource" NOT NULL DEFAULT 'ONE_STOP';

-- CreateTable
CREATE TABLE "case_file" (
    "id" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "kind" "ApplicationKind" NOT NULL,
    "person_id" UUID NOT NULL,
    "region_code" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "state" "CaseState" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "filed_by_id" UUID NOT NULL,
    "participants" UUID[],
    "received_on" DATE,
    "investigation" JSONB,
    "publicity" JSONB,
    "returned" JSONB,
    "rejection" JSONB,
    "approval" JSONB,
    "payment" JSONB,
    "withdrawal" JSONB,
    "publicity_ends_on" DATE,
    "return_due_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "case_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stored_file" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "media_type" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stored_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "stored_file_id" UUID NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refusal_notice" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "county_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "reasons" JSONB NOT NULL,
    "decided_on" DATE NOT NULL,
    "issued_by" TEXT NOT NULL,
    "stored_file_id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "served_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refusal_notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "number_sequence" (
    "name" TEXT NOT NULL,
    "county_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "number_sequence_pkey" PRIMARY KEY ("name","county_code","year")
);

-- CreateTable
CREATE TABLE "county_setting" (
    "region_code" TEXT NOT NULL,
    "publicity_days" INTEGER NOT NULL DEFAULT 7,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "county_setting_pkey" PRIMARY KEY ("region_code")
);

-- CreateTable
CREATE TABLE "person_ledger" (
    "person_id" UUID NOT NULL,
    "payouts" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_ledger_pkey" PRIMARY KEY ("person_id")
);

-- CreateTable
CREATE TABLE "ledger_balance" (
    "person_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "programme" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "value" BIGINT NOT NULL,

    CONSTRAINT "ledger_balance_pkey" PRIMARY KEY ("person_id","key")
);

-- CreateTable
CREATE TABLE "payout" (
    "id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "case_id" UUID,
    "seq" INTEGER NOT NULL,
    "total" DECIMAL(14,2) NOT NULL,
    "amounts" JSONB NOT NULL,
    "lines" JSONB NOT NULL,
    "trace" JSONB NOT NULL,
    "receipt" JSONB NOT NULL,
    "engine_version" TEXT NOT NULL,
    "input_hash" TEXT NOT NULL,
    "output_hash" TEXT NOT NULL,
    "accumulators_before" JSONB NOT NULL,
    "accumulators_after" JSONB NOT NULL,
    "posted_by_id" UUID,
    "posted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_file_number_key" ON "case_file"("number");

-- CreateIndex
CREATE INDEX "case_file_region_code_state_idx" ON "case_file"("region_code", "state");

-- CreateIndex
CREATE INDEX "case_file_person_id_idx" ON "case_file"("person_id");

-- CreateIndex
CREATE INDEX "case_file_state_publicity_ends_on_idx" ON "case_file"("state", "publicity_ends_on");

-- CreateIndex
CREATE INDEX "stored_file_sha256_idx" ON "stored_file"("sha256");

-- CreateIndex
CREATE INDEX "attachment_case_id_idx" ON "attachment"("case_id");

-- CreateIndex
CREATE INDEX "refusal_notice_case_id_idx" ON "refusal_notice"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "refusal_notice_county_code_year_seq_key" ON "refusal_notice"("county_code", "year", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "payout_claim_id_key" ON "payout"("claim_id");

-- CreateIndex
CREATE INDEX "payout_case_id_idx" ON "payout"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "payout_person_id_seq_key" ON "payout"("person_id", "seq");

-- CreateIndex
CREATE INDEX "claim_case_id_idx" ON "claim"("case_id");

-- AddForeignKey
ALTER TABLE "claim" ADD CONSTRAINT "claim_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_stored_file_id_fkey" FOREIGN KEY ("stored_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refusal_notice" ADD CONSTRAINT "refusal_notice_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refusal_notice" ADD CONSTRAINT "refusal_notice_stored_file_id_fkey" FOREIGN KEY ("stored_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "county_setting" ADD CONSTRAINT "county_setting_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_ledger" ADD CONSTRAINT "person_ledger_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_balance" ADD CONSTRAINT "ledger_balance_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person_ledger"("person_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout" ADD CONSTRAINT "payout_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout" ADD CONSTRAINT "payout_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout" ADD CONSTRAINT "payout_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A LOW_INCOME identity recognised by an approved case names the case as its source (issue 8).
ALTER TABLE "person_identity" ADD COLUMN "source_case_id" UUID;
ALTER TABLE "person_identity" ADD CONSTRAINT "person_identity_source_case_id_fkey" FOREIGN KEY ("source_case_id") REFERENCES "case_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
