-- AlterTable
ALTER TABLE "InspectionCase" ADD COLUMN     "closingReason" TEXT;
