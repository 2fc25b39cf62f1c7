/** The signed-in user's own account. */
import { ZSetLocaleInput } from "@/lib/validation/admin";
import { ZChangePasswordInput } from "@/lib/validation/auth";
import { defineOperation } from "../types";

export const ACCOUNT_OPERATIONS = {
  changePassword: defineOperation({
    name: "account.changePassword",
    labelKey: "account.changePassword",
    summary: "Change the caller's own password (the current one is required); other sessions end.",
    tag: "Account",
    input: ZChangePasswordInput,
    permission: "account.changePassword",
    audit: "account.changePassword",
    http: { method: "POST", path: "/account/password" },
  }),
  setLocale: defineOperation({
    name: "account.setLocale",
    labelKey: "common.language",
    summary: "Set the caller's language (zh-CN or en) for pages and messages.",
    tag: "Account",
    input: ZSetLocaleInput,
    permission: "account.setLocale",
    audit: "account.setLocale",
    http: { method: "POST", path: "/account/locale" },
  }),
} as const;
