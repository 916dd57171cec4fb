-- Server-side revocation of sessions (docs/decisions/009): every session cookie carries the
-- account's session version; logout raises it, ending every session issued before.
ALTER TABLE "app_user" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 1;
