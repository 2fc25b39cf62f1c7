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

  /**
   * Inspection cases. The bureau sees every case. An inspector sees the cases of the teams they serve on,
   * once they have signed the commitment letter (Liuzhou plan §五(七)), and never where they are withdrawn
   * or have declared a conflict with the institution. The institution and its city bureau learn of a case
   * only when its notice has been delivered: before that, the case does not exist for them (DOMAIN.md,
   * confidentiality; counts and searches use this same `where`).
   */
  inspectionCase(actor: Actor): Prisma.InspectionCaseWhereInput {
    switch (actor.role) {
      case "BUREAU_ADMIN":
      case "BUREAU_STAFF":
        return {};
      case "INSPECTOR":
        return {
          team: { members: { some: { userId: actor.userId, withdrawnAt: null, commitmentLetter: { isNot: null } } } },
          institution: { conflictDeclarations: { none: { userId: actor.userId, endedAt: null } } },
        };
      case "CITY_STAFF":
        return actor.poolingRegionId ? { noticeDeliveredAt: { not: null }, inspectedRegionId: actor.poolingRegionId } : NOTHING;
      case "INSTITUTION_STAFF":
        return { noticeDeliveredAt: { not: null }, institution: { organizationId: actor.organizationId } };
    }
  },

  auditEvent(actor: Actor): Prisma.AuditEventWhereInput {
    if (roleHasPermission(actor.role, "audit.read")) return {};
    return { seq: { lt: 0 } };
  },
};
