import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/lib/server/db/client";
import { recordAudit } from "@/lib/server/audit/record";
import type { Actor } from "@/lib/server/policy/actor";
import { can } from "@/lib/server/policy/policy";
import type { Permission, Portal } from "@/lib/server/policy/permissions";
import { safeCallbackPath } from "@/lib/security/callback-url";
import { getActor, getRequestContext } from "./session";

async function signedInOrRedirect(): Promise<Actor> {
  const actor = await getActor();
  if (actor) return actor;
  const path = safeCallbackPath((await headers()).get("x-pathname"));
  redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
}

/**
 * For pages: the signed-in actor holding `permission`. An anonymous visitor goes to the login page and
 * comes back after; a signed-in user without it gets the 403 page, and the refusal is audited.
 */
export async function requirePageActor(permission: Permission): Promise<Actor> {
  const actor = await signedInOrRedirect();
  if (!can(actor, permission)) {
    const context = await getRequestContext();
    await getDb().$transaction((tx) =>
      recordAudit(tx, { actor, action: permission, entity: "Page", outcome: "DENIED", context }),
    );
    forbidden();
  }
  return actor;
}

export function requirePortalActor(portal: Portal): Promise<Actor> {
  return requirePageActor(`portal.${portal}`);
}

/** Any signed-in user (the account pages). */
export function requireSignedIn(): Promise<Actor> {
  return signedInOrRedirect();
}
