"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/action";
import { createOrganization, deactivateOrganization } from "@/lib/server/organizations/organizations";
import { ZCreateOrganizationInput, ZDeactivateInput } from "@/lib/validation/admin";

export async function createOrganizationAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction("organization.create", ZCreateOrganizationInput, raw, async ({ db, actor, input, context }) => {
    const organization = await createOrganization(db, actor, input, context);
    return { id: organization.id };
  });
  if (result.ok) revalidatePath("/bureau/organizations");
  return result;
}

export async function deactivateOrganizationAction(raw: unknown): Promise<ActionResult<void>> {
  const result = await runAction("organization.deactivate", ZDeactivateInput, raw, ({ db, actor, input, context }) => deactivateOrganization(db, actor, input, context));
  if (result.ok) revalidatePath("/bureau/organizations");
  return result;
}
