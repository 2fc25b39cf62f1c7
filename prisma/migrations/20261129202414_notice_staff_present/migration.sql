-- CreateTable
CREATE TABLE "OnSiteNoticeStaff" (
    "noticeId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "OnSiteNoticeStaff_pkey" PRIMARY KEY ("noticeId","userId")
);

-- CreateIndex
CREATE INDEX "OnSiteNoticeStaff_userId_idx" ON "OnSiteNoticeStaff"("userId");

-- AddForeignKey
ALTER TABLE "OnSiteNoticeStaff" ADD CONSTRAINT "OnSiteNoticeStaff_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "OnSiteNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnSiteNoticeStaff" ADD CONSTRAINT "OnSiteNoticeStaff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
