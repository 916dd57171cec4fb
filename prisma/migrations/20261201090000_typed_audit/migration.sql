-- Typed audit (docs/decisions/006): who acted (a user, a job, an import, or nobody signed in),
-- the job and batch behind a system row, and the region as a real reference so that the audit page
-- scopes rows with the same rule as every other query. Rows written before this migration keep
-- actor_type USER (the default fills them without an UPDATE, which the table refuses).
CREATE TYPE "AuditActorType" AS ENUM ('USER', 'SYSTEM', 'IMPORT', 'ANONYMOUS');

ALTER TABLE "audit_log"
    ADD COLUMN "actor_type" "AuditActorType" NOT NULL DEFAULT 'USER',
    ADD COLUMN "job_id" TEXT,
    ADD COLUMN "batch_id" TEXT;

ALTER TABLE "audit_log"
    ADD CONSTRAINT "audit_log_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");
