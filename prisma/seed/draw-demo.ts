import type { PrismaClient } from "../../lib/server/db/client";

/**
 * What the demo needs for a draw to reach its cases: a second law-enforcement inspector, since a team draws
 * its targets only with two on it (条例 art. 29). Signs in as `inspector2` with the demo password.
 */
export const DRAW_DEMO_INSPECTOR = { username: "inspector2", displayName: "王立新", staffNumber: "JL-2024-0002" } as const;

export async function seedDrawDemo(db: PrismaClient, input: { organizationId: string; passwordHash: string }) {
  await db.user.create({ data: { ...DRAW_DEMO_INSPECTOR, role: "INSPECTOR", organizationId: input.organizationId, passwordHash: input.passwordHash } });
}
