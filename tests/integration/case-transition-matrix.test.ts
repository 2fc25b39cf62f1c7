import { randomUUID } from "node:crypto";
// Every row of the workflow table (lib/domain/case/transitions.ts), through the real services on real
// PostgreSQL: each actor the row names makes the change; every other party is refused (or, where they may not
// see the case, told it does not exist); and in every state, every event the table does not list there is
// refused. A refusal writes nothing. The table drives the test, so a row added later is tested too.
import { beforeEach, describe, expect, it } from "vitest";
import { acceptRectification, addEvidence, cancelCase, closeCase, closeWithoutFindings, completeRefund, confirmAmounts, decideAppeal, deliverNotice, disputeConfirmationNotice, editFinding, endHandling, fileAppeal, handOver, issueConfirmationNotice, issueRefundNotice, recordFinding, recordRefund, returnRectification, signRecordAsInstitution, signRecordAsTeam, startOnSite, submitProgressReport, submitRectificationMaterial, submitWrittenReport, withdrawConfirmationNotice, withdrawEvidence, withdrawFinding, writeFeedbackReport } from "../support/case-operations";
import { CASE_ACTOR_KINDS, CASE_EVENT_PERMISSIONS, CASE_EVENTS, CASE_STATES, REFUSAL_MESSAGE_KEYS, TRANSITIONS, type CaseActorKind, type CaseEvent, type CaseState, type CaseTransition } from "@/lib/domain/case/workflow";
import { addMoney, subtractMoney } from "@/lib/domain/money";
import { DomainError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/policy/actor";
import { roleHasPermission } from "@/lib/policy/permissions";
import { makeCaseWorld } from "../factories/cases";
import { setupTestDatabase } from "./support/db";
import { setupTempStorage, uploaded } from "./support/storage";

const t = setupTestDatabase();
setupTempStorage();

// The handover is on a Friday before National Day; the appeal window (5 working days) then runs to 10-10.
// Appeals are made at HANDOVER_DAY, everything after the window at AFTER_WINDOW.
const HANDOVER_DAY = new Date("2024-09-27T02:00:00Z");
const AFTER_WINDOW = new Date("2024-10-21T02:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n% 测试文件\n");
// Each upload its own bytes: the same bytes twice as evidence of one case are refused as a duplicate.
const pdf = (fileName: string) => uploaded(fileName, `${new TextDecoder().decode(PDF)}% ${randomUUID()}
`);

type World = Awaited<ReturnType<typeof makeCaseWorld>>;
let w: World;
let caseId: string;

beforeEach(async () => {
  w = await makeCaseWorld(t.db, { appealWindowWorkingDays: 5 });
  caseId = w.inspectionCase.id;
});

const actorOf = (kind: CaseActorKind): Actor =>
  ({ BUREAU: w.bureau, TEAM_LEADER: w.leader, TEAM_MEMBER: w.member, CITY: w.city, INSTITUTION: w.institutionStaff })[kind];

async function current() {
  return t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId }, select: { state: true, version: true } });
}

/** The operations that are not case events of their own state but need the clock after the appeal window. */
const AFTER_WINDOW_EVENTS: readonly CaseEvent[] = ["ISSUE_CONFIRMATION_NOTICE", "CONFIRM_AMOUNTS", "WITHDRAW_CONFIRMATION_NOTICE", "DISPUTE_CONFIRMATION_NOTICE", "ISSUE_REFUND_NOTICE", "RECORD_REFUND", "COMPLETE_REFUND", "END_HANDLING", "SUBMIT_RECTIFICATION_REPORT", "ACCEPT_RECTIFICATION", "RETURN_RECTIFICATION", "CLOSE"];

