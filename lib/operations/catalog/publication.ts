/** 公开查处结果 (issue 17 §4): the bureau proposes, a second person approves, either withdraws; the public reads. */
import { z } from "zod";
import { ZApprovePublicationInput, ZUpdatePublicationSettingsInput, ZProposePublicationInput, ZPublicResultInput, ZPublicResultsQuery, ZWithdrawPublicationInput } from "@/lib/validation/publication";
import { defineOperation } from "../types";

const TAG = "Publication of results";

export const PUBLICATION_OPERATIONS = {
  list: defineOperation({
    name: "publication.list",
    labelKey: "publication.title",
    summary: "The bureau's proposals, publications and withdrawals, newest first.",
    tag: TAG,
    input: z.strictObject({}),
    permission: "publication.manage",
    audit: "publication.list",
    http: { method: "GET", path: "/publications" },
  }),
  propose: defineOperation({
    name: "publication.propose",
    labelKey: "publication.propose",
    summary: "Propose a decided case's result (institution, violations, amounts, handling) for publication; names, ID numbers and phone numbers are removed, and the answer is the preview.",
    tag: TAG,
    input: ZProposePublicationInput,
    permission: "publication.manage",
    audit: "publication.propose",
    http: { method: "POST", path: "/publications" },
    form: {
      hintKey: "publication.proposeHint",
      fields: [
        { name: "caseId", labelKey: "publication.case", kind: "select", required: true, options: { source: "publishableCases" }, wide: true },
        { name: "kind", labelKey: "publication.kind", kind: "select", required: true, options: { values: ["RESULT", "TYPICAL_CASE"], labelPrefix: "publication.kinds." }, defaultValue: "RESULT" },
        { name: "handling", labelKey: "publication.handling", kind: "textarea", required: true, hintKey: "publication.handlingHint", wide: true },
        { name: "narrative", labelKey: "publication.narrative", kind: "textarea", hintKey: "publication.narrativeHint", wide: true },
      ],
    },
  }),
  approve: defineOperation({
    name: "publication.approve",
    labelKey: "publication.approve",
    summary: "Approve a proposal made by someone else (four eyes): it is public at once, until its retention period ends.",
    tag: TAG,
    input: ZApprovePublicationInput,
    permission: "publication.manage",
    audit: "publication.approve",
    http: { method: "POST", path: "/publications/{publicationId}/approve" },
    form: { fields: [], confirmKey: "publication.approveConfirm" },
  }),
  withdraw: defineOperation({
    name: "publication.withdraw",
    labelKey: "publication.withdraw",
    summary: "Withdraw a proposal or a published result with a reason; the public list keeps it as withdrawn, without its content.",
    tag: TAG,
    input: ZWithdrawPublicationInput,
    permission: "publication.manage",
    audit: "publication.withdraw",
    http: { method: "POST", path: "/publications/{publicationId}/withdraw" },
    form: { fields: [{ name: "reason", labelKey: "publication.withdrawReason", kind: "textarea", required: true, wide: true }] },
  }),
  getSettings: defineOperation({
    name: "publication.getSettings",
    labelKey: "publication.settingsTitle",
    summary: "The publication periods: within how many working days of the decision a result is published, and for how many years it stays public.",
    tag: TAG,
    input: z.strictObject({}),
    permission: "publication.manage",
    audit: "publicationSettings.read",
    http: { method: "GET", path: "/settings/publication" },
  }),
  updateSettings: defineOperation({
    name: "publication.updateSettings",
    labelKey: "publication.updateSettings",
    summary: "Set the publication periods (defaults 7 working days and 5 years, decision record 027); they apply to what is proposed or approved from then on.",
    tag: TAG,
    input: ZUpdatePublicationSettingsInput,
    permission: "publicationSettings.manage",
    audit: "publicationSettings.update",
    http: { method: "PUT", path: "/settings/publication" },
    form: {
      fields: [
        { name: "publishWithinWorkingDays", labelKey: "publication.publishWithinWorkingDays", required: true },
        { name: "retentionYears", labelKey: "publication.retentionYears", required: true },
      ],
    },
  }),
  publicList: defineOperation({
    name: "publication.publicList",
    labelKey: "publicResults.title",
    summary: "Public: the published results, searched and filtered by year, region and kind, a page at a time; withdrawn ones as a line without their content.",
    tag: TAG,
    input: ZPublicResultsQuery,
    permission: null,
    audit: "publication.publicList",
    http: { method: "GET", path: "/public/results" },
  }),
  publicGet: defineOperation({
    name: "publication.publicGet",
    labelKey: "publicResults.title",
    summary: "Public: one published result, or the line saying it was withdrawn; anything else is not found.",
    tag: TAG,
    input: ZPublicResultInput,
    permission: null,
    audit: "publication.publicGet",
    http: { method: "GET", path: "/public/results/{publicationId}" },
  }),
} as const;
