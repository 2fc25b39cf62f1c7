import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowedEvents,
  CASE_ACTOR_KINDS,
  CASE_EVENTS,
  CASE_GUARD_NAMES,
  CASE_GUARDS,
  CASE_STATES,
  type CaseActorKind,
  caseActorKindOf,
  type CaseDecision,
  type CaseEvent,
  type CaseEventInput,
  type CaseFacts,
  type CaseState,
  type CaseTransition,
  checkLookBack,
  decide,
  isCaseState,
  TEAM_ROLES,
  TRANSITIONS,
  USER_ROLES,
  type UserRole,
  workflowMessageKeys,
} from "@/lib/domain/case/workflow";
import {
  addMoney,
  checkMoney,
  compareMoney,
  MAX_MONEY,
  MoneyError,
  type MoneyErrorCode,
  moneyFromCents,
  normalizeMoney,
  parseMoney,
  subtractMoney,
} from "@/lib/domain/money";
import type { Role } from "@/lib/server/db/generated/enums";

const NO_FACTS: CaseFacts = {
  commitmentLettersSigned: false,
  findingsCount: 0,
  teamSigned: false,
  institutionSigned: false,
  feedbackReportWritten: false,
  appealWindowOpen: false,
  openAppeals: 0,
  confirmationNoticeIssued: false,
  confirmedTotal: "0.00",
  refundNoticeIssued: false,
  refundedTotal: "0.00",
  handlingDiffersFromHandover: false,
  differenceExplained: false,
  rectificationReportSubmitted: false,
  progressReportSubmitted: false,
};
const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({ ...NO_FACTS, ...overrides });

const outcome = (decision: CaseDecision) => (decision.ok ? { ok: true, to: decision.to } : { reason: decision.reason, guard: decision.guard });
const ask = (...question: Parameters<typeof decide>) => outcome(decide(...question));
const leadsTo = (to: CaseState) => ({ ok: true, to });
const failsOn = (guard: string) => ({ reason: "GUARD_FAILED", guard });

// Few distinct amounts, so that equal and adjacent totals come up often.
const AMOUNTS = ["0.00", "0.01", "99.99", "100.00", "1234.56"];
const amountArb = fc.constantFrom(...AMOUNTS);
const factsArb: fc.Arbitrary<CaseFacts> = fc.record({
  commitmentLettersSigned: fc.boolean(),
  findingsCount: fc.nat({ max: 3 }),
  teamSigned: fc.boolean(),
  institutionSigned: fc.boolean(),
  feedbackReportWritten: fc.boolean(),
  appealWindowOpen: fc.boolean(),
  openAppeals: fc.nat({ max: 3 }),
  confirmationNoticeIssued: fc.boolean(),
  confirmedTotal: amountArb,
  refundNoticeIssued: fc.boolean(),
  refundedTotal: amountArb,
  handlingDiffersFromHandover: fc.boolean(),
  differenceExplained: fc.boolean(),
  rectificationReportSubmitted: fc.boolean(),
  progressReportSubmitted: fc.boolean(),
});
const inputArb: fc.Arbitrary<CaseEventInput> = fc.oneof(
  fc.constant({}),
  fc.record({ refundAmount: fc.constantFrom(...AMOUNTS, "0.001", "-1", "abc", "1234.57") }),
);
const stateArb = fc.constantFrom(...CASE_STATES);
const eventArb = fc.constantFrom(...CASE_EVENTS);
const actorArb = fc.constantFrom(...CASE_ACTOR_KINDS);

const SAMPLE_FACTS = fc.sample(factsArb, { numRuns: 4000, seed: 20261123 });
const rowKey = (t: Pick<CaseTransition, "from" | "event" | "to">) => `${t.from} ${t.event} ${t.to}`;

