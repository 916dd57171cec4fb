-- Person records kept through commands (issue 9, item 1): payment account, death and transfer-out.
ALTER TABLE "person" ADD COLUMN "bank_account" TEXT;
ALTER TABLE "person" ADD COLUMN "died_on" DATE;
ALTER TABLE "person" ADD COLUMN "moved_out_on" DATE;
