import type { ReactNode } from "react";
import { PortalShell } from "@/components/layout/portal-shell";
import { requirePortalActor } from "@/lib/server/auth/page-guards";

// Guards navigation only: every action and handler in this portal checks again in its service.
export default async function InstitutionLayout({ children }: { children: ReactNode }) {
  const actor = await requirePortalActor("institution");
  return (
    <PortalShell portal="institution" actor={actor}>
      {children}
    </PortalShell>
  );
}