/** Applies `event` as `actor` at the case's current version, with inputs that pass validation. */
async function perform(event: CaseEvent, actor: Actor): Promise<{ state: CaseState; version: number }> {
  const { version } = await current();
  const ref = { caseId, version };
  const now = AFTER_WINDOW_EVENTS.includes(event) ? AFTER_WINDOW : HANDOVER_DAY;
  const o = { now };
  switch (event) {
    case "DELIVER_NOTICE": return deliverNotice(t.db, actor, { ...ref, number: "吉医保飞检〔2024〕9号", recipientName: "王某", recipientTitle: "院长", staffPresentIds: [w.leader.userId, w.member.userId] }, o);
    case "CANCEL": return cancelCase(t.db, actor, { ...ref, reason: "该机构已停业" }, o);
    case "START_ON_SITE": return startOnSite(t.db, actor, ref, o);
    case "ADD_EVIDENCE": return addEvidence(t.db, actor, { ...ref, kind: "COPY", description: "处方复印件" }, await pdf("处方.pdf"), o);
    case "RECORD_FINDING": return recordFinding(t.db, actor, { ...ref, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: "100.00" }, o);
    case "CLOSE_WITHOUT_FINDINGS": return closeWithoutFindings(t.db, actor, { ...ref, reason: "抽查病历未发现问题" }, o);
    case "SIGN_RECORD_TEAM":
      return signRecordAsTeam(t.db, actor, ref, o);
    case "SIGN_RECORD_INSTITUTION": return signRecordAsInstitution(t.db, actor, ref, o);
    case "WRITE_FEEDBACK_REPORT": return writeFeedbackReport(t.db, actor, { ...ref, summary: "反馈意见" }, o);
    case "HAND_OVER": return handOver(t.db, actor, ref, o);
    case "FILE_APPEAL": return fileAppeal(t.db, actor, { ...ref, grounds: "DUPLICATE_DEDUCTION", statement: "该笔费用已被市局扣减" }, o);
    case "DECIDE_APPEAL": {
      const appeal = await t.db.appeal.findFirst({ where: { caseId, status: "OPEN" }, orderBy: { filedAt: "asc" } });
      // With no open appeal, any well-formed id: the workflow refuses before it is looked up.
      return decideAppeal(t.db, actor, { ...ref, appealId: appeal?.id ?? "00000000-0000-4000-8000-000000000000", decision: "APPEAL_REJECTED", reasoning: "经核实未重复扣减" }, o);
    }
    case "ISSUE_CONFIRMATION_NOTICE": return issueConfirmationNotice(t.db, actor, ref, o);
    case "CONFIRM_AMOUNTS": return confirmAmounts(t.db, actor, ref, o);
    case "WITHDRAW_CONFIRMATION_NOTICE": return withdrawConfirmationNotice(t.db, actor, { ...ref, reason: "文号有误，撤回重发" }, o);
    case "DISPUTE_CONFIRMATION_NOTICE": return disputeConfirmationNotice(t.db, actor, { ...ref, reason: "第2项已于2023年清退" }, o);
    case "ISSUE_REFUND_NOTICE": return issueRefundNotice(t.db, actor, { ...ref, fundAccount: "医疗保障基金专户" }, o);
    case "RECORD_REFUND": {
      // Everything still outstanding (one yuan before any refund notice: the workflow refuses before the amount matters).
      const notice = await t.db.refundNotice.findUnique({ where: { caseId }, include: { refunds: true } });
      const amount = notice ? subtractMoney(notice.amount.toFixed(2), addMoney("0.00", ...notice.refunds.map((r) => r.amount.toFixed(2)))) : "1.00";
      return recordRefund(t.db, actor, { ...ref, refundAmount: amount, method: "TRANSFER" }, await pdf("凭证.pdf"), o);
    }
    case "COMPLETE_REFUND": return completeRefund(t.db, actor, ref, o);
    case "SUBMIT_PROGRESS_REPORT": return submitProgressReport(t.db, actor, { ...ref, summary: "正在整改" }, await pdf("进展.pdf"), o);
    case "SUBMIT_RECTIFICATION_MATERIAL": return submitRectificationMaterial(t.db, actor, { ...ref, description: "制度修订" }, await pdf("制度.pdf"), o);
    case "END_HANDLING": return endHandling(t.db, actor, { ...ref, handledAmount: "100.00" }, o);
    case "SUBMIT_RECTIFICATION_REPORT": return submitWrittenReport(t.db, actor, { ...ref, summary: "整改完成" }, await pdf("书面报告.pdf"), o);
    case "ACCEPT_RECTIFICATION": return acceptRectification(t.db, actor, ref, o);
    case "RETURN_RECTIFICATION": return returnRectification(t.db, actor, { ...ref, note: "缺少培训记录" }, o);
    case "CLOSE": return closeCase(t.db, actor, ref, o);
    case "WITHDRAW_EVIDENCE": {
      const evidence = await t.db.evidence.findFirst({ where: { caseId, withdrawal: null }, orderBy: { createdAt: "asc" } });
      return withdrawEvidence(t.db, actor, { ...ref, evidenceId: evidence?.id ?? "00000000-0000-4000-8000-000000000000", reason: "拍摄对象有误" }, o);
    }
    case "EDIT_FINDING":
    case "WITHDRAW_FINDING": {
      const finding = await t.db.finding.findFirst({ where: { caseId, status: { not: "WITHDRAWN" } }, orderBy: { createdAt: "asc" } });
      const findingId = finding?.id ?? "00000000-0000-4000-8000-000000000000";
      if (event === "WITHDRAW_FINDING") return withdrawFinding(t.db, actor, { ...ref, findingId, reason: "证据不足" }, o);
      return editFinding(t.db, actor, { ...ref, findingId, violationTypeId: w.violationType.id, legalBasis: "条例第三十八条", description: "串换药品", amount: (Number(finding?.amount ?? 0) + 1).toFixed(2), reason: "金额核对有误" }, o);
    }
  }
}

