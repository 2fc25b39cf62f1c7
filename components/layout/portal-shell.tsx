import type { ReactNode } from "react";
import { AppHeader } from "./app-header";
import { getT } from "@/lib/i18n/server";
import type { Actor } from "@/lib/server/policy/actor";
import { can } from "@/lib/policy/can";
import type { Permission, Portal } from "@/lib/server/policy/permissions";

/** Each portal's navigation. An entry shows only when the server would allow the page behind it. */
const NAV: Record<Portal, { href: string; labelKey: string; permission: Permission }[]> = {
  bureau: [
    { href: "/bureau", labelKey: "nav.dashboard", permission: "portal.bureau" },
    { href: "/bureau/dashboard", labelKey: "statistics.nav", permission: "portal.bureau" },
    { href: "/bureau/plans", labelKey: "nav.plans", permission: "plan.read" },
    { href: "/bureau/master-data", labelKey: "nav.masterData", permission: "masterData.read" },
    { href: "/bureau/organizations", labelKey: "nav.organizations", permission: "organization.read" },
    { href: "/bureau/users", labelKey: "nav.users", permission: "user.read" },
    { href: "/bureau/calendar", labelKey: "nav.calendar", permission: "calendar.manage" },
    { href: "/bureau/settings", labelKey: "nav.settings", permission: "handlingSettings.manage" },
    { href: "/bureau/publications", labelKey: "publication.nav", permission: "publication.manage" },
    { href: "/bureau/document-templates", labelKey: "nav.documentTemplates", permission: "documentTemplate.manage" },
    { href: "/bureau/audit", labelKey: "nav.audit", permission: "audit.read" },
    { href: "/bureau/api-tokens", labelKey: "apiTokens.title", permission: "apiToken.manage" },
  ],
  team: [{ href: "/team", labelKey: "nav.dashboard", permission: "portal.team" }],
  city: [
    { href: "/city", labelKey: "nav.dashboard", permission: "portal.city" },
    { href: "/city/dashboard", labelKey: "statistics.nav", permission: "portal.city" },
  ],
  institution: [
    { href: "/institution", labelKey: "nav.dashboard", permission: "portal.institution" },
    { href: "/institution/history", labelKey: "statistics.history.nav", permission: "portal.institution" },
  ],
};

export async function PortalShell({ portal, actor, children }: { portal: Portal; actor: Actor; children: ReactNode }) {
  const t = await getT();
  const nav = NAV[portal].filter((item) => can(actor, item.permission)).map((item) => ({ href: item.href, label: t(item.labelKey) }));
  return (
    <>
      <AppHeader
        appName={t("app.name")}
        portalLabel={t(`portals.${portal}`)}
        nav={nav}
        navLabel={t("nav.label")}
        userLabel={t("common.signedInAs", { name: actor.displayName })}
        accountLabel={t("nav.account")}
      />
      <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
    </>
  );
}