describe("money as decimal strings", () => {
  it.each([
    ["0", 0n],
    ["0.5", 50n],
    ["12.34", 1234n],
    ["1000000.00", 100000000n],
    [MAX_MONEY, 999_999_999_999_999_999n],
  ])("reads %s as %s cents", (text, cents) => {
    expect(parseMoney(text)).toBe(cents);
  });

  it.each<[unknown, MoneyErrorCode]>([
    ["12.345", "MONEY_TOO_PRECISE"],
    ["0.001", "MONEY_TOO_PRECISE"],
    ["12.300", "MONEY_TOO_PRECISE"],
    ["-1", "MONEY_NEGATIVE"],
    ["-0.50", "MONEY_NEGATIVE"],
    ["-1.234", "MONEY_NEGATIVE"],
    ["abc", "MONEY_MALFORMED"],
    ["", "MONEY_MALFORMED"],
    [" 12", "MONEY_MALFORMED"],
    ["1e5", "MONEY_MALFORMED"],
    ["1,000", "MONEY_MALFORMED"],
    ["+1", "MONEY_MALFORMED"],
    [".5", "MONEY_MALFORMED"],
    ["5.", "MONEY_MALFORMED"],
    ["007", "MONEY_MALFORMED"],
    ["１２", "MONEY_MALFORMED"],
    ["NaN", "MONEY_MALFORMED"],
    ["10000000000000000", "MONEY_TOO_LARGE"],
    [12.5, "MONEY_NOT_A_STRING"],
    [null, "MONEY_NOT_A_STRING"],
  ])("refuses %j as %s, never rounding it", (text, code) => {
    expect(checkMoney(text)).toEqual({ ok: false, code });
    if (typeof text === "string") {
      expect(() => parseMoney(text)).toThrow(MoneyError);
      expect(() => parseMoney(text)).toThrow(code);
    }
  });

  it("adds, subtracts and compares exactly", () => {
    expect(addMoney("0.1", "0.2")).toBe("0.30");
    expect(addMoney()).toBe("0.00");
    expect(addMoney("9999999999999999.98", "0.01")).toBe(MAX_MONEY);
    expect(() => addMoney(MAX_MONEY, "0.01")).toThrow("MONEY_TOO_LARGE");
    expect(subtractMoney("100", "0.01")).toBe("99.99");
    expect(() => subtractMoney("0.01", "0.02")).toThrow("MONEY_NEGATIVE");
    expect(compareMoney("1.5", "1.50")).toBe(0);
    expect(compareMoney("0.09", "0.1")).toBe(-1);
    expect(normalizeMoney("7")).toBe("7.00");
  });

  it("keeps every amount in cents through a round trip, and agrees with BigInt arithmetic", () => {
    const cents = fc.bigInt({ min: 0n, max: 999_999_999_999_999_999n });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        expect(parseMoney(moneyFromCents(a))).toBe(a);
        expect(compareMoney(moneyFromCents(a), moneyFromCents(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
        if (a + b <= 999_999_999_999_999_999n) expect(parseMoney(addMoney(moneyFromCents(a), moneyFromCents(b)))).toBe(a + b);
      }),
    );
  });

  it("refuses any amount with more than two decimals", () => {
    fc.assert(
      fc.property(fc.nat(), fc.stringMatching(/^[0-9]{3,6}$/), (whole, decimals) => {
        expect(checkMoney(`${whole}.${decimals}`)).toEqual({ ok: false, code: "MONEY_TOO_PRECISE" });
      }),
    );
  });
});

describe("the transition table", () => {
  it("names only known states, events, actors and guards, and repeats no row", () => {
    for (const t of TRANSITIONS) {
      expect(CASE_STATES).toContain(t.from);
      expect(CASE_STATES).toContain(t.to);
      expect(CASE_EVENTS).toContain(t.event);
      expect(t.actors.length).toBeGreaterThan(0);
      for (const actor of t.actors) expect(CASE_ACTOR_KINDS).toContain(actor);
      for (const guard of t.guards) expect(CASE_GUARD_NAMES).toContain(guard);
      expect(t.descriptionKey).toMatch(/^workflow\.event\.[a-z][A-Za-z]+$/);
    }
    expect(new Set(TRANSITIONS.map(rowKey)).size).toBe(TRANSITIONS.length);
  });

  it("gives the rows of one state and event the same actors", () => {
    for (const t of TRANSITIONS) {
      for (const other of TRANSITIONS.filter((o) => o.from === t.from && o.event === t.event)) expect(other.actors).toEqual(t.actors);
    }
  });

  it("uses every event, every actor kind and every guard somewhere", () => {
    expect(new Set(TRANSITIONS.map((t) => t.event))).toEqual(new Set(CASE_EVENTS));
    expect(new Set(TRANSITIONS.flatMap((t) => t.actors))).toEqual(new Set(CASE_ACTOR_KINDS));
    expect(new Set(TRANSITIONS.flatMap((t) => t.guards))).toEqual(new Set(CASE_GUARD_NAMES));
  });

  it("leaves CLOSED, and only CLOSED, without a way out", () => {
    for (const state of CASE_STATES) {
      expect(TRANSITIONS.some((t) => t.from === state), state).toBe(state !== "CLOSED");
    }
  });

  it("is the table docs/case-workflow.md shows", () => {
    const doc = readFileSync("docs/case-workflow.md", "utf8");
    const documented = [...doc.matchAll(/^\| ([A-Z_]+) \| ([A-Z_]+) \| ([A-Z_]+) \| ([A-Z_, ]+) \| ([A-Za-z, —]+) \|$/gm)].map((m) =>
      m.slice(1).join(" | "),
    );
    const expected = TRANSITIONS.map((t) => [t.from, t.event, t.to, t.actors.join(", "), t.guards.join(", ") || "—"].join(" | "));
    expect(documented).toEqual(expected);
  });

  it("has a catalog key for every state, event, guard and refusal", () => {
    const keys = workflowMessageKeys();
    expect(keys).toContain("workflow.guard.needsBothSignatures");
    expect(keys).toContain("workflow.state.recordSigned");
    expect(keys).toContain("workflow.event.handOver");
    expect(keys).toContain("workflow.refused.actorNotAllowed");
    expect(keys).toContain("workflow.lookBack.notClosed");
    expect(keys.length).toBe(3 + 4 + CASE_STATES.length + CASE_GUARD_NAMES.length + CASE_EVENTS.length);
  });
});

