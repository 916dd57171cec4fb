-- Jobs (lib/jobs/, docs/decisions/007): progress and checkpoints of a run, and the results of
-- the recompute-claims job. pg-boss's own tables live in schema pgboss, created by pg-boss.
-- CreateEnum
CREATE TYPE "JobState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "job_run" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "state" "JobState" NOT NULL DEFAULT 'QUEUED',
    "total" INTEGER,
    "done" INTEGER NOT NULL DEFAULT 0,
    "checkpoint" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "requested_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_result" (
    "id" UUID NOT NULL,
    "claim_id" UUID NOT NULL,
    "engine_version" TEXT NOT NULL,
    "ruleset_hash" TEXT NOT NULL,
    "input_hash" TEXT NOT NULL,
    "output_hash" TEXT NOT NULL,
    "amounts" JSONB NOT NULL,
    "job_run_id" UUID,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_result_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_run_name_created_at_idx" ON "job_run"("name", "created_at");

-- CreateIndex
CREATE INDEX "claim_result_job_run_id_idx" ON "claim_result"("job_run_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_result_claim_id_engine_version_key" ON "claim_result"("claim_id", "engine_version");

-- AddForeignKey
ALTER TABLE "claim_result" ADD CONSTRAINT "claim_result_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_result" ADD CONSTRAINT "claim_result_job_run_id_fkey" FOREIGN KEY ("job_run_id") REFERENCES "job_run"("id") ON DELETE SET NULL ON UPDATE CASCADE;

