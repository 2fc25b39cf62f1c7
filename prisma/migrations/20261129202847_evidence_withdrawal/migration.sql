-- CreateTable
CREATE TABLE "EvidenceWithdrawal" (
    "id" UUID NOT NULL,
    "evidenceId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "withdrawnById" UUID NOT NULL,
    "withdrawnAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvidenceWithdrawal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvidenceWithdrawal_evidenceId_key" ON "EvidenceWithdrawal"("evidenceId");

-- CreateIndex
CREATE INDEX "EvidenceWithdrawal_withdrawnById_idx" ON "EvidenceWithdrawal"("withdrawnById");

-- AddForeignKey
ALTER TABLE "EvidenceWithdrawal" ADD CONSTRAINT "EvidenceWithdrawal_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvidenceWithdrawal" ADD CONSTRAINT "EvidenceWithdrawal_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
