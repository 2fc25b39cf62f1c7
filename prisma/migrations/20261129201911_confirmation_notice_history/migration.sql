-- CreateEnum
CREATE TYPE "SupersededNoticeOutcome" AS ENUM ('WITHDRAWN', 'DISPUTED');

-- AlterTable
ALTER TABLE "AmountConfirmationNotice" ADD COLUMN     "deviationReason" TEXT,
ADD COLUMN     "breakdown" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "findingsAmount" DECIMAL(18,2);

-- A notice issued before this change was the findings' total or the city's own amount: the notice's amount stands for both.
UPDATE "AmountConfirmationNotice" SET "findingsAmount" = "amount";
ALTER TABLE "AmountConfirmationNotice" ALTER COLUMN "findingsAmount" SET NOT NULL;

-- CreateTable
CREATE TABLE "SupersededConfirmationNotice" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "number" TEXT,
    "amount" DECIMAL(18,2) NOT NULL,
    "findingsAmount" DECIMAL(18,2) NOT NULL,
    "deviationReason" TEXT,
    "breakdown" JSONB NOT NULL,
    "issuedById" UUID NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "outcome" "SupersededNoticeOutcome" NOT NULL,
    "reason" TEXT NOT NULL,
    "closedById" UUID NOT NULL,
    "closedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SupersededConfirmationNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandlingSettings" (
    "id" UUID NOT NULL,
    "singleton" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "differenceThresholdPercent" DECIMAL(5,2) NOT NULL DEFAULT 10,
    "differenceThresholdAmount" DECIMAL(18,2) NOT NULL DEFAULT 10000,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HandlingSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupersededConfirmationNotice_caseId_idx" ON "SupersededConfirmationNotice"("caseId");

-- CreateIndex
CREATE INDEX "SupersededConfirmationNotice_issuedById_idx" ON "SupersededConfirmationNotice"("issuedById");

-- CreateIndex
CREATE INDEX "SupersededConfirmationNotice_closedById_idx" ON "SupersededConfirmationNotice"("closedById");

-- CreateIndex
CREATE UNIQUE INDEX "HandlingSettings_singleton_key" ON "HandlingSettings"("singleton");

-- CreateIndex
CREATE INDEX "HandlingSettings_updatedById_idx" ON "HandlingSettings"("updatedById");

-- AddForeignKey
ALTER TABLE "SupersededConfirmationNotice" ADD CONSTRAINT "SupersededConfirmationNotice_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupersededConfirmationNotice" ADD CONSTRAINT "SupersededConfirmationNotice_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupersededConfirmationNotice" ADD CONSTRAINT "SupersededConfirmationNotice_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandlingSettings" ADD CONSTRAINT "HandlingSettings_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One settings row.
ALTER TABLE "HandlingSettings" ADD CONSTRAINT "HandlingSettings_single_row" CHECK ("singleton");
ALTER TABLE "HandlingSettings" ADD CONSTRAINT "HandlingSettings_thresholds_check" CHECK ("differenceThresholdPercent" >= 0 AND "differenceThresholdPercent" <= 100 AND "differenceThresholdAmount" >= 0);
ALTER TABLE "SupersededConfirmationNotice" ADD CONSTRAINT "SupersededConfirmationNotice_reason_check" CHECK (length(btrim("reason")) > 0);

-- Issue 12 §5: a deduction from settlement is recorded with its voucher too. Earlier rows keep what they had.
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_voucher_required" CHECK ("voucherFileId" IS NOT NULL) NOT VALID;
