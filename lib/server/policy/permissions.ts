import type { Role } from "@/lib/server/db/generated/enums";

/** Every action the server checks, as `resource.action`. */
export const PERMISSIONS = [
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
  "plan.read",
  "plan.create",
  "plan.manageTargets",
  "team.manage",
  "case.read",
  "commitment.sign",
  "case.auditTrail",
  "calendar.manage",
  "rectification.review",
  "draw.run",
  "conflict.declare",
  "masterData.read",
  "masterData.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

// Every role reads cases, each through its own scope (lib/server/policy/scope.ts: inspectionCase).
const EVERYONE: readonly Permission[] = ["account.changePassword", "account.setLocale", "case.read"];
// Master data (issue 5): the bureau keeps the lists the draw reads; nobody else reads or writes them.
const MASTER_DATA: readonly Permission[] = ["masterData.read", "masterData.manage"];
const PLANNING: readonly Permission[] = ["plan.read", "plan.create", "plan.manageTargets", "team.manage", "case.auditTrail", "rectification.review", "draw.run", "conflict.declare"];

/**
 * The policy, as one table: which role holds which permission. `satisfies Record<Role, …>` makes a new
 * role a type error until it is placed here. What an inspector may do on a case comes from team
 * membership (checked per record), not from this table.
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
    "calendar.manage",
    ...PLANNING,
    ...MASTER_DATA,
  ],
  BUREAU_STAFF: [...EVERYONE, "portal.bureau", "organization.read", "poolingRegion.read", ...PLANNING, ...MASTER_DATA],
  CITY_STAFF: [...EVERYONE, "portal.city"],
  INSTITUTION_STAFF: [...EVERYONE, "portal.institution"],
  INSPECTOR: [...EVERYONE, "portal.team", "commitment.sign", "conflict.declare"],
} as const satisfies Record<Role, readonly Permission[]>;

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return (ROLE_PERMISSIONS[role] as readonly Permission[]).includes(permission);
}

export const PORTALS = ["bureau", "team", "city", "institution"] as const;
export type Portal = (typeof PORTALS)[number];

export function portalOf(role: Role): Portal {
  const portal = PORTALS.find((p) => roleHasPermission(role, `portal.${p}`));
  if (!portal) throw new Error(`Role ${role} has no portal`);
  return portal;
}
