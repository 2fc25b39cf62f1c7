import { DomainError } from "@/lib/errors";
import type { Actor } from "./actor";
import { roleHasPermission, type Permission } from "./permissions";

/** Facts about the record an action targets, for the rules that depend on more than the role. */
export interface PolicyRecord {
  userId?: string;
  organizationId?: string;
}

type RecordRule = (actor: Actor, record: PolicyRecord) => boolean;

/** Record rules on top of the role table; an action without one is decided by the role alone. */
const RECORD_RULES: Partial<Record<Permission, RecordRule>> = {
  // An administrator cannot lock themself out, and so the province never loses its last administrator by accident.
  "user.deactivate": (actor, record) => record.userId !== actor.userId,
  "organization.deactivate": (actor, record) => record.organizationId !== actor.organizationId,
};

/** Answers the UI: may this actor do this (to this record)? The same table the server enforces. */
export function can(actor: Actor | null | undefined, permission: Permission, record?: PolicyRecord): boolean {
  if (!actor || !roleHasPermission(actor.role, permission)) return false;
  // An API token narrows its account's role to the permissions it was issued with.
  if (actor.token && !actor.token.permissions.includes(permission)) return false;
  const rule = RECORD_RULES[permission];
  return !rule || !record || rule(actor, record);
}

/** Throws FORBIDDEN (or UNAUTHENTICATED without an actor) unless `can` says yes. */
export function requirePermission(actor: Actor | null | undefined, permission: Permission, record?: PolicyRecord): asserts actor is Actor {
  if (!actor) throw new DomainError("UNAUTHENTICATED");
  if (!can(actor, permission, record)) throw new DomainError("FORBIDDEN");
}
