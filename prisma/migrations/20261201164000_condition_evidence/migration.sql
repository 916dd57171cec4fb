-- A recorded condition names its evidence (issue 9, item 1).
ALTER TABLE "person_condition" ADD COLUMN "evidence" TEXT;
