-- CreateEnum
CREATE TYPE "FindingRevisionKind" AS ENUM ('EDITED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "FindingRevision" (
    "id" UUID NOT NULL,
    "findingId" UUID NOT NULL,
    "kind" "FindingRevisionKind" NOT NULL,
    "changes" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "revisedById" UUID NOT NULL,
    "revisedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FindingRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FindingRevision_findingId_revisedAt_idx" ON "FindingRevision"("findingId", "revisedAt");

-- CreateIndex
CREATE INDEX "FindingRevision_revisedById_idx" ON "FindingRevision"("revisedById");

-- AddForeignKey
ALTER TABLE "FindingRevision" ADD CONSTRAINT "FindingRevision_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingRevision" ADD CONSTRAINT "FindingRevision_revisedById_fkey" FOREIGN KEY ("revisedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
