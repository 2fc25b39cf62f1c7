-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('ON_SITE_NOTICE', 'ON_SITE_RECORD', 'INTERVIEW_RECORD', 'PROBLEM_RECORD', 'SEIZURE_LIST', 'FEEDBACK_REPORT', 'HANDOVER', 'AMOUNT_CONFIRMATION', 'REFUND_NOTICE', 'TRANSFER_LETTER', 'SERVICE_RECEIPT');

-- CreateEnum
CREATE TYPE "DocumentPdfStatus" AS ENUM ('PENDING', 'DONE', 'FAILED', 'UNAVAILABLE');

-- CreateTable
CREATE TABLE "DocumentNumberCounter" (
    "organizationId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "lastSequence" INTEGER NOT NULL,

    CONSTRAINT "DocumentNumberCounter_pkey" PRIMARY KEY ("organizationId","kind","year")
);

-- CreateTable
CREATE TABLE "CaseDocument" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "seriesKey" TEXT NOT NULL,
    "subjectDocumentId" UUID,
    "revision" INTEGER NOT NULL,
    "issuerOrganizationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "issuedOn" DATE NOT NULL,
    "verificationCode" TEXT NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "fileId" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "caseVersion" INTEGER NOT NULL,
    "auditHeadHash" TEXT NOT NULL,
    "pdfStatus" "DocumentPdfStatus" NOT NULL,
    "pdfFileId" UUID,
    "pdfAttempts" INTEGER NOT NULL DEFAULT 0,
    "pdfError" TEXT,
    "generatedById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CaseDocument_verificationCode_key" ON "CaseDocument"("verificationCode");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDocument_fileId_key" ON "CaseDocument"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDocument_pdfFileId_key" ON "CaseDocument"("pdfFileId");

-- CreateIndex
CREATE INDEX "CaseDocument_subjectDocumentId_idx" ON "CaseDocument"("subjectDocumentId");

-- CreateIndex
CREATE INDEX "CaseDocument_generatedById_idx" ON "CaseDocument"("generatedById");

-- CreateIndex
CREATE INDEX "CaseDocument_pdfStatus_idx" ON "CaseDocument"("pdfStatus");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDocument_caseId_seriesKey_revision_key" ON "CaseDocument"("caseId", "seriesKey", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "CaseDocument_issuerOrganizationId_kind_year_sequence_revisi_key" ON "CaseDocument"("issuerOrganizationId", "kind", "year", "sequence", "revision");

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_subjectDocumentId_fkey" FOREIGN KEY ("subjectDocumentId") REFERENCES "CaseDocument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_issuerOrganizationId_fkey" FOREIGN KEY ("issuerOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_pdfFileId_fkey" FOREIGN KEY ("pdfFileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseDocument" ADD CONSTRAINT "CaseDocument_generatedById_fkey" FOREIGN KEY ("generatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
