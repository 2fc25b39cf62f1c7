import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/server/auth/page-guards";
import { portalOf } from "@/lib/server/policy/permissions";

/** Where a user lands after signing in: their own portal. */
export default async function PortalRedirect() {
  const actor = await requireSignedIn();
  redirect(`/${portalOf(actor.role)}`);
}