describe("actor kinds", () => {
  it("cover exactly the user roles of the schema", () => {
    type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
    const same: Same<Role, UserRole> = true;
    expect(same).toBe(true);
    expect(USER_ROLES).toHaveLength(5);
  });

  it.each<[UserRole, CaseActorKind]>([
    ["BUREAU_ADMIN", "BUREAU"],
    ["BUREAU_STAFF", "BUREAU"],
    ["CITY_STAFF", "CITY"],
    ["INSTITUTION_STAFF", "INSTITUTION"],
  ])("%s acts as %s", (role, kind) => {
    expect(caseActorKindOf(role, null)).toBe(kind);
  });

  it("an inspector acts through team membership: the leader as TEAM_LEADER, everyone else as TEAM_MEMBER", () => {
    for (const teamRole of TEAM_ROLES) {
      expect(caseActorKindOf("INSPECTOR", teamRole)).toBe(teamRole === "LEADER" ? "TEAM_LEADER" : "TEAM_MEMBER");
    }
  });

  it("an inspector who is not on the case's team takes no part", () => {
    expect(caseActorKindOf("INSPECTOR", null)).toBeNull();
  });
});

describe("each transition", () => {
  it.each(TRANSITIONS.map((t) => [rowKey(t), t] as const))("%s: allowed for its actors, refused for the others", (_, t) => {
    const actor = t.actors[0]!;
    const fitting = SAMPLE_FACTS.find((f) => {
      const decision = decide(t.from, t.event, actor, f);
      return decision.ok && decision.to === t.to;
    });
    expect(fitting, "some facts satisfy the row's guards").toBeDefined();
    for (const kind of CASE_ACTOR_KINDS) {
      const decision = decide(t.from, t.event, kind, fitting!);
      if (t.actors.includes(kind)) expect(outcome(decision)).toEqual({ ok: true, to: t.to });
      else expect(outcome(decision)).toEqual({ reason: "ACTOR_NOT_ALLOWED", guard: undefined });
    }
  });

  it("an event the state does not have is an unknown transition, whoever asks", () => {
    for (const state of CASE_STATES) {
      for (const event of CASE_EVENTS.filter((e) => !TRANSITIONS.some((t) => t.from === state && t.event === e))) {
        for (const actor of CASE_ACTOR_KINDS) {
          const decision = decide(state, event, actor, facts({ teamSigned: true, institutionSigned: true }));
          expect(decision).toEqual({ ok: false, reason: "UNKNOWN_TRANSITION", messageKey: "workflow.refused.unknownTransition" });
        }
      }
    }
  });

  it("checks the actor before the guards, so a refused actor learns nothing of the case's records", () => {
    expect(decide("RECORD_SIGNED", "HAND_OVER", "INSTITUTION", NO_FACTS)).toMatchObject({ reason: "ACTOR_NOT_ALLOWED" });
    expect(decide("RECORD_SIGNED", "HAND_OVER", "TEAM_LEADER", NO_FACTS)).toMatchObject({ reason: "GUARD_FAILED" });
  });
});

