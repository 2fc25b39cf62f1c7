import { z } from "zod";
import { PERMISSIONS } from "@/lib/policy/permissions";
import { requiredText, ZId, ZIsoDate, ZVersion } from "./primitives";

/** A token lives at most a year: an integration is re-approved at least yearly. */
export const MAX_TOKEN_DAYS = 366;

export const ZIssueApiTokenInput = z.strictObject({
  name: requiredText(100),
  organizationId: ZId,
  permissions: z.array(z.enum(PERMISSIONS, { error: "validation.invalidChoice" }), { error: "validation.invalid" }).min(1, { error: "validation.required" }).max(PERMISSIONS.length, { error: "validation.invalid" }),
  expiresOn: ZIsoDate,
  rateLimitPerMinute: z.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(1, { error: "validation.invalid" }).max(6000, { error: "validation.invalid" }).optional(),
});
export type TIssueApiTokenInput = z.output<typeof ZIssueApiTokenInput>;

export const ZRevokeApiTokenInput = z.strictObject({ tokenId: ZId, version: ZVersion });
export type TRevokeApiTokenInput = z.output<typeof ZRevokeApiTokenInput>;
