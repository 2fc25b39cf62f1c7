import { z } from "zod";
import { ZNewPassword } from "./auth";
import { tooLongMax, ZVersion } from "./primitives";

export const ROLES = ["BUREAU_ADMIN", "BUREAU_STAFF", "CITY_STAFF", "INSTITUTION_STAFF", "INSPECTOR"] as const;
export const ORGANIZATION_KINDS = ["PROVINCIAL_BUREAU", "CITY_BUREAU", "INSTITUTION"] as const;

const ZId = z.string().uuid({ error: "validation.invalidId" });

export const ZCreateUserInput = z.object({
  username: z
    .string()
    .trim()
    .min(3, { error: "validation.usernameShort" })
    .max(64, tooLongMax(64))
    .regex(/^[A-Za-z0-9._-]+$/, { error: "validation.usernameChars" }),
  displayName: z.string().trim().min(1, { error: "validation.required" }).max(100, tooLongMax(100)),
  role: z.enum(ROLES, { error: "validation.invalidChoice" }),
  organizationId: ZId,
  staffNumber: z
    .string()
    .trim()
    .max(32, tooLongMax(32))
    .regex(/^[A-Za-z0-9-]*$/, { error: "validation.staffNumberChars" })
    .optional()
    .transform((value) => (value ? value : undefined)),
  password: ZNewPassword,
});
export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZCreateOrganizationInput = z.object({
  name: z.string().trim().min(2, { error: "validation.required" }).max(100, tooLongMax(100)),
  kind: z.enum(ORGANIZATION_KINDS, { error: "validation.invalidChoice" }),
  poolingRegionId: ZId.optional().or(z.literal("").transform(() => undefined)),
});
export type TCreateOrganizationInput = z.infer<typeof ZCreateOrganizationInput>;

export const ZDeactivateInput = z.object({ id: ZId, version: ZVersion });
export type TDeactivateInput = z.infer<typeof ZDeactivateInput>;

export const ZAuditFilter = z.object({
  action: z.string().trim().max(64).optional(),
  actor: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  outcome: z.enum(["OK", "DENIED", "FAILED"]).optional().or(z.literal("").transform(() => undefined)),
  from: z.iso.date({ error: "validation.invalidDate" }).optional().or(z.literal("").transform(() => undefined)),
  to: z.iso.date({ error: "validation.invalidDate" }).optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

export const ZSetLocaleInput = z.strictObject({ locale: z.enum(["zh-CN", "en"], { error: "validation.invalidChoice" }) });
export type TSetLocaleInput = z.infer<typeof ZSetLocaleInput>;
