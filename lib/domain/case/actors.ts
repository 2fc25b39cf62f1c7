/**
 * Who acts on a case, as the workflow sees it. These kinds are parts in the procedure, not database
 * roles: the server resolves a user to one kind for one case (`caseActorKindOf`), after it has checked
 * that the user may see the case at all (scope, recusal, confidentiality before the notice).
 */

export const CASE_ACTOR_KINDS = ["BUREAU", "TEAM_LEADER", "TEAM_MEMBER", "CITY", "INSTITUTION"] as const;
export type CaseActorKind = (typeof CASE_ACTOR_KINDS)[number];

/** The user roles of the schema (`Role` in prisma/schema/platform.prisma), repeated because lib/domain imports nothing from lib/server. */
export const USER_ROLES = ["BUREAU_ADMIN", "BUREAU_STAFF", "CITY_STAFF", "INSTITUTION_STAFF", "INSPECTOR"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Team membership roles (DOMAIN.md: TeamMember role). */
export const TEAM_ROLES = ["LEADER", "DEPUTY", "LIAISON", "MEMBER", "EXPERT", "THIRD_PARTY"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * Jilin plan §三(一): the team works under its leader's responsibility (组长负责制); the deputy assists
 * the leader and the provincial liaison coordinates and tracks rectification. Only the leader delivers
 * the notice, signs the problem record and hands over; everyone on the team records findings and evidence.
 */
const TEAM_ACTOR_KIND = {
  LEADER: "TEAM_LEADER",
  DEPUTY: "TEAM_MEMBER",
  LIAISON: "TEAM_MEMBER",
  MEMBER: "TEAM_MEMBER",
  EXPERT: "TEAM_MEMBER",
  THIRD_PARTY: "TEAM_MEMBER",
} as const satisfies Record<TeamRole, CaseActorKind>;

const ROLE_ACTOR_KIND = {
  BUREAU_ADMIN: "BUREAU",
  BUREAU_STAFF: "BUREAU",
  CITY_STAFF: "CITY",
  INSTITUTION_STAFF: "INSTITUTION",
  INSPECTOR: null,
} as const satisfies Record<UserRole, CaseActorKind | null>;

/**
 * The workflow part a user plays on one case. `teamRole` is the user's membership role on the team
 * assigned to this case (null when not a member, or when recused): an inspector acts only through it.
 * Null means the user takes no part in this case's workflow.
 *
 * The server passes only users already in scope: CITY_STAFF of the inspected region's bureau,
 * INSTITUTION_STAFF of the inspected institution; this function does not see organizations.
 */
export function caseActorKindOf(role: UserRole, teamRole: TeamRole | null): CaseActorKind | null {
  if (role === "INSPECTOR") return teamRole === null ? null : TEAM_ACTOR_KIND[teamRole];
  return ROLE_ACTOR_KIND[role];
}
