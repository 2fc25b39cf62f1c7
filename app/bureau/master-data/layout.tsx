import type { ReactNode } from "react";
import { SectionNav } from "@/components/master-data/section-nav";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { can } from "@/lib/server/policy/policy";
import { SECTIONS } from "./sections";

// Guards navigation only: every page, action and route below checks again in its service.
export default async function MasterDataLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor("masterData.read");
  const t = await getT();
  const items: { href: string; label: string }[] = SECTIONS.map((s) => ({ href: s.href, label: t(s.labelKey) }));
  // The working-day calendar has its own screen (issue 3); it is master data too, so it is one tab away.
  if (can(actor, "calendar.manage")) items.push({ href: "/bureau/calendar", label: t("masterData.tabs.calendar") });
  return (
    <>
      <SectionNav label={t("masterData.tabs.label")} items={items} />
      {children}
    </>
  );
}
