-- Sign-in throttle per client address (docs/decisions/008): counted in the database, one row per
-- address, reset when its window has passed.
CREATE TABLE "login_throttle" (
    "address" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("address")
);
