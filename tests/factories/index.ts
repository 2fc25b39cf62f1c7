import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/server/db/client";
import type { OrganizationKind, Role } from "@/lib/server/db/generated/enums";
import { hashPassword } from "@/lib/server/auth/password";
import { loadActor } from "@/lib/server/auth/actor";
import { startSession } from "@/lib/server/auth/sessions";
import type { Actor } from "@/lib/server/policy/actor";

export const FACTORY_PASSWORD = "Factory-pass-1";
let passwordHash: Promise<string> | undefined;

const suffix = () => randomUUID().slice(0, 8);

export async function makeRegion(db: PrismaClient, name = `测试统筹区${suffix()}`) {
  return db.poolingRegion.create({ data: { code: `T${suffix()}`, name } });
}

export async function makeOrganization(db: PrismaClient, kind: OrganizationKind, overrides: { name?: string; poolingRegionId?: string | null } = {}) {
  const poolingRegionId = overrides.poolingRegionId !== undefined ? overrides.poolingRegionId : kind === "PROVINCIAL_BUREAU" ? null : (await makeRegion(db)).id;
  return db.organization.create({ data: { name: overrides.name ?? `${kind}-${suffix()}`, kind, poolingRegionId } });
}

const HOME_KIND: Record<Role, OrganizationKind> = {
  BUREAU_ADMIN: "PROVINCIAL_BUREAU",
  BUREAU_STAFF: "PROVINCIAL_BUREAU",
  CITY_STAFF: "CITY_BUREAU",
  INSTITUTION_STAFF: "INSTITUTION",
  INSPECTOR: "PROVINCIAL_BUREAU",
};

export async function makeUser(db: PrismaClient, role: Role, overrides: { organizationId?: string; username?: string; active?: boolean } = {}) {
  passwordHash ??= hashPassword(FACTORY_PASSWORD);
  const organizationId = overrides.organizationId ?? (await makeOrganization(db, HOME_KIND[role])).id;
  return db.user.create({
    data: {
      username: overrides.username ?? `${role.toLowerCase()}-${suffix()}`,
      displayName: `测试${role}`,
      role,
      organizationId,
      passwordHash: await passwordHash,
      active: overrides.active ?? true,
    },
  });
}

/** A user of the role and the actor the server would build for them, from a signed-in session. */
export async function makeActor(db: PrismaClient, role: Role, overrides: Parameters<typeof makeUser>[2] = {}): Promise<Actor> {
  const user = await makeUser(db, role, overrides);
  const sessionId = await db.$transaction((tx) => startSession(tx, user.id));
  const actor = await loadActor(db, { userId: user.id, sessionVersion: user.sessionVersion, sessionId });
  if (!actor) throw new Error("factory user has no actor");
  return actor;
}

export const ALL_ROLES: Role[] = ["BUREAU_ADMIN", "BUREAU_STAFF", "CITY_STAFF", "INSTITUTION_STAFF", "INSPECTOR"];
