"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "use-intl";

export function LogoutButton() {
  const t = useTranslations();
  return (
    <button type="button" className="rounded border border-white/40 px-3 py-1 text-sm text-white hover:bg-white/10" onClick={() => signOut({ callbackUrl: "/login" })}>
      {t("auth.logout")}
    </button>
  );
}
