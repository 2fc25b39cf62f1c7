-- CreateEnum
CREATE TYPE "StatutoryHoliday" AS ENUM ('NEW_YEAR', 'SPRING_FESTIVAL', 'QINGMING', 'LABOUR_DAY', 'DRAGON_BOAT', 'MID_AUTUMN', 'NATIONAL_DAY');

-- AlterTable
ALTER TABLE "InspectionCase" ADD COLUMN     "progressReportDueAwaitsYear" INTEGER,
ADD COLUMN     "writtenReportDueAwaitsYear" INTEGER;

-- CreateTable
CREATE TABLE "CalendarHoliday" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "holiday" "StatutoryHoliday" NOT NULL,
    "firstDayOff" DATE NOT NULL,
    "lastDayOff" DATE NOT NULL,
    "makeUpWorkingDays" DATE[],
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarHoliday_year_holiday_key" ON "CalendarHoliday"("year", "holiday");

-- Hand-written (Prisma's diff neither writes nor tracks CHECK constraints; tests/integration/schema.test.ts lists them).
-- A deadline is either known or waiting for a year's holiday arrangement, never both.
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_dueAwaits_check"
  CHECK (("progressReportDueOn" IS NULL OR "progressReportDueAwaitsYear" IS NULL)
     AND ("writtenReportDueOn" IS NULL OR "writtenReportDueAwaitsYear" IS NULL));
ALTER TABLE "CalendarHoliday" ADD CONSTRAINT "CalendarHoliday_days_check" CHECK ("firstDayOff" <= "lastDayOff");
