/** The users of the platform, kept by the administrator. */
import { ZCreateUserInput, ZDeactivateInput } from "@/lib/validation/admin";
import { defineOperation } from "../types";

const TAG = "Users";

export const USER_OPERATIONS = {
  create: defineOperation({
    name: "user.create",
    labelKey: "users.create",
    summary: "Create a user of an organization with a role and an initial password.",
    tag: TAG,
    input: ZCreateUserInput,
    permission: "user.create",
    audit: "user.create",
    http: { method: "POST", path: "/users" },
  }),
  deactivate: defineOperation({
    name: "user.deactivate",
    labelKey: "common.deactivate",
    summary: "Deactivate a user: they can no longer sign in.",
    tag: TAG,
    input: ZDeactivateInput,
    permission: "user.deactivate",
    audit: "user.deactivate",
    http: { method: "POST", path: "/users/{id}/deactivate" },
  }),
} as const;
