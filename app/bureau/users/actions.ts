"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/action";
import { createUser, deactivateUser } from "@/lib/server/users/users";
import { ZCreateUserInput, ZDeactivateInput } from "@/lib/validation/admin";

export async function createUserAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction("user.create", ZCreateUserInput, raw, async ({ db, actor, input, context }) => {
    const user = await createUser(db, actor, input, context);
    return { id: user.id };
  });
  if (result.ok) revalidatePath("/bureau/users");
  return result;
}

export async function deactivateUserAction(raw: unknown): Promise<ActionResult<void>> {
  const result = await runAction("user.deactivate", ZDeactivateInput, raw, ({ db, actor, input, context }) => deactivateUser(db, actor, input, context));
  if (result.ok) revalidatePath("/bureau/users");
  return result;
}