describe("guards", () => {
  const signedBy = (team: boolean, institution: boolean) => facts({ findingsCount: 1, teamSigned: team, institutionSigned: institution });

  it("the problem record is signed by the team first, then by the institution (issue 12 §4)", () => {
    expect(ask("FINDINGS_RECORDED", "SIGN_RECORD_TEAM", "TEAM_LEADER", signedBy(false, false))).toEqual(leadsTo("FINDINGS_RECORDED"));
    expect(ask("FINDINGS_RECORDED", "SIGN_RECORD_INSTITUTION", "INSTITUTION", signedBy(true, false))).toEqual(leadsTo("RECORD_SIGNED"));
    expect(ask("FINDINGS_RECORDED", "SIGN_RECORD_INSTITUTION", "INSTITUTION", signedBy(false, false))).toEqual(failsOn("needsTeamSignature"));
  });

  it("a side signs once, a team member cannot sign for the leader, and an empty record is not signed", () => {
    expect(ask("FINDINGS_RECORDED", "SIGN_RECORD_TEAM", "TEAM_LEADER", signedBy(true, false))).toEqual(failsOn("needsNoTeamSignature"));
    expect(decide("FINDINGS_RECORDED", "SIGN_RECORD_INSTITUTION", "INSTITUTION", signedBy(true, true))).toMatchObject({
      messageKey: "workflow.guard.needsNoInstitutionSignature",
    });
    expect(ask("FINDINGS_RECORDED", "SIGN_RECORD_TEAM", "TEAM_MEMBER", signedBy(false, true))).toMatchObject({ reason: "ACTOR_NOT_ALLOWED" });
    expect(ask("FINDINGS_RECORDED", "SIGN_RECORD_TEAM", "TEAM_LEADER", facts())).toEqual(failsOn("needsFindings"));
  });

  it("a signature freezes the record: no more findings or evidence", () => {
    expect(ask("FINDINGS_RECORDED", "RECORD_FINDING", "TEAM_MEMBER", signedBy(false, false))).toEqual(leadsTo("FINDINGS_RECORDED"));
    for (const [team, institution] of [[true, false], [false, true]] as const) {
      for (const event of ["RECORD_FINDING", "ADD_EVIDENCE"] as const) {
        expect(ask("FINDINGS_RECORDED", event, "TEAM_LEADER", signedBy(team, institution))).toEqual(failsOn("needsUnsignedRecord"));
      }
    }
  });

  it("handover needs a signed record and the feedback report", () => {
    expect(ask("FINDINGS_RECORDED", "HAND_OVER", "TEAM_LEADER", signedBy(true, true))).toMatchObject({ reason: "UNKNOWN_TRANSITION" });
    const ready = { ...signedBy(true, true), feedbackReportWritten: true };
    expect(ask("RECORD_SIGNED", "HAND_OVER", "TEAM_LEADER", ready)).toEqual(leadsTo("HANDED_OVER"));
    expect(ask("RECORD_SIGNED", "HAND_OVER", "TEAM_LEADER", { ...ready, institutionSigned: false })).toEqual(failsOn("needsBothSignatures"));
    expect(ask("RECORD_SIGNED", "HAND_OVER", "TEAM_LEADER", { ...ready, feedbackReportWritten: false })).toEqual(failsOn("needsFeedbackReport"));
  });

  it("the notice is delivered only after every commitment letter is signed", () => {
    expect(ask("DRAWN", "DELIVER_NOTICE", "TEAM_LEADER", facts())).toEqual(failsOn("needsCommitmentLetters"));
    expect(ask("DRAWN", "DELIVER_NOTICE", "TEAM_LEADER", facts({ commitmentLettersSigned: true }))).toEqual(leadsTo("NOTIFIED"));
  });

  it("a case closes on site only when nothing was found", () => {
    expect(ask("ON_SITE", "CLOSE_WITHOUT_FINDINGS", "TEAM_LEADER", facts())).toEqual(leadsTo("CLOSED"));
    expect(ask("ON_SITE", "CLOSE_WITHOUT_FINDINGS", "TEAM_LEADER", facts({ findingsCount: 1 }))).toEqual(failsOn("needsNoFindings"));
  });

  it("appeals: within the window and before the confirmation notice; the last decision returns to the handover", () => {
    const open = facts({ appealWindowOpen: true });
    expect(ask("HANDED_OVER", "FILE_APPEAL", "INSTITUTION", open)).toEqual(leadsTo("UNDER_APPEAL"));
    expect(ask("HANDED_OVER", "FILE_APPEAL", "INSTITUTION", facts())).toEqual(failsOn("needsOpenAppealWindow"));
    expect(ask("HANDED_OVER", "FILE_APPEAL", "INSTITUTION", { ...open, confirmationNoticeIssued: true })).toEqual(failsOn("needsNoConfirmationNotice"));
    expect(ask("HANDED_OVER", "ISSUE_CONFIRMATION_NOTICE", "CITY", open)).toEqual(failsOn("needsClosedAppealWindow"));
    expect(ask("UNDER_APPEAL", "DECIDE_APPEAL", "CITY", facts({ openAppeals: 2 }))).toEqual(leadsTo("UNDER_APPEAL"));
    expect(ask("UNDER_APPEAL", "DECIDE_APPEAL", "CITY", facts({ openAppeals: 1 }))).toEqual(leadsTo("HANDED_OVER"));
    expect(ask("UNDER_APPEAL", "DECIDE_APPEAL", "CITY", facts())).toEqual(failsOn("needsOpenAppeal"));
    expect(ask("HANDED_OVER", "CONFIRM_AMOUNTS", "INSTITUTION", facts())).toEqual(failsOn("needsConfirmationNotice"));
  });

  describe("no refund beyond the confirmed amount", () => {
    const owing = facts({ confirmedTotal: "1000.00", refundNoticeIssued: true, refundedTotal: "400.00" });
    const refund = (f: CaseFacts, refundAmount?: string) =>
      ask("AMOUNTS_CONFIRMED", "RECORD_REFUND", "INSTITUTION", f, refundAmount === undefined ? {} : { refundAmount });

    it("takes a refund up to the outstanding amount, to the cent", () => {
      expect(refund(owing, "600")).toEqual(leadsTo("AMOUNTS_CONFIRMED"));
      expect(refund(owing, "0.01")).toEqual(leadsTo("AMOUNTS_CONFIRMED"));
      expect(refund(owing, "600.01")).toEqual(failsOn("needsRefundWithinConfirmed"));
    });

    it.each(["0", "0.00", "-5", "1.234", "abc", ""])("refuses the refund amount %j", (amount) => {
      expect(refund(owing, amount)).toEqual(failsOn("needsValidRefundAmount"));
    });

    it("waits for the refund notice, and offers nothing once all is refunded", () => {
      expect(refund({ ...owing, refundNoticeIssued: false }, "1")).toEqual(failsOn("needsRefundNotice"));
      const settled = { ...owing, refundedTotal: "1000" };
      expect(refund(settled, "0.01")).toEqual(failsOn("needsRefundWithinConfirmed"));
      expect(allowedEvents("AMOUNTS_CONFIRMED", "INSTITUTION", settled)).not.toContain("RECORD_REFUND");
      expect(allowedEvents("AMOUNTS_CONFIRMED", "INSTITUTION", owing)).toContain("RECORD_REFUND");
    });

    it("completes only when refunded equals confirmed, including nothing to refund", () => {
      expect(ask("AMOUNTS_CONFIRMED", "COMPLETE_REFUND", "CITY", owing)).toEqual(failsOn("needsFullRefund"));
      expect(ask("AMOUNTS_CONFIRMED", "COMPLETE_REFUND", "CITY", { ...owing, refundedTotal: "1000" })).toEqual(leadsTo("REFUNDED"));
      expect(ask("AMOUNTS_CONFIRMED", "COMPLETE_REFUND", "CITY", facts())).toEqual(leadsTo("REFUNDED"));
      expect(ask("AMOUNTS_CONFIRMED", "ISSUE_REFUND_NOTICE", "CITY", facts())).toEqual(failsOn("needsAmountToRefund"));
    });
  });

  it("rectification is accepted or returned only after a report, and a large difference needs an explanation", () => {
    expect(ask("RECTIFYING", "ACCEPT_RECTIFICATION", "BUREAU", facts())).toEqual(failsOn("needsRectificationReport"));
    expect(ask("RECTIFYING", "RETURN_RECTIFICATION", "BUREAU", facts())).toEqual(failsOn("needsRectificationReport"));
    expect(ask("RECTIFYING", "ACCEPT_RECTIFICATION", "BUREAU", facts({ rectificationReportSubmitted: true }))).toEqual(leadsTo("RECTIFIED"));
    expect(ask("RECTIFYING", "ACCEPT_RECTIFICATION", "CITY", facts({ rectificationReportSubmitted: true }))).toMatchObject({ reason: "ACTOR_NOT_ALLOWED" });
    const differs = facts({ handlingDiffersFromHandover: true });
    expect(ask("RECTIFYING", "SUBMIT_RECTIFICATION_REPORT", "CITY", differs)).toEqual(failsOn("needsDifferenceExplanation"));
    expect(ask("RECTIFYING", "SUBMIT_RECTIFICATION_REPORT", "CITY", { ...differs, differenceExplained: true })).toEqual(leadsTo("RECTIFYING"));
  });
});