/** The usual actor of an event: the first actor of its first row. */
const usualActor = (event: CaseEvent): CaseActorKind => TRANSITIONS.find((row) => row.event === event)!.actors[0]!;

/** The way to each state along the ordinary path (no appeal unless the state is the appeal). */
const ROUTE: Record<CaseState, CaseEvent[]> = (() => {
  const onSite: CaseEvent[] = ["DELIVER_NOTICE", "START_ON_SITE"];
  const signed: CaseEvent[] = [...onSite, "RECORD_FINDING", "SIGN_RECORD_TEAM", "SIGN_RECORD_INSTITUTION"];
  const handedOver: CaseEvent[] = [...signed, "WRITE_FEEDBACK_REPORT", "HAND_OVER"];
  const confirmed: CaseEvent[] = [...handedOver, "ISSUE_CONFIRMATION_NOTICE", "CONFIRM_AMOUNTS"];
  const refunded: CaseEvent[] = [...confirmed, "ISSUE_REFUND_NOTICE", "RECORD_REFUND", "COMPLETE_REFUND"];
  const rectifying: CaseEvent[] = [...refunded, "END_HANDLING"];
  const rectified: CaseEvent[] = [...rectifying, "SUBMIT_RECTIFICATION_REPORT", "ACCEPT_RECTIFICATION"];
  return {
    DRAWN: [],
    NOTIFIED: ["DELIVER_NOTICE"],
    ON_SITE: onSite,
    FINDINGS_RECORDED: [...onSite, "RECORD_FINDING"],
    RECORD_SIGNED: signed,
    HANDED_OVER: handedOver,
    UNDER_APPEAL: [...handedOver, "FILE_APPEAL"],
    AMOUNTS_CONFIRMED: confirmed,
    REFUNDED: refunded,
    RECTIFYING: rectifying,
    RECTIFIED: rectified,
    CLOSED: [...rectified, "CLOSE"],
  };
})();

/** What a row's guards need beyond reaching its state (the table's rows sharing a state and event differ here). */
function preparation(row: CaseTransition): CaseEvent[] {
  const key = `${row.from} ${row.event} ${row.to}`;
  const extra: Record<string, CaseEvent[]> = {
    "FINDINGS_RECORDED SIGN_RECORD_INSTITUTION RECORD_SIGNED": ["SIGN_RECORD_TEAM"],
    "FINDINGS_RECORDED CLOSE_WITHOUT_FINDINGS CLOSED": ["WITHDRAW_FINDING"],
    "ON_SITE WITHDRAW_EVIDENCE ON_SITE": ["ADD_EVIDENCE"],
    "FINDINGS_RECORDED WITHDRAW_EVIDENCE FINDINGS_RECORDED": ["ADD_EVIDENCE"],
    "RECORD_SIGNED HAND_OVER HANDED_OVER": ["WRITE_FEEDBACK_REPORT"],
    "UNDER_APPEAL DECIDE_APPEAL UNDER_APPEAL": ["FILE_APPEAL"],
    "HANDED_OVER CONFIRM_AMOUNTS AMOUNTS_CONFIRMED": ["ISSUE_CONFIRMATION_NOTICE"],
    "HANDED_OVER WITHDRAW_CONFIRMATION_NOTICE HANDED_OVER": ["ISSUE_CONFIRMATION_NOTICE"],
    "HANDED_OVER DISPUTE_CONFIRMATION_NOTICE HANDED_OVER": ["ISSUE_CONFIRMATION_NOTICE"],
    "AMOUNTS_CONFIRMED RECORD_REFUND AMOUNTS_CONFIRMED": ["ISSUE_REFUND_NOTICE"],
    "RECTIFYING ACCEPT_RECTIFICATION RECTIFIED": ["SUBMIT_RECTIFICATION_REPORT"],
    "RECTIFYING RETURN_RECTIFICATION RECTIFYING": ["SUBMIT_RECTIFICATION_REPORT"],
  };
  if (key === "AMOUNTS_CONFIRMED COMPLETE_REFUND REFUNDED") return ROUTE.REFUNDED.slice(ROUTE.AMOUNTS_CONFIRMED.length, -1);
  return extra[key] ?? [];
}

async function walk(events: CaseEvent[]) {
  for (const event of events) await perform(event, actorOf(usualActor(event)));
}

