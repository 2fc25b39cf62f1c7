-- AlterTable
ALTER TABLE "ProblemRecordSignature" ADD COLUMN     "recordVersion" INTEGER;
