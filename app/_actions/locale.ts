"use server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { getActor } from "@/lib/server/auth/session";
import { performAction } from "@/lib/server/operations/action";
import { ZSetLocaleInput } from "@/lib/validation/admin";

/**
 * The language switch: a cookie for every visitor, signed in or not; for a signed-in user, the registry's
 * `account.setLocale` too (through the same boundary as every operation), so the choice follows them.
 */
export async function switchLocale(locale: unknown): Promise<{ ok: boolean }> {
  const parsed = ZSetLocaleInput.safeParse({ locale });
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400, httpOnly: true });
  if (await getActor()) return { ok: (await performAction("account.setLocale", parsed.data)).ok };
  return { ok: true };
}
