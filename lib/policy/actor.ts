import type { AppLocale } from "@/lib/i18n/config";
import { USER_ROLES, type UserRole } from "@/lib/domain/case/actors";

/**
 * Roles and organization kinds as the policy sees them: the same lists as the Prisma enums `Role` and
 * `OrganizationKind` (tests/unit/policy-enums.test.ts keeps them equal), repeated here so that components
 * and lib/domain can use the policy without importing server code.
 */
export const ROLES = USER_ROLES;
export type Role = UserRole;
export const ORGANIZATION_KINDS = ["PROVINCIAL_BUREAU", "CITY_BUREAU", "INSTITUTION"] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Who is acting, as the server established it from the session or an API token and the database: never from the client. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  poolingRegionId: string | null;
  locale: AppLocale;
  /**
   * Set when the actor acts through an API token (a system account): the token's own permissions, a
   * subset of the role's. `can` grants only what both the role and the token hold.
   */
  token?: { id: string; permissions: readonly string[] };
}

/** Request facts that go into the audit trail with whatever the actor does. */
export interface RequestContext {
  requestId?: string;
  ip?: string;
}
