import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { DomainError } from "@/lib/errors";
import type { Actor, RequestContext, Role } from "@/lib/policy/actor";
import { requirePermission } from "@/lib/policy/can";
import { roleHasPermission, type Permission } from "@/lib/policy/permissions";
import { recordAudit } from "@/lib/server/audit/record";
import { hashPassword } from "@/lib/server/auth/password";
import type { PrismaClient } from "@/lib/server/db/client";
import { scope } from "@/lib/server/policy/scope";
import type { TIssueApiTokenInput, TRevokeApiTokenInput } from "@/lib/validation/api-tokens";
import { MAX_TOKEN_DAYS } from "@/lib/validation/api-tokens";
import { tokenSha256 } from "./authenticate";

/** The role a system account of each kind of organization acts in: never an administrator, never an inspector. */
const SYSTEM_ROLE = { PROVINCIAL_BUREAU: "BUREAU_STAFF", CITY_BUREAU: "CITY_STAFF", INSTITUTION: "INSTITUTION_STAFF" } as const satisfies Record<string, Role>;

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

function prefix(): string {
  return Array.from(randomBytes(8), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");
}

/**
 * Issues a token for another system (the national platform's data exchange, the health commission, police
 * referrals): a new system account in the chosen organization, the token's permissions a subset of that
 * account's role (a city's token can never read another city's cases: scope follows the organization).
 * The token is returned once; only its SHA-256 is kept.
 */
export async function issueApiToken(db: PrismaClient, actor: Actor, input: TIssueApiTokenInput, context: RequestContext = {}, now = new Date()) {
  requirePermission(actor, "apiToken.manage");
  const organization = await db.organization.findFirst({ where: { AND: [scope.organization(actor), { id: input.organizationId, active: true }] } });
  if (!organization) throw new DomainError("VALIDATION", { organizationId: "validation.invalidId" });
  const role = SYSTEM_ROLE[organization.kind];
  const permissions = [...new Set(input.permissions)] as Permission[];
  const beyondRole = permissions.filter((permission) => !roleHasPermission(role, permission) || permission.startsWith("portal."));
  if (beyondRole.length > 0) throw new DomainError("VALIDATION", { permissions: "validation.permissionBeyondRole" });
  const expiresAt = new Date(`${input.expiresOn}T23:59:59+08:00`);
  if (expiresAt <= now || expiresAt.getTime() - now.getTime() > MAX_TOKEN_DAYS * 86_400_000) throw new DomainError("VALIDATION", { expiresOn: "validation.tokenExpiry" });

  const token = `fj_${prefix()}_${randomBytes(32).toString("base64url")}`;
  // A password nobody knows (random, hashed): the account cannot sign in anyway (isSystemAccount).
  const passwordHash = await hashPassword(randomBytes(32).toString("hex"));
  const created = await db.$transaction(async (tx) => {
    const account = await tx.user.create({
      data: { username: `system-${randomUUID().slice(0, 12)}`, displayName: input.name, role, organizationId: organization.id, passwordHash, isSystemAccount: true },
    });
    const row = await tx.apiToken.create({
      data: { name: input.name, userId: account.id, permissions, prefix: token.slice(0, 11), secretSha256: tokenSha256(token), expiresAt, rateLimitPerMinute: input.rateLimitPerMinute ?? 120, createdById: actor.userId },
      select: { id: true, prefix: true, name: true, permissions: true, expiresAt: true, rateLimitPerMinute: true, version: true },
    });
    await recordAudit(tx, { actor, action: "apiToken.issue", entity: "ApiToken", entityId: row.id, after: { name: row.name, organizationId: organization.id, permissions, expiresAt, prefix: row.prefix }, context });
    return row;
  });
  return { ...created, token };
}

/** Revokes a token at once: the next request with it is UNAUTHENTICATED. */
export async function revokeApiToken(db: PrismaClient, actor: Actor, input: TRevokeApiTokenInput, context: RequestContext = {}, now = new Date()) {
  requirePermission(actor, "apiToken.manage");
  return db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: input.tokenId, version: input.version, revokedAt: null }, data: { revokedAt: now, version: { increment: 1 } } });
    if (count !== 1) {
      const exists = await tx.apiToken.findUnique({ where: { id: input.tokenId }, select: { id: true } });
      throw new DomainError(exists ? "STALE_VERSION" : "NOT_FOUND");
    }
    await recordAudit(tx, { actor, action: "apiToken.revoke", entity: "ApiToken", entityId: input.tokenId, after: { revokedAt: now }, context });
    return { id: input.tokenId, revokedAt: now, version: input.version + 1 };
  });
}

/** The tokens, newest first, without their secrets. */
export async function listApiTokens(db: PrismaClient, actor: Actor) {
  requirePermission(actor, "apiToken.manage");
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, permissions: true, expiresAt: true, revokedAt: true, lastUsedAt: true, rateLimitPerMinute: true, createdAt: true, version: true, user: { select: { organization: { select: { id: true, name: true } } } }, createdBy: { select: { displayName: true } } },
  });
}
