import "server-only";
import { awaitingKey } from "@/lib/domain/case/awaiting";
import type { PrismaClient } from "@/lib/server/db/client";
import type { Actor } from "@/lib/server/policy/actor";
import { can } from "@/lib/server/policy/policy";
import { allowedEventsFor } from "./allowed-events";
import { getCaseOrThrow } from "./read";
import { chinaDateOf, progressDeadline } from "./deadlines";
import { loadWorkingDayCalendar } from "@/lib/server/calendar";

/**
 * Everything one reader may see of a case file, and the workflow events they may apply now (from the same
 * table the server enforces). The audit trail is the bureau's: other readers get the case, not the log.
 */
export async function getCaseFile(db: PrismaClient, actor: Actor, caseId: string, now = new Date()) {
  const core = await getCaseOrThrow(db, actor, caseId);
  const [detail, { facts, events }] = await Promise.all([
    db.inspectionCase.findUniqueOrThrow({
      where: { id: core.id },
      include: {
        plan: { select: { title: true, year: true } },
        team: { select: { name: true } },
        institution: { select: { name: true, nationalCode: true } },
        inspectedRegion: { select: { name: true } },
        notice: { include: { deliveredBy: { select: { displayName: true } } } },
        findings: { where: { status: { not: "WITHDRAWN" } }, orderBy: { createdAt: "asc" }, include: { violationType: { select: { name: true } }, keyArea: { select: { name: true } } } },
        evidence: { orderBy: { createdAt: "asc" }, include: { file: { select: { id: true, fileName: true, sizeBytes: true, sha256: true, mediaType: true, uploadedAt: true } } } },
        problemRecord: { include: { signatures: { include: { signedBy: { select: { displayName: true } } }, orderBy: { signedAt: "asc" } } } },
        feedbackReport: { select: { summary: true, createdAt: true } },
        handover: { include: { receivingOrganization: { select: { name: true } } } },
        rectification: { include: { reports: { orderBy: { submittedAt: "asc" }, include: { file: { select: { id: true, fileName: true, sha256: true } }, submittedBy: { select: { displayName: true } }, reviewedBy: { select: { displayName: true } } } } } },
      },
    }),
    allowedEventsFor(db, actor, core, now),
  ]);
  const timeline = can(actor, "case.auditTrail")
    ? await db.auditEvent.findMany({ where: { entity: "InspectionCase", entityId: core.id }, orderBy: { seq: "asc" }, select: { seq: true, at: true, actorLabel: true, action: true, outcome: true } })
    : [];
  const [violationTypes, keyAreas] = events.includes("RECORD_FINDING")
    ? await Promise.all([
        db.violationType.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, name: true, legalBasis: true } }),
        db.keyArea.findMany({ where: { active: true }, orderBy: { code: "asc" }, select: { id: true, name: true } }),
      ])
    : [[], []];
  const deadline = progressDeadline(await loadWorkingDayCalendar(db), chinaDateOf(now), {
    ...detail,
    progressReportSubmitted: detail.rectification?.reports.some((r) => r.kind === "PROGRESS" && r.status !== "RETURNED") ?? false,
  });
  return { case: detail, facts, events, timeline, violationTypes, keyAreas, deadline, canReview: can(actor, "rectification.review"), awaiting: awaitingKey(core.state, facts) };
}

export type CaseFile = Awaited<ReturnType<typeof getCaseFile>>;
