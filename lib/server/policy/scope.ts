import "server-only";
import type { Prisma } from "@/lib/server/db/client";
import type { Actor } from "./actor";
import { roleHasPermission } from "./permissions";

const NOTHING = { id: { in: [] as string[] } };

/**
 * One function per readable model turns an actor into the Prisma `where` of what they may read. Every
 * read goes through here; a query that deliberately skips scope says so in its name (`unsafe…`).
 */
export const scope = {
  user(actor: Actor): Prisma.UserWhereInput {
    if (roleHasPermission(actor.role, "user.read")) return {};
    return { id: actor.userId };
  },

  organization(actor: Actor): Prisma.OrganizationWhereInput {
    if (roleHasPermission(actor.role, "organization.read")) return {};
    return { id: actor.organizationId };
  },

  poolingRegion(actor: Actor): Prisma.PoolingRegionWhereInput {
    if (roleHasPermission(actor.role, "poolingRegion.read")) return {};
    return actor.poolingRegionId ? { id: actor.poolingRegionId } : NOTHING;
  },

  auditEvent(actor: Actor): Prisma.AuditEventWhereInput {
    if (roleHasPermission(actor.role, "audit.read")) return {};
    return { seq: { lt: 0 } };
  },
};