describe("look-back", () => {
  const earlier = { id: "case-1", institutionId: "inst-1", state: "CLOSED" as CaseState, noticeDelivered: true };

  it("links a new case to an earlier closed, inspected case of the same institution", () => {
    expect(checkLookBack({ institutionId: "inst-1" }, earlier)).toEqual({ ok: true });
  });

  it.each([
    [{ id: "case-1", institutionId: "inst-1" }, earlier, "LOOK_BACK_SAME_CASE"],
    [{ institutionId: "inst-2" }, earlier, "LOOK_BACK_OTHER_INSTITUTION"],
    [{ institutionId: "inst-1" }, { ...earlier, state: "RECTIFYING" as CaseState }, "LOOK_BACK_NOT_CLOSED"],
    [{ institutionId: "inst-1" }, { ...earlier, noticeDelivered: false }, "LOOK_BACK_NEVER_INSPECTED"],
  ])("refuses %j → %j as %s", (newCase, candidate, reason) => {
    expect(checkLookBack(newCase, candidate)).toMatchObject({ ok: false, reason });
  });
});

/** States reachable from `start` along table rows, guards ignored, never entering `avoid`. */
function reachable(start: CaseState, avoid?: CaseState): Set<CaseState> {
  const seen = new Set<CaseState>([start]);
  const queue = [start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const t of TRANSITIONS.filter((row) => row.from === state && row.to !== avoid && !seen.has(row.to))) {
      seen.add(t.to);
      queue.push(t.to);
    }
  }
  return seen;
}

describe("the graph", () => {
  it("reaches every state from DRAWN", () => {
    expect(reachable("DRAWN")).toEqual(new Set(CASE_STATES));
  });

  it("reaches CLOSED from every state", () => {
    for (const state of CASE_STATES) expect(reachable(state).has("CLOSED"), state).toBe(true);
  });

  it("has no way to HANDED_OVER that bypasses RECORD_SIGNED", () => {
    expect(reachable("DRAWN", "RECORD_SIGNED").has("HANDED_OVER")).toBe(false);
  });
});

