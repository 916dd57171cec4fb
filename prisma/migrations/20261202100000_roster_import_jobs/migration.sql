-- 动态调整 lists as jobs (docs/decisions/017): a list is CHECKING while the roster-check job reads
-- and compares it, FAILED when its file cannot be read or it cannot be applied (failure_key says
-- why); the batch points at the run of its current job (progress in job_run).
-- ADD VALUE cannot run inside a transaction block on PostgreSQL 11 and earlier; we need 15+.
ALTER TYPE "RosterState" ADD VALUE 'CHECKING';
ALTER TYPE "RosterState" ADD VALUE 'FAILED';

-- AlterTable
ALTER TABLE "roster_batch" ADD COLUMN     "failure_key" TEXT,
ADD COLUMN     "failure_values" JSONB;

-- CreateIndex
CREATE INDEX "roster_batch_job_run_id_idx" ON "roster_batch"("job_run_id");

-- The diff page by page, filtered by kind.
CREATE INDEX "roster_entry_batch_id_kind_row_no_idx" ON "roster_entry"("batch_id", "kind", "row_no");

-- AddForeignKey
ALTER TABLE "roster_batch" ADD CONSTRAINT "roster_batch_job_run_id_fkey" FOREIGN KEY ("job_run_id") REFERENCES "job_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;
