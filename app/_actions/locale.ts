"use server";
import { cookies } from "next/headers";
import { setLocale } from "@/lib/server/account";
import { getDb } from "@/lib/server/db/client";
import { getActor, getRequestContext } from "@/lib/server/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { ZSetLocaleInput } from "@/lib/validation/admin";

export async function switchLocale(locale: unknown): Promise<{ ok: boolean }> {
  const parsed = ZSetLocaleInput.safeParse({ locale });
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 365 * 86400, httpOnly: true });
  const actor = await getActor();
  if (actor) await setLocale(getDb(), actor, parsed.data.locale, await getRequestContext());
  return { ok: true };
}
