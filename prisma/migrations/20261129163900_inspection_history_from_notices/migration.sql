-- Issue 12 item 8: a delivered notice enters the inspection history (lib/server/cases/deliver-notice.ts says why
-- the notice is the moment). Cases whose notice was delivered before this migration get their row now, so the
-- next draw's exclusions and look-back list know this year's inspections. One row per institution, level and
-- year (the table's unique key); a row already there (imported, or from another plan) is kept as it is.
INSERT INTO "InspectionHistory" ("id", "institutionId", "level", "year", "planId", "version", "createdAt", "updatedAt")
SELECT DISTINCT ON (c."institutionId", p."year", (CASE WHEN p."level" = 'PROVINCIAL' THEN 'PROVINCIAL' ELSE 'CITY' END))
       gen_random_uuid(), c."institutionId",
       (CASE WHEN p."level" = 'PROVINCIAL' THEN 'PROVINCIAL' ELSE 'CITY' END)::"InspectionLevel",
       p."year", p."id", 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
  FROM "InspectionCase" c JOIN "Plan" p ON p."id" = c."planId"
 WHERE c."noticeDeliveredAt" IS NOT NULL
 ORDER BY c."institutionId", p."year", (CASE WHEN p."level" = 'PROVINCIAL' THEN 'PROVINCIAL' ELSE 'CITY' END), c."noticeDeliveredAt"
ON CONFLICT ("institutionId", "level", "year") DO NOTHING;
