import type { OrganizationKind, Role } from "@/lib/server/db/generated/enums";
import type { AppLocale } from "@/lib/i18n/config";

/** Who is acting, as the server established it from the session and the database: never from the client. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
  poolingRegionId: string | null;
  locale: AppLocale;
}

/** Request facts that go into the audit trail with whatever the actor does. */
export interface RequestContext {
  requestId?: string;
  ip?: string;
}
