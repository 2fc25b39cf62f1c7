import "server-only";
import type { Prisma, PrismaClient } from "@/lib/server/db/client";
import type { OrganizationKind, Role } from "@/lib/server/db/generated/enums";
import { recordAudit } from "@/lib/server/audit/record";
import { hashPassword } from "@/lib/server/auth/password";
import { accountThrottleKey } from "@/lib/server/auth/throttle";
import { DomainError } from "@/lib/server/errors";
import type { Actor, RequestContext } from "@/lib/server/policy/actor";
import { requirePermission } from "@/lib/server/policy/policy";
import { scope } from "@/lib/server/policy/scope";
import type { TCreateUserInput, TDeactivateInput } from "@/lib/validation/admin";

/** Which kind of organization each role belongs to: a city clerk cannot sit in a hospital. */
export const ROLE_ORGANIZATION_KIND = {
  BUREAU_ADMIN: ["PROVINCIAL_BUREAU"],
  BUREAU_STAFF: ["PROVINCIAL_BUREAU"],
  CITY_STAFF: ["CITY_BUREAU"],
  INSTITUTION_STAFF: ["INSTITUTION"],
  // Inspectors are bureau staff of either level, or experts and third-party staff registered under an institution.
  INSPECTOR: ["PROVINCIAL_BUREAU", "CITY_BUREAU", "INSTITUTION"],
} as const satisfies Record<Role, readonly OrganizationKind[]>;

const USER_PUBLIC = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  staffNumber: true,
  active: true,
  version: true,
  lastLoginAt: true,
  createdAt: true,
  organization: { select: { id: true, name: true, kind: true } },
} satisfies Prisma.UserSelect;

export async function listUsers(db: PrismaClient, actor: Actor, filter: { query?: string; page?: number } = {}) {
  requirePermission(actor, "user.read");
  const pageSize = 50;
  const page = Math.max(1, filter.page ?? 1);
  const where: Prisma.UserWhereInput = {
    AND: [
      scope.user(actor),
      filter.query ? { OR: [{ username: { contains: filter.query, mode: "insensitive" } }, { displayName: { contains: filter.query } }] } : {},
    ],
  };
  const [users, total] = await Promise.all([
    db.user.findMany({ where, select: USER_PUBLIC, orderBy: [{ active: "desc" }, { username: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.user.count({ where }),
  ]);
  // An account under a guessing attack is refused from addresses it has not signed in from (lib/server/auth/throttle.ts).
  const now = new Date();
  const blocks = await db.loginThrottle.findMany({
    where: { key: { in: users.map((user) => accountThrottleKey(user.username)) }, blockedUntil: { gt: now } },
    select: { key: true, blockedUntil: true },
  });
  const restricted = new Map(blocks.map((block) => [block.key, block.blockedUntil]));
  const rows = users.map((user) => ({ ...user, signInRestrictedUntil: restricted.get(accountThrottleKey(user.username)) ?? null }));
  return { rows, total, page, pageSize };
}

export async function createUser(db: PrismaClient, actor: Actor, input: TCreateUserInput, context: RequestContext = {}) {
  requirePermission(actor, "user.create");
  const organization = await db.organization.findFirst({ where: { AND: [scope.organization(actor), { id: input.organizationId }] } });
  if (!organization) throw new DomainError("NOT_FOUND", { organizationId: "errors.notFound" });
  if (!organization.active) throw new DomainError("ORGANIZATION_INACTIVE", { organizationId: "errors.organizationInactive" });
  if (!(ROLE_ORGANIZATION_KIND[input.role] as readonly OrganizationKind[]).includes(organization.kind)) {
    throw new DomainError("ROLE_ORGANIZATION_MISMATCH", { role: "errors.roleOrganizationMismatch" });
  }
  if (await db.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
    throw new DomainError("USERNAME_TAKEN", { username: "errors.usernameTaken" });
  }
  if (input.staffNumber && (await db.user.findUnique({ where: { staffNumber: input.staffNumber }, select: { id: true } }))) {
    throw new DomainError("STAFF_NUMBER_TAKEN", { staffNumber: "errors.staffNumberTaken" });
  }
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        organizationId: organization.id,
        staffNumber: input.staffNumber ?? null,
        passwordHash,
      },
      select: USER_PUBLIC,
    });
    await recordAudit(tx, { actor, action: "user.create", entity: "User", entityId: user.id, after: { ...user, organization: user.organization.id }, context });
    return user;
  });
}

export async function deactivateUser(db: PrismaClient, actor: Actor, input: TDeactivateInput, context: RequestContext = {}) {
  requirePermission(actor, "user.deactivate");
  const user = await db.user.findFirst({ where: { AND: [scope.user(actor), { id: input.id }] }, select: USER_PUBLIC });
  if (!user) throw new DomainError("NOT_FOUND");
  if (user.id === actor.userId) throw new DomainError("CANNOT_DEACTIVATE_SELF");
  return db.$transaction(async (tx) => {
    // sessionVersion goes up with it, so a deactivated user's open session ends on its next request.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, version: input.version, active: true },
      data: { active: false, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    if (count !== 1) throw new DomainError("STALE_VERSION");
    await recordAudit(tx, { actor, action: "user.deactivate", entity: "User", entityId: user.id, before: { active: true }, after: { active: false }, context });
  });
}
