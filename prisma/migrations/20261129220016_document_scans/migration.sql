-- CreateTable
CREATE TABLE "DocumentScan" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "note" TEXT,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentScan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentScan_fileId_key" ON "DocumentScan"("fileId");

-- CreateIndex
CREATE INDEX "DocumentScan_documentId_idx" ON "DocumentScan"("documentId");

-- CreateIndex
CREATE INDEX "DocumentScan_uploadedById_idx" ON "DocumentScan"("uploadedById");

-- AddForeignKey
ALTER TABLE "DocumentScan" ADD CONSTRAINT "DocumentScan_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "CaseDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentScan" ADD CONSTRAINT "DocumentScan_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentScan" ADD CONSTRAINT "DocumentScan_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
