-- CreateEnum
CREATE TYPE "PublicationKind" AS ENUM ('RESULT', 'TYPICAL_CASE');

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('PROPOSED', 'PUBLISHED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "decidedAt" TIMESTAMPTZ(3),
ADD COLUMN     "kind" "PublicationKind" NOT NULL DEFAULT 'RESULT',
ADD COLUMN     "proposedAt" TIMESTAMPTZ(3),
ADD COLUMN     "proposedById" UUID,
ADD COLUMN     "publishDueOn" DATE,
ADD COLUMN     "regionName" TEXT,
ADD COLUMN     "status" "PublicationStatus" NOT NULL DEFAULT 'PROPOSED',
ADD COLUMN     "takeDownAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnById" UUID,
ADD COLUMN     "year" INTEGER;

-- CreateTable
CREATE TABLE "PublicationSettings" (
    "id" UUID NOT NULL,
    "singleton" BOOLEAN NOT NULL DEFAULT true,
    "publishWithinWorkingDays" INTEGER NOT NULL DEFAULT 7,
    "retentionYears" INTEGER NOT NULL DEFAULT 5,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PublicationSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicationSettings_singleton_key" ON "PublicationSettings"("singleton");

-- CreateIndex
CREATE INDEX "Publication_proposedById_idx" ON "Publication"("proposedById");

-- CreateIndex
CREATE INDEX "Publication_withdrawnById_idx" ON "Publication"("withdrawnById");

-- CreateIndex
CREATE INDEX "Publication_status_publishedAt_idx" ON "Publication"("status", "publishedAt");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One settings row.
ALTER TABLE "PublicationSettings" ADD CONSTRAINT "PublicationSettings_single_row" CHECK ("singleton");
ALTER TABLE "PublicationSettings" ADD CONSTRAINT "PublicationSettings_periods" CHECK ("publishWithinWorkingDays" BETWEEN 1 AND 60 AND "retentionYears" BETWEEN 1 AND 30);

-- Four eyes in the database too: what was published was approved by someone other than its proposer.
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_four_eyes" CHECK ("publishedById" IS NULL OR "proposedById" IS NULL OR "publishedById" <> "proposedById");
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_published_complete" CHECK ("status" = 'PROPOSED' OR "withdrawnAt" IS NOT NULL OR ("publishedAt" IS NOT NULL AND "publishedById" IS NOT NULL AND "takeDownAt" IS NOT NULL));
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_withdrawn_reason" CHECK ("status" <> 'WITHDRAWN' OR ("withdrawnAt" IS NOT NULL AND "withdrawnReason" IS NOT NULL));
