import { CASE_EVENT_PERMISSIONS, type CaseEventPermission } from "@/lib/domain/case/transitions";
import type { Role } from "./actor";

/** Every action the server checks, as `resource.action`, besides the case events' (lib/domain/case/transitions.ts). */
const BASE_PERMISSIONS = [
  "portal.bureau",
  "portal.team",
  "portal.city",
  "portal.institution",
  "account.changePassword",
  "account.setLocale",
  "user.read",
  "user.create",
  "user.deactivate",
  "organization.read",
  "organization.create",
  "organization.deactivate",
  "poolingRegion.read",
  "audit.read",
  /** The change feed of audit events, each reader's own scope (the API's `/events`). */
  "event.read",
  "apiToken.manage",
  "plan.read",
  "plan.create",
  "plan.manageTargets",
  "team.manage",
  "case.read",
  "commitment.sign",
  "case.auditTrail",
  "calendar.manage",
  /** The bureau's handling settings: the threshold of a difference that needs a written explanation. */
  "handlingSettings.manage",
  /** The bureau's own .docx templates of the official documents (issue 15 §6). */
  "documentTemplate.manage",
  "rectification.review",
  "draw.run",
  "conflict.declare",
  "masterData.read",
  "masterData.manage",
  /** 公开查处结果: propose, approve (never one's own proposal) and withdraw a published result (issue 17 §4). */
  "publication.manage",
  /** The publication periods: within how many working days of the decision, and for how many years. */
  "publicationSettings.manage",
] as const;

export const PERMISSIONS = [...BASE_PERMISSIONS, ...Object.values(CASE_EVENT_PERMISSIONS)] as const;
export type Permission = (typeof BASE_PERMISSIONS)[number] | CaseEventPermission;

// Every role reads cases, each through its own scope (lib/server/policy/scope.ts: inspectionCase), and the
// change feed of what it may read.
const EVERYONE: readonly Permission[] = ["account.changePassword", "account.setLocale", "case.read", "event.read"];
// Master data (issue 5): the bureau keeps the lists the draw reads; nobody else reads or writes them.
const MASTER_DATA: readonly Permission[] = ["masterData.read", "masterData.manage"];
const PLANNING: readonly Permission[] = ["publication.manage", "plan.read", "plan.create", "plan.manageTargets", "team.manage", "case.auditTrail", "rectification.review", "draw.run", "conflict.declare"];

// The case events each role may make, if it plays the part the workflow table names for the event on the case.
const BUREAU_EVENTS: readonly Permission[] = ["case.cancel", "case.acceptRectification", "case.returnRectification", "case.close"];
const TEAM_EVENTS: readonly Permission[] = [
  "case.deliverNotice",
  "case.startOnSite",
  "case.addEvidence",
  "case.recordFinding",
  "case.closeWithoutFindings",
  "case.signRecordTeam",
  "case.writeFeedbackReport",
  "case.handOver",
  "case.editFinding",
  "case.withdrawFinding",
  "case.withdrawEvidence",
];
const CITY_EVENTS: readonly Permission[] = [
  "case.decideAppeal",
  "case.issueConfirmationNotice",
  "case.withdrawConfirmationNotice",
  "case.issueRefundNotice",
  "case.recordRefund",
  "case.completeRefund",
  "case.submitProgressReport",
  "case.endHandling",
  "case.submitRectificationReport",
];
const INSTITUTION_EVENTS: readonly Permission[] = ["case.signRecordInstitution", "case.fileAppeal", "case.confirmAmounts", "case.disputeConfirmationNotice", "case.recordRefund", "case.submitRectificationMaterial"];

/**
 * The policy, as one table: which role holds which permission. `satisfies Record<Role, …>` makes a new
 * role a type error until it is placed here. What an inspector may do on one case also depends on their
 * part in its team (leader or member), which the workflow table decides per event.
 */
export const ROLE_PERMISSIONS = {
  BUREAU_ADMIN: [
    ...EVERYONE,
    "portal.bureau",
    "user.read",
    "user.create",
    "user.deactivate",
    "organization.read",
    "organization.create",
    "organization.deactivate",
    "poolingRegion.read",
    "audit.read",
    "apiToken.manage",
    "calendar.manage",
    "handlingSettings.manage",
    "publicationSettings.manage",
    "documentTemplate.manage",
    ...PLANNING,
    ...MASTER_DATA,
    ...BUREAU_EVENTS,
  ],
  BUREAU_STAFF: [...EVERYONE, "portal.bureau", "organization.read", "poolingRegion.read", ...PLANNING, ...MASTER_DATA, ...BUREAU_EVENTS],
  CITY_STAFF: [...EVERYONE, "portal.city", ...CITY_EVENTS],
  INSTITUTION_STAFF: [...EVERYONE, "portal.institution", ...INSTITUTION_EVENTS],
  INSPECTOR: [...EVERYONE, "portal.team", "commitment.sign", "conflict.declare", ...TEAM_EVENTS],
} as const satisfies Record<Role, readonly Permission[]>;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

export const PORTALS = ["bureau", "team", "city", "institution"] as const;
export type Portal = (typeof PORTALS)[number];

export function portalOf(role: Role): Portal {
  const portal = PORTALS.find((p) => roleHasPermission(role, `portal.${p}`));
  if (!portal) throw new Error(`Role ${role} has no portal`);
  return portal;
}
