"use server";
import { changePassword } from "@/lib/server/account";
import { runAction, type ActionResult } from "@/lib/server/action";
import { ZChangePasswordInput } from "@/lib/validation/auth";

export async function changePasswordAction(raw: unknown): Promise<ActionResult<unknown>> {
  return runAction("account.changePassword", ZChangePasswordInput, raw, ({ db, actor, input, context }) => changePassword(db, actor, input, context));
}
