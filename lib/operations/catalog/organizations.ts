/** The organizations users belong to: bureaus and institutions. */
import { ZCreateOrganizationInput, ZDeactivateInput } from "@/lib/validation/admin";
import { defineOperation } from "../types";

const TAG = "Organizations";

export const ORGANIZATION_OPERATIONS = {
  create: defineOperation({
    name: "organization.create",
    labelKey: "organizations.create",
    summary: "Create an organization (a bureau or an institution).",
    tag: TAG,
    input: ZCreateOrganizationInput,
    permission: "organization.create",
    audit: "organization.create",
    http: { method: "POST", path: "/organizations" },
  }),
  deactivate: defineOperation({
    name: "organization.deactivate",
    labelKey: "common.deactivate",
    summary: "Deactivate an organization without active users.",
    tag: TAG,
    input: ZDeactivateInput,
    permission: "organization.deactivate",
    audit: "organization.deactivate",
    http: { method: "POST", path: "/organizations/{id}/deactivate" },
  }),
} as const;
