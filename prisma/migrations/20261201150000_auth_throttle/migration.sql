-- Throttles of sign-in (per client address) and of the current-password check (per user),
-- docs/decisions/008: counted in the database, one row per key, reset when its window has passed.
CREATE TABLE "auth_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "auth_throttle_pkey" PRIMARY KEY ("key")
);
