import { z } from "zod";
import { choice, formInteger, optionalText, requiredText, ZId, ZVersion } from "./primitives";

export const PUBLICATION_KINDS = ["RESULT", "TYPICAL_CASE"] as const;
/** The public text's limits: a 通报 paragraph for the handling, a page for a typical case's narrative. */
export const MAX_HANDLING = 2000;
export const MAX_NARRATIVE = 10000;

export const ZProposePublicationInput = z
  .strictObject({
    caseId: ZId,
    kind: choice(PUBLICATION_KINDS),
    handling: requiredText(MAX_HANDLING),
    narrative: optionalText(MAX_NARRATIVE),
  })
  .refine((input) => input.kind !== "TYPICAL_CASE" || input.narrative !== undefined, { path: ["narrative"], error: "publication.errors.narrativeRequired" });
export type TProposePublicationInput = z.output<typeof ZProposePublicationInput>;

export const ZApprovePublicationInput = z.strictObject({ publicationId: ZId, version: ZVersion });
export type TApprovePublicationInput = z.output<typeof ZApprovePublicationInput>;

export const ZWithdrawPublicationInput = z.strictObject({ publicationId: ZId, version: ZVersion, reason: requiredText(500) });
export type TWithdrawPublicationInput = z.output<typeof ZWithdrawPublicationInput>;

/** The public list's query (GET): every value arrives as text; the year and page are digits. */
export const ZPublicResultsQuery = z.strictObject({
  q: optionalText(100),
  year: z.string({ error: "validation.invalid" }).regex(/^\d{4}$/, { error: "validation.invalid" }).transform(Number).optional(),
  region: optionalText(100),
  kind: choice(PUBLICATION_KINDS).optional(),
  page: z.string({ error: "validation.invalid" }).regex(/^\d{1,6}$/, { error: "validation.invalid" }).transform(Number).optional(),
});
export type TPublicResultsQuery = z.output<typeof ZPublicResultsQuery>;

export const ZPublicResultInput = z.strictObject({ publicationId: ZId });
export type TPublicResultInput = z.output<typeof ZPublicResultInput>;

/** The periods' bounds match the PublicationSettings_periods CHECK: 1–60 working days, 1–30 years. */
export const ZUpdatePublicationSettingsInput = z.strictObject({
  version: ZVersion,
  publishWithinWorkingDays: formInteger(1, 60, "publication.errors.workingDaysRange"),
  retentionYears: formInteger(1, 30, "publication.errors.retentionRange"),
});
export type TUpdatePublicationSettingsInput = z.output<typeof ZUpdatePublicationSettingsInput>;
