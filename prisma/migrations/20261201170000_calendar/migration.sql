-- Working-day calendar years entered by an administrator (lib/calendar/): the years chinese-days
-- does not carry yet.
-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateTable
CREATE TABLE "calendar_year" (
    "year" INTEGER NOT NULL,
    "notice" TEXT NOT NULL,
    "entered_by" TEXT NOT NULL,
    "entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "calendar_day" (
    "date" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,

    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("date"),
    CONSTRAINT "calendar_day_in_year" CHECK (EXTRACT(YEAR FROM "date") = "year")
);

-- CreateIndex
CREATE INDEX "calendar_day_year_idx" ON "calendar_day"("year");

-- AddForeignKey
ALTER TABLE "calendar_day" ADD CONSTRAINT "calendar_day_year_fkey" FOREIGN KEY ("year") REFERENCES "calendar_year"("year") ON DELETE CASCADE ON UPDATE CASCADE;