/** Everything an operation might write, so that a refusal can be shown to have written none of it. */
async function footprint() {
  const counts = await Promise.all([
    t.db.auditEvent.count({ where: { outcome: "OK" } }), t.db.onSiteNotice.count(), t.db.finding.count(), t.db.evidence.count(), t.db.problemRecordSignature.count(),
    t.db.feedbackReport.count(), t.db.handover.count(), t.db.appeal.count(), t.db.review.count(), t.db.amountConfirmationNotice.count(),
    t.db.confirmationLetter.count(), t.db.refundNotice.count(), t.db.refund.count(), t.db.rectificationReport.count({ where: { status: "SUBMITTED" } }),
    t.db.rectificationMaterial.count(), t.db.differenceExplanation.count(), t.db.fileObject.count(), t.db.findingRevision.count(), t.db.evidenceWithdrawal.count(), t.db.supersededConfirmationNotice.count(),
  ]);
  return { case: await t.db.inspectionCase.findUniqueOrThrow({ where: { id: caseId } }), counts };
}

async function expectRefused(run: () => Promise<unknown>, code: DomainError["code"], messageKey?: string) {
  const before = await footprint();
  const error = await run().then(() => undefined, (e: unknown) => e);
  expect(error, "the operation should have been refused").toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (messageKey) expect((error as DomainError).messageKey).toBe(messageKey);
  expect(await footprint()).toEqual(before);
}

/**
 * What a party without a part in the row is told: FORBIDDEN when its role holds no such step at all (the role
 * table answers before the case is looked at); NOT_FOUND when it may not see the case; otherwise the
 * workflow's ACTOR_NOT_ALLOWED.
 */
function refusalFor(actor: Actor, event: CaseEvent, hidden: boolean): [DomainError["code"], string?] {
  if (!roleHasPermission(actor.role, CASE_EVENT_PERMISSIONS[event])) return ["FORBIDDEN"];
  if (hidden) return ["NOT_FOUND"];
  return ["TRANSITION_REFUSED", REFUSAL_MESSAGE_KEYS.ACTOR_NOT_ALLOWED];
}

/** Guards no ordinary path satisfies (none since the team may withdraw its findings before signing, issue 12 §2). */
const UNREACHABLE = new Set<string>([]);

describe("every transition of the workflow table, allowed to its actors and refused to the others", () => {
  for (const row of TRANSITIONS) {
    const key = `${row.from} ${row.event} ${row.to}`;
    if (UNREACHABLE.has(key)) {
      it(`${key}: its guards cannot all hold on the ordinary path, and it is refused by the first that fails`, async () => {
        await walk([...ROUTE[row.from], ...preparation(row)]);
        await expectRefused(() => perform(row.event, actorOf(row.actors[0]!)), "TRANSITION_REFUSED", "workflow.guard.needsNoFindings");
      });
      continue;
    }
    for (const kind of row.actors) {
      it(`${key} by ${kind}; every other party is refused, writing nothing`, async () => {
        await walk([...ROUTE[row.from], ...preparation(row)]);
        expect((await current()).state).toBe(row.from);
        for (const other of CASE_ACTOR_KINDS.filter((k) => !row.actors.includes(k))) {
          // Before the notice the institution and its city bureau cannot see the case at all.
          const hidden = (other === "INSTITUTION" || other === "CITY") && row.from === "DRAWN";
          await expectRefused(() => perform(row.event, actorOf(other)), ...refusalFor(actorOf(other), row.event, hidden));
        }
        // Nobody outside: another region's city bureau, another institution, an inspector off the team.
        for (const outsider of [w.otherCity, w.otherInstitutionStaff, w.outsider]) await expectRefused(() => perform(row.event, outsider), ...refusalFor(outsider, row.event, true));

        const before = await current();
        const outcome = await perform(row.event, actorOf(kind));
        expect(outcome).toMatchObject({ state: row.to, version: before.version + 1 });
        expect(await current()).toEqual({ state: row.to, version: before.version + 1 });
        const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: caseId, outcome: "OK" }, orderBy: { seq: "desc" } });
        expect(audit.after).toMatchObject({ state: row.to, event: row.event, version: before.version + 1 });
      });
    }
  }
});

describe("every event a state does not take is refused there, writing nothing", () => {
  for (const state of CASE_STATES) {
    const taken = new Set(TRANSITIONS.filter((row) => row.from === state).map((row) => row.event));
    const refusedEvents = CASE_EVENTS.filter((event) => !taken.has(event));
    it(`${state}: refuses ${refusedEvents.length} events`, async () => {
      await walk(ROUTE[state]);
      expect((await current()).state).toBe(state);
      for (const event of refusedEvents) {
        // The event's usual actor, so the answer is the workflow's; before the notice the city and the
        // institution cannot see the case, and are told it does not exist.
        const kind = usualActor(event);
        const hidden = state === "DRAWN" && (kind === "CITY" || kind === "INSTITUTION");
        await expectRefused(() => perform(event, actorOf(kind)), hidden ? "NOT_FOUND" : "TRANSITION_REFUSED", hidden ? undefined : REFUSAL_MESSAGE_KEYS.UNKNOWN_TRANSITION);
      }
    });
  }
});
