-- 动态调整 lists (lib/roster/, YQ-JZ-2019 §6(1)): a batch per upload with its diff and row errors,
-- its certificate once confirmed, and the identities it started or ended.
-- CreateEnum
CREATE TYPE "RosterBureau" AS ENUM ('CIVIL_AFFAIRS', 'VETERANS_AFFAIRS');

-- CreateEnum
CREATE TYPE "RosterState" AS ENUM ('UPLOADED', 'SUPERSEDED', 'APPLYING', 'CONFIRMED', 'ACKNOWLEDGED');

-- CreateEnum
CREATE TYPE "RosterEntryKind" AS ENUM ('ADDED', 'REMOVED', 'CHANGED');

-- AlterTable
ALTER TABLE "person_identity" ADD COLUMN     "ended_by_roster_batch_id" UUID,
ADD COLUMN     "roster_batch_id" UUID;

-- CreateTable
CREATE TABLE "roster_batch" (
    "id" UUID NOT NULL,
    "region_code" TEXT NOT NULL,
    "bureau" "RosterBureau" NOT NULL,
    "period" TEXT NOT NULL,
    "period_from" DATE NOT NULL,
    "period_to" DATE NOT NULL,
    "adjusted_on" DATE NOT NULL,
    "due_on" DATE,
    "state" "RosterState" NOT NULL DEFAULT 'UPLOADED',
    "file_name" TEXT NOT NULL,
    "file_id" UUID NOT NULL,
    "rows" INTEGER NOT NULL,
    "error_count" INTEGER NOT NULL,
    "added" INTEGER NOT NULL,
    "removed" INTEGER NOT NULL,
    "changed" INTEGER NOT NULL,
    "uploaded_by_id" TEXT NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "certificate_date" DATE,
    "certificate_file_id" UUID,
    "certificate_sha256" TEXT,
    "confirmed_by" TEXT,
    "confirmed_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3),
    "job_run_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "roster_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "roster_entry" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "row_no" INTEGER NOT NULL,
    "kind" "RosterEntryKind" NOT NULL,
    "person_id" UUID,
    "id_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "township_code" TEXT NOT NULL,
    "category" "IdentityType" NOT NULL,
    "previous" "IdentityType",
    "removed_on" DATE,
    "household_size" INTEGER,
    "reason" TEXT NOT NULL,
    "effective_date" DATE NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "Sex" NOT NULL,

    CONSTRAINT "roster_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "roster_row_error" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "row_no" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "id_number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "roster_row_error_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "roster_batch_region_code_bureau_state_idx" ON "roster_batch"("region_code", "bureau", "state");

-- CreateIndex
CREATE INDEX "roster_entry_batch_id_row_no_idx" ON "roster_entry"("batch_id", "row_no");

-- CreateIndex
CREATE INDEX "roster_row_error_batch_id_row_no_idx" ON "roster_row_error"("batch_id", "row_no");

-- AddForeignKey
ALTER TABLE "person_identity" ADD CONSTRAINT "person_identity_roster_batch_id_fkey" FOREIGN KEY ("roster_batch_id") REFERENCES "roster_batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_identity" ADD CONSTRAINT "person_identity_ended_by_roster_batch_id_fkey" FOREIGN KEY ("ended_by_roster_batch_id") REFERENCES "roster_batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roster_batch" ADD CONSTRAINT "roster_batch_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roster_batch" ADD CONSTRAINT "roster_batch_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roster_batch" ADD CONSTRAINT "roster_batch_certificate_file_id_fkey" FOREIGN KEY ("certificate_file_id") REFERENCES "stored_file"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roster_entry" ADD CONSTRAINT "roster_entry_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "roster_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roster_row_error" ADD CONSTRAINT "roster_row_error_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "roster_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