describe("properties over any facts", () => {
  it("allowedEvents offers exactly the events decide accepts", () => {
    fc.assert(
      fc.property(stateArb, actorArb, factsArb, (state, actor, f) => {
        expect(allowedEvents(state, actor, f)).toEqual(CASE_EVENTS.filter((event) => decide(state, event, actor, f).ok));
      }),
      { numRuns: 2000 },
    );
  });

  it("an accepted event follows a row of the table for that actor", () => {
    fc.assert(
      fc.property(stateArb, eventArb, actorArb, factsArb, inputArb, (state, event, actor, f, input) => {
        const decision = decide(state, event, actor, f, input);
        if (!decision.ok) return;
        const rows = TRANSITIONS.filter((t) => t.from === state && t.event === event && t.actors.includes(actor));
        expect(rows.map(rowKey)).toContain(rowKey(decision));
        expect(decision.transition).toBe(rows.find((t) => t.to === decision.to));
        expect(decision.changesState).toBe(decision.to !== state);
      }),
      { numRuns: 3000 },
    );
  });

  it("random sequences of events stay in CASE_STATES, and CLOSED is absorbing", () => {
    const step = fc.record({ event: eventArb, actor: actorArb, facts: factsArb, input: inputArb });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80, size: "max" }), (steps) => {
        let state: CaseState = "DRAWN";
        for (const s of steps) {
          const decision = decide(state, s.event, s.actor, s.facts, s.input);
          if (state === "CLOSED") expect(decision).toMatchObject({ ok: false, reason: "UNKNOWN_TRANSITION" });
          if (decision.ok) state = decision.to;
          expect(isCaseState(state)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("rows of one state and event never hold together, so the outcome does not depend on row order", () => {
    const groups = new Map<string, CaseTransition[]>();
    for (const t of TRANSITIONS) groups.set(`${t.from} ${t.event}`, [...(groups.get(`${t.from} ${t.event}`) ?? []), t]);
    const shared = [...groups.values()].filter((rows) => rows.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(factsArb, inputArb, (f, input) => {
        for (const rows of shared) {
          const holding = rows.filter((t) => t.guards.every((g) => CASE_GUARDS[g](f, input)));
          expect(holding.length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * A model of the services: an accepted event changes the case's records as the server will, so that
 * random runs meet the guards with facts that follow from their history, not arbitrary ones.
 */
interface SimStep {
  from: CaseState;
  event: CaseEvent;
  to: CaseState;
  before: CaseFacts;
  after: CaseFacts;
}
interface Sim {
  state: CaseState;
  facts: CaseFacts;
  trail: SimStep[];
}

function effect(f: CaseFacts, event: CaseEvent, input: CaseEventInput, noticeAmount: string): CaseFacts {
  switch (event) {
    case "RECORD_FINDING":
      return { ...f, findingsCount: f.findingsCount + 1 };
    case "SIGN_RECORD_TEAM":
      return { ...f, teamSigned: true };
    case "SIGN_RECORD_INSTITUTION":
      return { ...f, institutionSigned: true };
    case "WRITE_FEEDBACK_REPORT":
      return { ...f, feedbackReportWritten: true };
    case "FILE_APPEAL":
      return { ...f, openAppeals: f.openAppeals + 1 };
    case "DECIDE_APPEAL":
      return { ...f, openAppeals: f.openAppeals - 1 };
    case "ISSUE_CONFIRMATION_NOTICE":
      return { ...f, confirmationNoticeIssued: true, confirmedTotal: noticeAmount };
    case "ISSUE_REFUND_NOTICE":
      return { ...f, refundNoticeIssued: true };
    case "RECORD_REFUND":
      return { ...f, refundedTotal: addMoney(f.refundedTotal, input.refundAmount!) };
    case "SUBMIT_RECTIFICATION_REPORT":
      return { ...f, rectificationReportSubmitted: true };
    case "SUBMIT_PROGRESS_REPORT":
      return { ...f, progressReportSubmitted: true };
    case "RETURN_RECTIFICATION":
      return { ...f, rectificationReportSubmitted: false };
    default:
      return f;
  }
}

function apply(sim: Sim, event: CaseEvent, actor: CaseActorKind, input: CaseEventInput = {}, noticeAmount = "0.00"): CaseDecision {
  const decision = decide(sim.state, event, actor, sim.facts, input);
  if (decision.ok) {
    const after = effect(sim.facts, event, input, noticeAmount);
    sim.trail.push({ from: sim.state, event, to: decision.to, before: sim.facts, after });
    sim.state = decision.to;
    sim.facts = after;
  }
  return decision;
}

const outstanding = (f: CaseFacts): string => subtractMoney(f.confirmedTotal, f.refundedTotal);

/** Facts no event sets: time passes, letters get signed, the city finds its result differs. */
const WORLD = ["commitmentLettersSigned", "appealWindowOpen", "handlingDiffersFromHandover", "differenceExplained"] as const;

const EARLY_ENDS: readonly CaseEvent[] = ["CANCEL", "CLOSE_WITHOUT_FINDINGS"];

/**
 * Most steps take an allowed event (half of them one that moves the case on), rarely one that ends the
 * case early; the others try any event by any actor, mostly to be refused.
 */
const worldArb = fc.record({
  commitmentLettersSigned: fc.boolean(),
  appealWindowOpen: fc.boolean(),
  handlingDiffersFromHandover: fc.boolean(),
  differenceExplained: fc.boolean(),
});
const simStepArb = fc.record({
  fromAllowed: fc.nat({ max: 9 }).map((n) => n >= 2),
  forward: fc.boolean(),
  mayEndEarly: fc.nat({ max: 19 }).map((n) => n === 0),
  index: fc.nat({ max: 60 }),
  event: eventArb,
  actor: actorArb,
  cents: fc.bigInt({ min: 0n, max: 200_000n }),
  refund: fc.constantFrom("random", "all", "oneCentTooMuch"),
  flip: fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...WORLD) }),
});
type SimStepChoice = typeof simStepArb extends fc.Arbitrary<infer T> ? T : never;

function run(world: Pick<CaseFacts, (typeof WORLD)[number]>, steps: SimStepChoice[], check: (sim: Sim) => void = () => {}): Sim {
  const sim: Sim = { state: "DRAWN", facts: { ...NO_FACTS, ...world }, trail: [] };
  for (const s of steps) {
    if (s.flip) sim.facts = { ...sim.facts, [s.flip]: !sim.facts[s.flip] };
    let [event, actor] = [s.event, s.actor];
    if (s.fromAllowed) {
      const allowed = CASE_ACTOR_KINDS.flatMap((a) => allowedEvents(sim.state, a, sim.facts).map((e) => [e, a] as const)).filter(
        ([e]) => s.mayEndEarly || !EARLY_ENDS.includes(e),
      );
      const moving = allowed.filter(([e, a]) => {
        const decision = decide(sim.state, e, a, sim.facts);
        return decision.ok && decision.changesState;
      });
      if (s.forward && moving.length > 0) allowed.splice(0, allowed.length, ...moving);
      if (allowed.length === 0) continue;
      [event, actor] = allowed[s.index % allowed.length]!;
    }
    const due = parseMoney(outstanding(sim.facts));
    const refundAmount = moneyFromCents(s.refund === "all" ? due : s.refund === "oneCentTooMuch" ? due + 1n : s.cents);
    apply(sim, event, actor, event === "RECORD_REFUND" ? { refundAmount } : {}, moneyFromCents(s.cents));
    check(sim);
  }
  return sim;
}

const ONCE_SIGNED: readonly CaseState[] = ["RECORD_SIGNED", "HANDED_OVER", "UNDER_APPEAL", "AMOUNTS_CONFIRMED", "REFUNDED", "RECTIFYING", "RECTIFIED"];

function checkInvariants(sim: Sim): void {
  expect(isCaseState(sim.state)).toBe(true);
  expect(compareMoney(sim.facts.refundedTotal, sim.facts.confirmedTotal)).toBeLessThanOrEqual(0);
  expect(sim.facts.openAppeals > 0).toBe(sim.state === "UNDER_APPEAL");
  if (ONCE_SIGNED.includes(sim.state)) expect(sim.facts.teamSigned && sim.facts.institutionSigned).toBe(true);
  const visited = ["DRAWN", ...sim.trail.map((s) => s.to)];
  if (visited.includes("HANDED_OVER")) expect(visited.indexOf("RECORD_SIGNED")).toBeLessThan(visited.indexOf("HANDED_OVER"));
  const closedAt = sim.trail.findIndex((s) => s.to === "CLOSED");
  if (closedAt !== -1) expect(sim.trail.length - 1).toBe(closedAt);
  const last = sim.trail.at(-1);
  if (!last || last.from === last.to) return;
  const { before, after } = last;
  if (last.to === "NOTIFIED") expect(before.commitmentLettersSigned).toBe(true);
  if (last.to === "RECORD_SIGNED") {
    expect(before.teamSigned !== before.institutionSigned).toBe(true);
    expect(after.teamSigned && after.institutionSigned).toBe(true);
  }
  if (last.to === "HANDED_OVER" && last.from === "RECORD_SIGNED") expect(before.feedbackReportWritten).toBe(true);
  if (last.to === "REFUNDED") expect(compareMoney(before.refundedTotal, before.confirmedTotal)).toBe(0);
  if (last.to === "RECTIFIED") expect(before.rectificationReportSubmitted).toBe(true);
}

/** A cooperative world and a fixed preference for moving forward. */
const FORWARD: readonly CaseEvent[] = [
  "CLOSE",
  "ACCEPT_RECTIFICATION",
  "SUBMIT_RECTIFICATION_REPORT",
  "END_HANDLING",
  "COMPLETE_REFUND",
  "RECORD_REFUND",
  "ISSUE_REFUND_NOTICE",
  "CONFIRM_AMOUNTS",
  "ISSUE_CONFIRMATION_NOTICE",
  "DECIDE_APPEAL",
  "HAND_OVER",
  "WRITE_FEEDBACK_REPORT",
  "SIGN_RECORD_TEAM",
  "SIGN_RECORD_INSTITUTION",
  "CLOSE_WITHOUT_FINDINGS",
  "START_ON_SITE",
  "DELIVER_NOTICE",
];

function driveToClose(sim: Sim): void {
  sim.facts = { ...sim.facts, commitmentLettersSigned: true, appealWindowOpen: false, differenceExplained: true };
  for (let i = 0; i < 40 && sim.state !== "CLOSED"; i++) {
    const input = { refundAmount: outstanding(sim.facts) };
    const next = FORWARD.flatMap((e) => CASE_ACTOR_KINDS.map((a) => [e, a] as const)).find(([e, a]) => decide(sim.state, e, a, sim.facts, input).ok);
    if (!next) return;
    apply(sim, next[0], next[1], input, "250.00");
    checkInvariants(sim);
  }
}

describe("random cases, run through a model of the services", () => {
  const runs = fc.tuple(worldArb, fc.array(simStepArb, { minLength: 1, maxLength: 150, size: "max" }));

  it("keep every invariant after every step", () => {
    fc.assert(fc.property(runs, ([world, steps]) => void run(world, steps, checkInvariants)), { numRuns: 400 });
  });

  it("can always still be closed, wherever they stand", () => {
    fc.assert(
      fc.property(runs, ([world, steps]) => {
        const sim = run(world, steps);
        driveToClose(sim);
        expect(sim.state).toBe("CLOSED");
      }),
      { numRuns: 400 },
    );
  });

  it("visit every state between them", () => {
    const visited = new Set<CaseState>(["DRAWN"]);
    for (const [world, steps] of fc.sample(runs, { numRuns: 200, seed: 42 })) {
      for (const s of run(world, steps).trail) visited.add(s.to);
    }
    expect(visited).toEqual(new Set(CASE_STATES));
  });

  it("a case walks from the notice to closing, with an appeal and a refund in two parts", () => {
    const sim: Sim = { state: "DRAWN", facts: facts({ commitmentLettersSigned: true }), trail: [] };
    const ok = (event: CaseEvent, actor: CaseActorKind, input: CaseEventInput = {}, notice?: string) =>
      expect(outcome(apply(sim, event, actor, input, notice))).toMatchObject({ ok: true });
    ok("DELIVER_NOTICE", "TEAM_LEADER");
    ok("START_ON_SITE", "TEAM_LEADER");
    ok("ADD_EVIDENCE", "TEAM_MEMBER");
    ok("RECORD_FINDING", "TEAM_MEMBER");
    ok("RECORD_FINDING", "TEAM_LEADER");
    ok("SIGN_RECORD_TEAM", "TEAM_LEADER");
    expect(sim.state).toBe("FINDINGS_RECORDED");
    ok("SIGN_RECORD_INSTITUTION", "INSTITUTION");
    expect(sim.state).toBe("RECORD_SIGNED");
    ok("WRITE_FEEDBACK_REPORT", "TEAM_LEADER");
    ok("HAND_OVER", "TEAM_LEADER");
    sim.facts = { ...sim.facts, appealWindowOpen: true };
    ok("FILE_APPEAL", "INSTITUTION");
    ok("SUBMIT_PROGRESS_REPORT", "CITY");
    ok("DECIDE_APPEAL", "CITY");
    sim.facts = { ...sim.facts, appealWindowOpen: false };
    ok("ISSUE_CONFIRMATION_NOTICE", "CITY", {}, "1000.00");
    ok("CONFIRM_AMOUNTS", "INSTITUTION");
    ok("ISSUE_REFUND_NOTICE", "CITY");
    ok("RECORD_REFUND", "INSTITUTION", { refundAmount: "400" });
    expect(allowedEvents(sim.state, "CITY", sim.facts)).not.toContain("COMPLETE_REFUND");
    ok("RECORD_REFUND", "CITY", { refundAmount: "600.00" });
    ok("COMPLETE_REFUND", "CITY");
    ok("END_HANDLING", "CITY");
    ok("SUBMIT_RECTIFICATION_MATERIAL", "INSTITUTION");
    ok("SUBMIT_RECTIFICATION_REPORT", "CITY");
    ok("RETURN_RECTIFICATION", "BUREAU");
    expect(allowedEvents(sim.state, "BUREAU", sim.facts)).toEqual([]);
    ok("SUBMIT_RECTIFICATION_REPORT", "CITY");
    ok("ACCEPT_RECTIFICATION", "BUREAU");
    ok("CLOSE", "BUREAU");
    expect(new Set(["DRAWN", ...sim.trail.map((s) => s.to)])).toEqual(new Set(CASE_STATES));
    for (const actor of CASE_ACTOR_KINDS) expect(allowedEvents("CLOSED", actor, sim.facts)).toEqual([]);
  });
});
