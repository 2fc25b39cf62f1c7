-- CreateEnum
CREATE TYPE "CaseState" AS ENUM ('DRAWN', 'NOTIFIED', 'ON_SITE', 'FINDINGS_RECORDED', 'RECORD_SIGNED', 'HANDED_OVER', 'UNDER_APPEAL', 'AMOUNTS_CONFIRMED', 'REFUNDED', 'RECTIFYING', 'RECTIFIED', 'CLOSED');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('RECORDED', 'UNDER_REVIEW', 'UPHELD', 'AMENDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('PHOTO', 'AUDIO', 'VIDEO', 'COPY', 'ON_SITE_RECORD', 'INTERVIEW_RECORD', 'OTHER');

-- CreateEnum
CREATE TYPE "SignatureSide" AS ENUM ('TEAM', 'INSTITUTION');

-- CreateEnum
CREATE TYPE "DrawKind" AS ENUM ('TEAMS', 'TARGETS');

-- CreateEnum
CREATE TYPE "DrawStatus" AS ENUM ('MANIFEST_FIXED', 'COMMITTED', 'ENTROPY_ENTERED', 'DRAWN', 'STOPPED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "AppealGrounds" AS ENUM ('DUPLICATE_DEDUCTION', 'DISPUTED_FINDING');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('OPEN', 'DECIDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPEAL_REJECTED', 'FINDING_AMENDED', 'FINDING_WITHDRAWN');

-- CreateEnum
CREATE TYPE "RefundMethod" AS ENUM ('TRANSFER', 'SETTLEMENT_DEDUCTION');

-- CreateEnum
CREATE TYPE "TransferOrgan" AS ENUM ('POLICE', 'DISCIPLINE', 'HEALTH', 'MARKET_REGULATION', 'AUDIT', 'JUDICIAL', 'OTHER');

-- CreateEnum
CREATE TYPE "InstitutionKind" AS ENUM ('HOSPITAL', 'PHARMACY', 'AGENCY');

-- CreateEnum
CREATE TYPE "HospitalTier" AS ENUM ('TIER_3', 'TIER_2', 'TIER_1_OR_BELOW');

-- CreateEnum
CREATE TYPE "InspectionLevel" AS ENUM ('NATIONAL', 'PROVINCIAL', 'CITY');

-- CreateEnum
CREATE TYPE "ExpertPool" AS ENUM ('EXPERT', 'THIRD_PARTY');

-- CreateEnum
CREATE TYPE "MasterDataKind" AS ENUM ('INSTITUTION', 'FUND_USAGE', 'INSPECTION_HISTORY', 'EXPERT');

-- CreateEnum
CREATE TYPE "PlanLevel" AS ENUM ('PROVINCIAL', 'CITY', 'COUNTY');

-- CreateEnum
CREATE TYPE "InspectionTrigger" AS ENUM ('ANNUAL_PLAN', 'TIP_OFF', 'DATA_SCREENING', 'MEDIA', 'OTHER');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "PlanPhaseKind" AS ENUM ('PREPARATION', 'KICKOFF', 'ON_SITE', 'HANDLING', 'LOOK_BACK');

-- CreateEnum
CREATE TYPE "HospitalPoolRule" AS ENUM ('TOP_K', 'TOP_PERCENT');

-- CreateEnum
CREATE TYPE "DesignationKind" AS ENUM ('HOSPITAL', 'PHARMACY', 'LOOK_BACK');

-- CreateEnum
CREATE TYPE "RectificationReportKind" AS ENUM ('PROGRESS', 'WRITTEN');

-- CreateEnum
CREATE TYPE "RectificationReportStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "TeamRole" AS ENUM ('LEADER', 'DEPUTY', 'LIAISON', 'MEMBER', 'EXPERT', 'THIRD_PARTY');

-- CreateEnum
CREATE TYPE "TeamMemberSource" AS ENUM ('MANUAL', 'DRAWN', 'REPLACEMENT');

-- CreateTable
CREATE TABLE "CalendarOverride" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "working" BOOLEAN NOT NULL,
    "note" TEXT,
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "complete" BOOLEAN NOT NULL DEFAULT false,
    "sourceNotice" TEXT,
    "confirmedById" UUID,
    "confirmedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionCase" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "teamId" UUID,
    "institutionId" UUID NOT NULL,
    "inspectedRegionId" UUID NOT NULL,
    "drawId" UUID,
    "state" "CaseState" NOT NULL DEFAULT 'DRAWN',
    "trigger" "InspectionTrigger" NOT NULL,
    "designated" BOOLEAN NOT NULL DEFAULT false,
    "designationReason" TEXT,
    "lookBack" BOOLEAN NOT NULL DEFAULT false,
    "lookBackOfCaseId" UUID,
    "noticeDeliveredAt" TIMESTAMPTZ(3),
    "handoverReceivedAt" TIMESTAMPTZ(3),
    "progressReportDueOn" DATE,
    "handedOverAmount" DECIMAL(18,2),
    "handlingEndedAt" TIMESTAMPTZ(3),
    "handledAmount" DECIMAL(18,2),
    "handlingDiffersFromHandover" BOOLEAN NOT NULL DEFAULT false,
    "writtenReportDueOn" DATE,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InspectionCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnSiteNotice" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3) NOT NULL,
    "recipientName" TEXT NOT NULL,
    "recipientTitle" TEXT NOT NULL,
    "deliveredById" UUID NOT NULL,
    "fileId" UUID,

    CONSTRAINT "OnSiteNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "violationTypeId" UUID NOT NULL,
    "keyAreaId" UUID,
    "legalBasis" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "status" "FindingStatus" NOT NULL DEFAULT 'RECORDED',
    "recordedById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "findingId" UUID,
    "kind" "EvidenceKind" NOT NULL,
    "fileId" UUID NOT NULL,
    "description" TEXT,
    "capturedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Seizure" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "itemList" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "sealedAt" TIMESTAMPTZ(3) NOT NULL,
    "sealedById" UUID NOT NULL,
    "listFileId" UUID,
    "releasedAt" TIMESTAMPTZ(3),
    "releaseNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Seizure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnSiteProblemRecord" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "contentSha256" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OnSiteProblemRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemRecordSignature" (
    "id" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "side" "SignatureSide" NOT NULL,
    "signedById" UUID NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "contentSha256" TEXT NOT NULL,

    CONSTRAINT "ProblemRecordSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionStatistics" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "recordsChecked" INTEGER NOT NULL DEFAULT 0,
    "interviews" INTEGER NOT NULL DEFAULT 0,
    "drugsVerified" INTEGER NOT NULL DEFAULT 0,
    "violations" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InspectionStatistics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackReport" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "summary" TEXT NOT NULL,
    "fileId" UUID,
    "writtenById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FeedbackReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Handover" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "handedOverById" UUID NOT NULL,
    "receivingOrganizationId" UUID NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,

    CONSTRAINT "Handover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Draw" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "kind" "DrawKind" NOT NULL,
    "planRegionId" UUID,
    "status" "DrawStatus" NOT NULL DEFAULT 'MANIFEST_FIXED',
    "manifest" JSONB NOT NULL,
    "manifestHash" TEXT NOT NULL,
    "publicEntropy" TEXT,
    "seed" TEXT,
    "record" JSONB,
    "resultHash" TEXT,
    "drawnAt" TIMESTAMPTZ(3),
    "stoppedAt" TIMESTAMPTZ(3),
    "supersedesId" UUID,
    "redrawReason" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Draw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DrawCommitment" (
    "id" UUID NOT NULL,
    "drawId" UUID NOT NULL,
    "partyId" UUID NOT NULL,
    "commitment" TEXT NOT NULL,
    "committedAt" TIMESTAMPTZ(3) NOT NULL,
    "salt" TEXT,
    "revealedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DrawCommitment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FileObject" (
    "id" UUID NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mediaType" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FileObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "findingId" UUID,
    "content" TEXT NOT NULL,
    "fileId" UUID,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Statement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "findingId" UUID,
    "grounds" "AppealGrounds" NOT NULL,
    "statement" TEXT NOT NULL,
    "fileId" UUID,
    "status" "AppealStatus" NOT NULL DEFAULT 'OPEN',
    "filedById" UUID NOT NULL,
    "filedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "appealId" UUID NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "revisedAmount" DECIMAL(18,2),
    "reasoning" TEXT NOT NULL,
    "expertMeeting" BOOLEAN NOT NULL DEFAULT false,
    "meetingNote" TEXT,
    "fileId" UUID,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AmountConfirmationNotice" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "number" TEXT,
    "amount" DECIMAL(18,2) NOT NULL,
    "fileId" UUID,
    "issuedById" UUID NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AmountConfirmationNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfirmationLetter" (
    "id" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "fileId" UUID,
    "signedById" UUID NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConfirmationLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RefundNotice" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "number" TEXT,
    "amount" DECIMAL(18,2) NOT NULL,
    "fundAccount" TEXT NOT NULL,
    "dueOn" DATE,
    "fileId" UUID,
    "issuedById" UUID NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RefundNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refund" (
    "id" UUID NOT NULL,
    "refundNoticeId" UUID NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "method" "RefundMethod" NOT NULL DEFAULT 'TRANSFER',
    "paidOn" DATE NOT NULL,
    "voucherFileId" UUID,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Penalty" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "multiple" DECIMAL(4,2),
    "amount" DECIMAL(18,2),
    "suspensionMonths" INTEGER,
    "legalBasis" TEXT NOT NULL,
    "documentNumber" TEXT,
    "fileId" UUID,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Penalty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "findingId" UUID,
    "organ" "TransferOrgan" NOT NULL,
    "organName" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,
    "sentById" UUID NOT NULL,
    "note" TEXT,
    "fileId" UUID,
    "outcome" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Institution" (
    "id" UUID NOT NULL,
    "kind" "InstitutionKind" NOT NULL,
    "hospitalTier" "HospitalTier",
    "nationalCode" TEXT NOT NULL,
    "unifiedSocialCreditCode" TEXT,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "poolingRegionId" UUID NOT NULL,
    "organizationId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Institution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundUsage" (
    "id" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FundUsage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionHistory" (
    "id" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "level" "InspectionLevel" NOT NULL,
    "year" INTEGER NOT NULL,
    "planId" UUID,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "InspectionHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ViolationType" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "legalBasis" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ViolationType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyArea" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "legalBasis" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "KeyArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expert" (
    "id" UUID NOT NULL,
    "staffNumber" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pool" "ExpertPool" NOT NULL,
    "specialty" TEXT,
    "employerInstitutionId" UUID,
    "employerName" TEXT,
    "homeRegionId" UUID,
    "userId" UUID,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastServedYear" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Expert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictDeclaration" (
    "id" UUID NOT NULL,
    "userId" UUID,
    "expertId" UUID,
    "institutionId" UUID,
    "poolingRegionId" UUID,
    "planId" UUID,
    "reason" TEXT NOT NULL,
    "declaredAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" UUID NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConflictDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MasterDataImport" (
    "id" UUID NOT NULL,
    "kind" "MasterDataKind" NOT NULL,
    "fileId" UUID NOT NULL,
    "rowsAdded" INTEGER NOT NULL,
    "rowsUpdated" INTEGER NOT NULL,
    "rowsUnchanged" INTEGER NOT NULL,
    "importedById" UUID NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MasterDataImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "level" "PlanLevel" NOT NULL,
    "trigger" "InspectionTrigger" NOT NULL,
    "title" TEXT NOT NULL,
    "documentNumber" TEXT,
    "scope" TEXT,
    "organizationId" UUID NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "referenceYears" INTEGER[],
    "lookBackUpToYear" INTEGER,
    "appealWindowWorkingDays" INTEGER,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanPhase" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "kind" "PlanPhaseKind" NOT NULL,
    "title" TEXT,
    "startsOn" DATE,
    "endsOn" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanPhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanKeyArea" (
    "planId" UUID NOT NULL,
    "keyAreaId" UUID NOT NULL,

    CONSTRAINT "PlanKeyArea_pkey" PRIMARY KEY ("planId","keyAreaId")
);

-- CreateTable
CREATE TABLE "PlanExclusionWindow" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "level" "InspectionLevel" NOT NULL,
    "fromYear" INTEGER NOT NULL,
    "toYear" INTEGER NOT NULL,

    CONSTRAINT "PlanExclusionWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanParticipatingRegion" (
    "planId" UUID NOT NULL,
    "poolingRegionId" UUID NOT NULL,

    CONSTRAINT "PlanParticipatingRegion_pkey" PRIMARY KEY ("planId","poolingRegionId")
);

-- CreateTable
CREATE TABLE "PlanRegion" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "poolingRegionId" UUID NOT NULL,
    "hospitalPoolRule" "HospitalPoolRule" NOT NULL DEFAULT 'TOP_K',
    "hospitalPoolValue" INTEGER NOT NULL,
    "hospitalsToDraw" INTEGER NOT NULL,
    "pharmaciesTopN" INTEGER NOT NULL DEFAULT 10,
    "pharmaciesToDraw" INTEGER NOT NULL DEFAULT 2,
    "includeAgency" BOOLEAN NOT NULL DEFAULT true,
    "lookBackCount" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanRegion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DesignatedTarget" (
    "id" UUID NOT NULL,
    "planRegionId" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "kind" "DesignationKind" NOT NULL,
    "trigger" "InspectionTrigger" NOT NULL DEFAULT 'OTHER',
    "reason" TEXT NOT NULL,
    "designatedById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DesignatedTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CeremonyParty" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CeremonyParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Publication" (
    "id" UUID NOT NULL,
    "caseId" UUID,
    "planId" UUID,
    "title" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawnReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "requirements" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Rectification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationReport" (
    "id" UUID NOT NULL,
    "rectificationId" UUID NOT NULL,
    "kind" "RectificationReportKind" NOT NULL,
    "summary" TEXT NOT NULL,
    "fileId" UUID,
    "status" "RectificationReportStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RectificationReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationMaterial" (
    "id" UUID NOT NULL,
    "rectificationId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DifferenceExplanation" (
    "id" UUID NOT NULL,
    "caseId" UUID NOT NULL,
    "explanation" TEXT NOT NULL,
    "fileId" UUID,
    "writtenById" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DifferenceExplanation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "drawId" UUID,
    "inspectedRegionId" UUID NOT NULL,
    "inspectingRegionId" UUID,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "userId" UUID,
    "expertId" UUID,
    "role" "TeamRole" NOT NULL,
    "isLawEnforcement" BOOLEAN NOT NULL DEFAULT false,
    "source" "TeamMemberSource" NOT NULL DEFAULT 'MANUAL',
    "drawId" UUID,
    "replacesMemberId" UUID,
    "withdrawnAt" TIMESTAMPTZ(3),
    "withdrawReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitmentLetter" (
    "id" UUID NOT NULL,
    "teamMemberId" UUID NOT NULL,
    "textSha256" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "fileId" UUID,

    CONSTRAINT "CommitmentLetter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarOverride_date_key" ON "CalendarOverride"("date");

-- CreateIndex
CREATE INDEX "CalendarOverride_createdById_idx" ON "CalendarOverride"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarYear_year_key" ON "CalendarYear"("year");

-- CreateIndex
CREATE INDEX "CalendarYear_confirmedById_idx" ON "CalendarYear"("confirmedById");

-- CreateIndex
CREATE INDEX "InspectionCase_planId_institutionId_idx" ON "InspectionCase"("planId", "institutionId");

-- CreateIndex
CREATE INDEX "InspectionCase_teamId_idx" ON "InspectionCase"("teamId");

-- CreateIndex
CREATE INDEX "InspectionCase_institutionId_state_idx" ON "InspectionCase"("institutionId", "state");

-- CreateIndex
CREATE INDEX "InspectionCase_inspectedRegionId_state_idx" ON "InspectionCase"("inspectedRegionId", "state");

-- CreateIndex
CREATE INDEX "InspectionCase_drawId_idx" ON "InspectionCase"("drawId");

-- CreateIndex
CREATE INDEX "InspectionCase_lookBackOfCaseId_idx" ON "InspectionCase"("lookBackOfCaseId");

-- CreateIndex
CREATE UNIQUE INDEX "OnSiteNotice_caseId_key" ON "OnSiteNotice"("caseId");

-- CreateIndex
CREATE INDEX "OnSiteNotice_deliveredById_idx" ON "OnSiteNotice"("deliveredById");

-- CreateIndex
CREATE INDEX "OnSiteNotice_fileId_idx" ON "OnSiteNotice"("fileId");

-- CreateIndex
CREATE INDEX "OnSiteNotice_number_idx" ON "OnSiteNotice"("number");

-- CreateIndex
CREATE INDEX "Finding_caseId_status_idx" ON "Finding"("caseId", "status");

-- CreateIndex
CREATE INDEX "Finding_violationTypeId_idx" ON "Finding"("violationTypeId");

-- CreateIndex
CREATE INDEX "Finding_keyAreaId_idx" ON "Finding"("keyAreaId");

-- CreateIndex
CREATE INDEX "Finding_recordedById_idx" ON "Finding"("recordedById");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_fileId_key" ON "Evidence"("fileId");

-- CreateIndex
CREATE INDEX "Evidence_caseId_idx" ON "Evidence"("caseId");

-- CreateIndex
CREATE INDEX "Evidence_findingId_idx" ON "Evidence"("findingId");

-- CreateIndex
CREATE INDEX "Seizure_caseId_idx" ON "Seizure"("caseId");

-- CreateIndex
CREATE INDEX "Seizure_sealedById_idx" ON "Seizure"("sealedById");

-- CreateIndex
CREATE INDEX "Seizure_listFileId_idx" ON "Seizure"("listFileId");

-- CreateIndex
CREATE UNIQUE INDEX "OnSiteProblemRecord_caseId_key" ON "OnSiteProblemRecord"("caseId");

-- CreateIndex
CREATE INDEX "ProblemRecordSignature_signedById_idx" ON "ProblemRecordSignature"("signedById");

-- CreateIndex
CREATE UNIQUE INDEX "ProblemRecordSignature_recordId_side_key" ON "ProblemRecordSignature"("recordId", "side");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionStatistics_caseId_key" ON "InspectionStatistics"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackReport_caseId_key" ON "FeedbackReport"("caseId");

-- CreateIndex
CREATE INDEX "FeedbackReport_fileId_idx" ON "FeedbackReport"("fileId");

-- CreateIndex
CREATE INDEX "FeedbackReport_writtenById_idx" ON "FeedbackReport"("writtenById");

-- CreateIndex
CREATE UNIQUE INDEX "Handover_caseId_key" ON "Handover"("caseId");

-- CreateIndex
CREATE INDEX "Handover_handedOverById_idx" ON "Handover"("handedOverById");

-- CreateIndex
CREATE INDEX "Handover_receivingOrganizationId_idx" ON "Handover"("receivingOrganizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Draw_manifestHash_key" ON "Draw"("manifestHash");

-- CreateIndex
CREATE UNIQUE INDEX "Draw_supersedesId_key" ON "Draw"("supersedesId");

-- CreateIndex
CREATE INDEX "Draw_planId_kind_idx" ON "Draw"("planId", "kind");

-- CreateIndex
CREATE INDEX "Draw_planRegionId_idx" ON "Draw"("planRegionId");

-- CreateIndex
CREATE INDEX "Draw_createdById_idx" ON "Draw"("createdById");

-- CreateIndex
CREATE INDEX "DrawCommitment_partyId_idx" ON "DrawCommitment"("partyId");

-- CreateIndex
CREATE UNIQUE INDEX "DrawCommitment_drawId_partyId_key" ON "DrawCommitment"("drawId", "partyId");

-- CreateIndex
CREATE UNIQUE INDEX "FileObject_storageKey_key" ON "FileObject"("storageKey");

-- CreateIndex
CREATE INDEX "FileObject_uploadedById_idx" ON "FileObject"("uploadedById");

-- CreateIndex
CREATE INDEX "FileObject_sha256_idx" ON "FileObject"("sha256");

-- CreateIndex
CREATE INDEX "Statement_caseId_idx" ON "Statement"("caseId");

-- CreateIndex
CREATE INDEX "Statement_findingId_idx" ON "Statement"("findingId");

-- CreateIndex
CREATE INDEX "Statement_fileId_idx" ON "Statement"("fileId");

-- CreateIndex
CREATE INDEX "Statement_submittedById_idx" ON "Statement"("submittedById");

-- CreateIndex
CREATE INDEX "Appeal_caseId_status_idx" ON "Appeal"("caseId", "status");

-- CreateIndex
CREATE INDEX "Appeal_findingId_idx" ON "Appeal"("findingId");

-- CreateIndex
CREATE INDEX "Appeal_fileId_idx" ON "Appeal"("fileId");

-- CreateIndex
CREATE INDEX "Appeal_filedById_idx" ON "Appeal"("filedById");

-- CreateIndex
CREATE UNIQUE INDEX "Review_appealId_key" ON "Review"("appealId");

-- CreateIndex
CREATE INDEX "Review_fileId_idx" ON "Review"("fileId");

-- CreateIndex
CREATE INDEX "Review_decidedById_idx" ON "Review"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "AmountConfirmationNotice_caseId_key" ON "AmountConfirmationNotice"("caseId");

-- CreateIndex
CREATE INDEX "AmountConfirmationNotice_fileId_idx" ON "AmountConfirmationNotice"("fileId");

-- CreateIndex
CREATE INDEX "AmountConfirmationNotice_issuedById_idx" ON "AmountConfirmationNotice"("issuedById");

-- CreateIndex
CREATE UNIQUE INDEX "ConfirmationLetter_noticeId_key" ON "ConfirmationLetter"("noticeId");

-- CreateIndex
CREATE INDEX "ConfirmationLetter_fileId_idx" ON "ConfirmationLetter"("fileId");

-- CreateIndex
CREATE INDEX "ConfirmationLetter_signedById_idx" ON "ConfirmationLetter"("signedById");

-- CreateIndex
CREATE UNIQUE INDEX "RefundNotice_caseId_key" ON "RefundNotice"("caseId");

-- CreateIndex
CREATE INDEX "RefundNotice_fileId_idx" ON "RefundNotice"("fileId");

-- CreateIndex
CREATE INDEX "RefundNotice_issuedById_idx" ON "RefundNotice"("issuedById");

-- CreateIndex
CREATE INDEX "Refund_refundNoticeId_idx" ON "Refund"("refundNoticeId");

-- CreateIndex
CREATE INDEX "Refund_voucherFileId_idx" ON "Refund"("voucherFileId");

-- CreateIndex
CREATE INDEX "Refund_recordedById_idx" ON "Refund"("recordedById");

-- CreateIndex
CREATE INDEX "Penalty_caseId_idx" ON "Penalty"("caseId");

-- CreateIndex
CREATE INDEX "Penalty_fileId_idx" ON "Penalty"("fileId");

-- CreateIndex
CREATE INDEX "Penalty_decidedById_idx" ON "Penalty"("decidedById");

-- CreateIndex
CREATE INDEX "Transfer_caseId_idx" ON "Transfer"("caseId");

-- CreateIndex
CREATE INDEX "Transfer_findingId_idx" ON "Transfer"("findingId");

-- CreateIndex
CREATE INDEX "Transfer_sentById_idx" ON "Transfer"("sentById");

-- CreateIndex
CREATE INDEX "Transfer_fileId_idx" ON "Transfer"("fileId");

-- CreateIndex
CREATE UNIQUE INDEX "Institution_nationalCode_key" ON "Institution"("nationalCode");

-- CreateIndex
CREATE UNIQUE INDEX "Institution_organizationId_key" ON "Institution"("organizationId");

-- CreateIndex
CREATE INDEX "Institution_poolingRegionId_kind_idx" ON "Institution"("poolingRegionId", "kind");

-- CreateIndex
CREATE INDEX "Institution_unifiedSocialCreditCode_idx" ON "Institution"("unifiedSocialCreditCode");

-- CreateIndex
CREATE INDEX "FundUsage_year_idx" ON "FundUsage"("year");

-- CreateIndex
CREATE UNIQUE INDEX "FundUsage_institutionId_year_key" ON "FundUsage"("institutionId", "year");

-- CreateIndex
CREATE INDEX "InspectionHistory_planId_idx" ON "InspectionHistory"("planId");

-- CreateIndex
CREATE INDEX "InspectionHistory_level_year_idx" ON "InspectionHistory"("level", "year");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionHistory_institutionId_level_year_key" ON "InspectionHistory"("institutionId", "level", "year");

-- CreateIndex
CREATE UNIQUE INDEX "ViolationType_code_key" ON "ViolationType"("code");

-- CreateIndex
CREATE UNIQUE INDEX "KeyArea_code_key" ON "KeyArea"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Expert_staffNumber_key" ON "Expert"("staffNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Expert_userId_key" ON "Expert"("userId");

-- CreateIndex
CREATE INDEX "Expert_employerInstitutionId_idx" ON "Expert"("employerInstitutionId");

-- CreateIndex
CREATE INDEX "Expert_homeRegionId_idx" ON "Expert"("homeRegionId");

-- CreateIndex
CREATE INDEX "Expert_pool_active_idx" ON "Expert"("pool", "active");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_userId_idx" ON "ConflictDeclaration"("userId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_expertId_idx" ON "ConflictDeclaration"("expertId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_institutionId_idx" ON "ConflictDeclaration"("institutionId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_poolingRegionId_idx" ON "ConflictDeclaration"("poolingRegionId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_planId_idx" ON "ConflictDeclaration"("planId");

-- CreateIndex
CREATE INDEX "ConflictDeclaration_recordedById_idx" ON "ConflictDeclaration"("recordedById");

-- CreateIndex
CREATE INDEX "MasterDataImport_fileId_idx" ON "MasterDataImport"("fileId");

-- CreateIndex
CREATE INDEX "MasterDataImport_importedById_idx" ON "MasterDataImport"("importedById");

-- CreateIndex
CREATE INDEX "MasterDataImport_kind_importedAt_idx" ON "MasterDataImport"("kind", "importedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_supersedesId_key" ON "Plan"("supersedesId");

-- CreateIndex
CREATE INDEX "Plan_organizationId_idx" ON "Plan"("organizationId");

-- CreateIndex
CREATE INDEX "Plan_createdById_idx" ON "Plan"("createdById");

-- CreateIndex
CREATE INDEX "Plan_year_status_idx" ON "Plan"("year", "status");

-- CreateIndex
CREATE INDEX "PlanPhase_planId_kind_idx" ON "PlanPhase"("planId", "kind");

-- CreateIndex
CREATE INDEX "PlanKeyArea_keyAreaId_idx" ON "PlanKeyArea"("keyAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanExclusionWindow_planId_level_fromYear_toYear_key" ON "PlanExclusionWindow"("planId", "level", "fromYear", "toYear");

-- CreateIndex
CREATE INDEX "PlanParticipatingRegion_poolingRegionId_idx" ON "PlanParticipatingRegion"("poolingRegionId");

-- CreateIndex
CREATE INDEX "PlanRegion_poolingRegionId_idx" ON "PlanRegion"("poolingRegionId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanRegion_planId_poolingRegionId_key" ON "PlanRegion"("planId", "poolingRegionId");

-- CreateIndex
CREATE INDEX "DesignatedTarget_institutionId_idx" ON "DesignatedTarget"("institutionId");

-- CreateIndex
CREATE INDEX "DesignatedTarget_designatedById_idx" ON "DesignatedTarget"("designatedById");

-- CreateIndex
CREATE UNIQUE INDEX "DesignatedTarget_planRegionId_institutionId_key" ON "DesignatedTarget"("planRegionId", "institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "CeremonyParty_planId_code_key" ON "CeremonyParty"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CeremonyParty_planId_position_key" ON "CeremonyParty"("planId", "position");

-- CreateIndex
CREATE INDEX "Publication_caseId_idx" ON "Publication"("caseId");

-- CreateIndex
CREATE INDEX "Publication_planId_idx" ON "Publication"("planId");

-- CreateIndex
CREATE INDEX "Publication_publishedById_idx" ON "Publication"("publishedById");

-- CreateIndex
CREATE INDEX "Publication_publishedAt_idx" ON "Publication"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Rectification_caseId_key" ON "Rectification"("caseId");

-- CreateIndex
CREATE INDEX "RectificationReport_rectificationId_kind_status_idx" ON "RectificationReport"("rectificationId", "kind", "status");

-- CreateIndex
CREATE INDEX "RectificationReport_fileId_idx" ON "RectificationReport"("fileId");

-- CreateIndex
CREATE INDEX "RectificationReport_submittedById_idx" ON "RectificationReport"("submittedById");

-- CreateIndex
CREATE INDEX "RectificationReport_reviewedById_idx" ON "RectificationReport"("reviewedById");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationMaterial_fileId_key" ON "RectificationMaterial"("fileId");

-- CreateIndex
CREATE INDEX "RectificationMaterial_rectificationId_idx" ON "RectificationMaterial"("rectificationId");

-- CreateIndex
CREATE UNIQUE INDEX "DifferenceExplanation_caseId_key" ON "DifferenceExplanation"("caseId");

-- CreateIndex
CREATE INDEX "DifferenceExplanation_fileId_idx" ON "DifferenceExplanation"("fileId");

-- CreateIndex
CREATE INDEX "DifferenceExplanation_writtenById_idx" ON "DifferenceExplanation"("writtenById");

-- CreateIndex
CREATE INDEX "Team_planId_inspectedRegionId_idx" ON "Team"("planId", "inspectedRegionId");

-- CreateIndex
CREATE INDEX "Team_drawId_idx" ON "Team"("drawId");

-- CreateIndex
CREATE INDEX "Team_inspectedRegionId_idx" ON "Team"("inspectedRegionId");

-- CreateIndex
CREATE INDEX "Team_inspectingRegionId_idx" ON "Team"("inspectingRegionId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_replacesMemberId_key" ON "TeamMember"("replacesMemberId");

-- CreateIndex
CREATE INDEX "TeamMember_userId_idx" ON "TeamMember"("userId");

-- CreateIndex
CREATE INDEX "TeamMember_expertId_idx" ON "TeamMember"("expertId");

-- CreateIndex
CREATE INDEX "TeamMember_drawId_idx" ON "TeamMember"("drawId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_teamId_userId_key" ON "TeamMember"("teamId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_teamId_expertId_key" ON "TeamMember"("teamId", "expertId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitmentLetter_teamMemberId_key" ON "CommitmentLetter"("teamMemberId");

-- CreateIndex
CREATE INDEX "CommitmentLetter_fileId_idx" ON "CommitmentLetter"("fileId");

-- AddForeignKey
ALTER TABLE "CalendarOverride" ADD CONSTRAINT "CalendarOverride_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarYear" ADD CONSTRAINT "CalendarYear_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_inspectedRegionId_fkey" FOREIGN KEY ("inspectedRegionId") REFERENCES "PoolingRegion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "Draw"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_lookBackOfCaseId_fkey" FOREIGN KEY ("lookBackOfCaseId") REFERENCES "InspectionCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnSiteNotice" ADD CONSTRAINT "OnSiteNotice_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnSiteNotice" ADD CONSTRAINT "OnSiteNotice_deliveredById_fkey" FOREIGN KEY ("deliveredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnSiteNotice" ADD CONSTRAINT "OnSiteNotice_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_violationTypeId_fkey" FOREIGN KEY ("violationTypeId") REFERENCES "ViolationType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_keyAreaId_fkey" FOREIGN KEY ("keyAreaId") REFERENCES "KeyArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seizure" ADD CONSTRAINT "Seizure_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seizure" ADD CONSTRAINT "Seizure_sealedById_fkey" FOREIGN KEY ("sealedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seizure" ADD CONSTRAINT "Seizure_listFileId_fkey" FOREIGN KEY ("listFileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnSiteProblemRecord" ADD CONSTRAINT "OnSiteProblemRecord_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemRecordSignature" ADD CONSTRAINT "ProblemRecordSignature_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "OnSiteProblemRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemRecordSignature" ADD CONSTRAINT "ProblemRecordSignature_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionStatistics" ADD CONSTRAINT "InspectionStatistics_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReport" ADD CONSTRAINT "FeedbackReport_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReport" ADD CONSTRAINT "FeedbackReport_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackReport" ADD CONSTRAINT "FeedbackReport_writtenById_fkey" FOREIGN KEY ("writtenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_handedOverById_fkey" FOREIGN KEY ("handedOverById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_receivingOrganizationId_fkey" FOREIGN KEY ("receivingOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draw" ADD CONSTRAINT "Draw_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draw" ADD CONSTRAINT "Draw_planRegionId_fkey" FOREIGN KEY ("planRegionId") REFERENCES "PlanRegion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draw" ADD CONSTRAINT "Draw_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Draw"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Draw" ADD CONSTRAINT "Draw_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrawCommitment" ADD CONSTRAINT "DrawCommitment_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "Draw"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrawCommitment" ADD CONSTRAINT "DrawCommitment_partyId_fkey" FOREIGN KEY ("partyId") REFERENCES "CeremonyParty"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FileObject" ADD CONSTRAINT "FileObject_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Statement" ADD CONSTRAINT "Statement_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_filedById_fkey" FOREIGN KEY ("filedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_appealId_fkey" FOREIGN KEY ("appealId") REFERENCES "Appeal"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmountConfirmationNotice" ADD CONSTRAINT "AmountConfirmationNotice_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmountConfirmationNotice" ADD CONSTRAINT "AmountConfirmationNotice_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AmountConfirmationNotice" ADD CONSTRAINT "AmountConfirmationNotice_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfirmationLetter" ADD CONSTRAINT "ConfirmationLetter_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "AmountConfirmationNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfirmationLetter" ADD CONSTRAINT "ConfirmationLetter_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfirmationLetter" ADD CONSTRAINT "ConfirmationLetter_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundNotice" ADD CONSTRAINT "RefundNotice_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundNotice" ADD CONSTRAINT "RefundNotice_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RefundNotice" ADD CONSTRAINT "RefundNotice_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_refundNoticeId_fkey" FOREIGN KEY ("refundNoticeId") REFERENCES "RefundNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_voucherFileId_fkey" FOREIGN KEY ("voucherFileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penalty" ADD CONSTRAINT "Penalty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penalty" ADD CONSTRAINT "Penalty_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penalty" ADD CONSTRAINT "Penalty_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_poolingRegionId_fkey" FOREIGN KEY ("poolingRegionId") REFERENCES "PoolingRegion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundUsage" ADD CONSTRAINT "FundUsage_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionHistory" ADD CONSTRAINT "InspectionHistory_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionHistory" ADD CONSTRAINT "InspectionHistory_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_employerInstitutionId_fkey" FOREIGN KEY ("employerInstitutionId") REFERENCES "Institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_homeRegionId_fkey" FOREIGN KEY ("homeRegionId") REFERENCES "PoolingRegion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_poolingRegionId_fkey" FOREIGN KEY ("poolingRegionId") REFERENCES "PoolingRegion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MasterDataImport" ADD CONSTRAINT "MasterDataImport_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MasterDataImport" ADD CONSTRAINT "MasterDataImport_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanPhase" ADD CONSTRAINT "PlanPhase_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanKeyArea" ADD CONSTRAINT "PlanKeyArea_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanKeyArea" ADD CONSTRAINT "PlanKeyArea_keyAreaId_fkey" FOREIGN KEY ("keyAreaId") REFERENCES "KeyArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanExclusionWindow" ADD CONSTRAINT "PlanExclusionWindow_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanParticipatingRegion" ADD CONSTRAINT "PlanParticipatingRegion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanParticipatingRegion" ADD CONSTRAINT "PlanParticipatingRegion_poolingRegionId_fkey" FOREIGN KEY ("poolingRegionId") REFERENCES "PoolingRegion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRegion" ADD CONSTRAINT "PlanRegion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRegion" ADD CONSTRAINT "PlanRegion_poolingRegionId_fkey" FOREIGN KEY ("poolingRegionId") REFERENCES "PoolingRegion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignatedTarget" ADD CONSTRAINT "DesignatedTarget_planRegionId_fkey" FOREIGN KEY ("planRegionId") REFERENCES "PlanRegion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignatedTarget" ADD CONSTRAINT "DesignatedTarget_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DesignatedTarget" ADD CONSTRAINT "DesignatedTarget_designatedById_fkey" FOREIGN KEY ("designatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeremonyParty" ADD CONSTRAINT "CeremonyParty_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rectification" ADD CONSTRAINT "Rectification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationReport" ADD CONSTRAINT "RectificationReport_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationReport" ADD CONSTRAINT "RectificationReport_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationReport" ADD CONSTRAINT "RectificationReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationReport" ADD CONSTRAINT "RectificationReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationMaterial" ADD CONSTRAINT "RectificationMaterial_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationMaterial" ADD CONSTRAINT "RectificationMaterial_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DifferenceExplanation" ADD CONSTRAINT "DifferenceExplanation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "InspectionCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DifferenceExplanation" ADD CONSTRAINT "DifferenceExplanation_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DifferenceExplanation" ADD CONSTRAINT "DifferenceExplanation_writtenById_fkey" FOREIGN KEY ("writtenById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "Draw"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_inspectedRegionId_fkey" FOREIGN KEY ("inspectedRegionId") REFERENCES "PoolingRegion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_inspectingRegionId_fkey" FOREIGN KEY ("inspectingRegionId") REFERENCES "PoolingRegion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_drawId_fkey" FOREIGN KEY ("drawId") REFERENCES "Draw"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_replacesMemberId_fkey" FOREIGN KEY ("replacesMemberId") REFERENCES "TeamMember"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentLetter" ADD CONSTRAINT "CommitmentLetter_teamMemberId_fkey" FOREIGN KEY ("teamMemberId") REFERENCES "TeamMember"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitmentLetter" ADD CONSTRAINT "CommitmentLetter_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "FileObject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language cannot state (docs/decisions/009-case-file-schema.md).
-- Prisma's diff ignores CHECK constraints, so they survive later migrations; tests/integration/schema.test.ts
-- checks that each one still exists.

-- Money is never negative (lib/domain/money.ts); a refund notice and a refund are positive amounts.
ALTER TABLE "FundUsage" ADD CONSTRAINT "FundUsage_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_amounts_check" CHECK ("handedOverAmount" >= 0 AND "handledAmount" >= 0);
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "InspectionStatistics" ADD CONSTRAINT "InspectionStatistics_counts_check"
  CHECK ("recordsChecked" >= 0 AND "interviews" >= 0 AND "drugsVerified" >= 0 AND "violations" >= 0 AND "amount" >= 0);
ALTER TABLE "Review" ADD CONSTRAINT "Review_revisedAmount_check" CHECK ("revisedAmount" >= 0);
ALTER TABLE "AmountConfirmationNotice" ADD CONSTRAINT "AmountConfirmationNotice_amount_check" CHECK ("amount" >= 0);
ALTER TABLE "RefundNotice" ADD CONSTRAINT "RefundNotice_amount_check" CHECK ("amount" > 0);
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_amount_check" CHECK ("amount" > 0);
ALTER TABLE "Penalty" ADD CONSTRAINT "Penalty_amounts_check"
  CHECK ("amount" >= 0 AND "multiple" >= 0 AND "suspensionMonths" > 0);

-- Issue 5 §2: a tier given for a pharmacy or agency is an error.
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_hospitalTier_check" CHECK ("hospitalTier" IS NULL OR "kind" = 'HOSPITAL');

-- Plans: periods and windows run forwards; counts are not negative; a percentage is 1 to 100.
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_period_check" CHECK ("periodStart" <= "periodEnd");
ALTER TABLE "PlanPhase" ADD CONSTRAINT "PlanPhase_dates_check" CHECK ("startsOn" IS NULL OR "startsOn" <= "endsOn");
ALTER TABLE "PlanExclusionWindow" ADD CONSTRAINT "PlanExclusionWindow_years_check" CHECK ("fromYear" <= "toYear");
ALTER TABLE "PlanRegion" ADD CONSTRAINT "PlanRegion_rules_check" CHECK (
  "hospitalPoolValue" >= 0 AND "hospitalsToDraw" >= 0 AND "pharmaciesTopN" >= 0 AND "pharmaciesToDraw" >= 0
  AND "lookBackCount" >= 0 AND ("hospitalPoolRule" <> 'TOP_PERCENT' OR "hospitalPoolValue" BETWEEN 1 AND 100)
);

-- A team draw covers the whole plan; a target draw may name its inspected region.
ALTER TABLE "Draw" ADD CONSTRAINT "Draw_planRegion_check" CHECK ("kind" = 'TARGETS' OR "planRegionId" IS NULL);

-- A team member is a person: a user, a pool member, or both.
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_person_check" CHECK ("userId" IS NOT NULL OR "expertId" IS NOT NULL);
-- A declaration names a person and what they must not inspect.
ALTER TABLE "ConflictDeclaration" ADD CONSTRAINT "ConflictDeclaration_parties_check"
  CHECK (("userId" IS NOT NULL OR "expertId" IS NOT NULL) AND ("institutionId" IS NOT NULL OR "poolingRegionId" IS NOT NULL));

-- Jilin plan §一(二)5: a designated target has its reason; a look-back link implies the look-back flag.
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_designation_check" CHECK (NOT "designated" OR "designationReason" IS NOT NULL);
ALTER TABLE "InspectionCase" ADD CONSTRAINT "InspectionCase_lookBack_check"
  CHECK ("lookBackOfCaseId" IS NULL OR ("lookBack" AND "lookBackOfCaseId" <> "id"));

-- Liuzhou plan §四(三)2: a refund paid by transfer is archived with its voucher.
ALTER TABLE "Refund" ADD CONSTRAINT "Refund_voucher_check" CHECK ("method" <> 'TRANSFER' OR "voucherFileId" IS NOT NULL);

-- A publication is about a case or a plan.
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_subject_check" CHECK ("caseId" IS NOT NULL OR "planId" IS NOT NULL);

-- Files: a size, and a lower-case hex SHA-256 computed on the server.
ALTER TABLE "FileObject" ADD CONSTRAINT "FileObject_content_check" CHECK ("sizeBytes" >= 0 AND "sha256" ~ '^[0-9a-f]{64}$');

-- Issue 5 §2: an import's row counts are not negative.
ALTER TABLE "MasterDataImport" ADD CONSTRAINT "MasterDataImport_rows_check" CHECK ("rowsAdded" >= 0 AND "rowsUpdated" >= 0 AND "rowsUnchanged" >= 0);
