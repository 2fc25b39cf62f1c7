/** The administrator's API tokens for other systems (issue 13 §4). */
import { z } from "zod";
import { ZIssueApiTokenInput, ZRevokeApiTokenInput } from "@/lib/validation/api-tokens";
import { defineOperation } from "../types";

const TAG = "API tokens";

export const API_TOKEN_OPERATIONS = {
  list: defineOperation({
    name: "apiToken.list",
    labelKey: "apiTokens.title",
    summary: "The API tokens issued, without their secrets.",
    tag: TAG,
    input: z.strictObject({}),
    permission: "apiToken.manage",
    audit: "apiToken.list",
    http: { method: "GET", path: "/api-tokens" },
  }),
  issue: defineOperation({
    name: "apiToken.issue",
    labelKey: "apiTokens.issue",
    summary: "Issue a token for a system account of an organization, with named permissions and an expiry; the token is shown once.",
    tag: TAG,
    input: ZIssueApiTokenInput,
    permission: "apiToken.manage",
    audit: "apiToken.issue",
    http: { method: "POST", path: "/api-tokens" },
    form: {
      hintKey: "apiTokens.issueHint",
      fields: [
        { name: "name", labelKey: "apiTokens.name", required: true, hintKey: "apiTokens.nameHint" },
        { name: "organizationId", labelKey: "apiTokens.organization", kind: "select", required: true, options: { source: "organizations" } },
        { name: "permissions", labelKey: "apiTokens.permissions", kind: "multiselect", required: true, options: { source: "permissions" }, hintKey: "apiTokens.permissionsHint", wide: true },
        { name: "expiresOn", labelKey: "apiTokens.expiresOn", kind: "date", required: true, hintKey: "apiTokens.expiresOnHint" },
      ],
    },
  }),
  revoke: defineOperation({
    name: "apiToken.revoke",
    labelKey: "apiTokens.revoke",
    summary: "Revoke a token at once.",
    tag: TAG,
    input: ZRevokeApiTokenInput,
    permission: "apiToken.manage",
    audit: "apiToken.revoke",
    http: { method: "POST", path: "/api-tokens/{tokenId}/revoke" },
    form: { fields: [], confirmKey: "apiTokens.revokeConfirm" },
  }),
} as const;
