-- The residents' scheme's contribution tier (档次) of an enrolment period, where the person's
-- jurisdiction has tiers (Qijiang: QJ-YF-2023 Art. 5). Existing periods keep null.
ALTER TABLE "insurance_enrollment" ADD COLUMN "tier" TEXT;
