import type { ReactNode } from "react";
import { PortalShell } from "@/components/layout/portal-shell";
import { requirePortalActor } from "@/lib/server/auth/page-guards";

// Guards navigation only: every action and handler in this portal checks again in its service.
export default async function BureauLayout({ children }: { children: ReactNode }) {
  const actor = await requirePortalActor("bureau");
  return (
    <PortalShell portal="bureau" actor={actor}>
      {children}
    </PortalShell>
  );
}
