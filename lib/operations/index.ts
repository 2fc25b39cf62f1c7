/**
 * The registry of operations: every entry of every catalog, by name. The server binds each name to its
 * service (lib/server/operations/registry.ts, checked complete by its type); server actions, the `/api/v1`
 * routes, the OpenAPI document, the UI's list of what a user may do now and the generated authorization
 * and bad-input tests all read this one table (docs/operations.md).
 */
import { ACCOUNT_OPERATIONS } from "./catalog/accounts";
import { API_TOKEN_OPERATIONS } from "./catalog/api-tokens";
import { CALENDAR_OPERATIONS } from "./catalog/calendar";
import { CASE_EVENT_OPERATIONS, CASE_READ_OPERATIONS } from "./catalog/cases";
import { READ_OPERATIONS } from "./catalog/reads";
import { SETTINGS_OPERATIONS } from "./catalog/settings";
import { MASTER_DATA_OPERATIONS } from "./catalog/master-data";
import { DRAW_OPERATIONS } from "./catalog/draws";
import { ORGANIZATION_OPERATIONS } from "./catalog/organizations";
import { PLAN_OPERATIONS, TEAM_OPERATIONS } from "./catalog/plans";
import { USER_OPERATIONS } from "./catalog/users";
import { DOCUMENT_OPERATIONS } from "./catalog/documents";
import { PUBLICATION_OPERATIONS } from "./catalog/publication";
import { STATISTICS_OPERATIONS } from "./catalog/statistics";
import type { OperationDescriptor } from "./types";

type Entries<T> = T[keyof T];
type Catalog =
  | Entries<typeof CASE_EVENT_OPERATIONS>
  | Entries<typeof CASE_READ_OPERATIONS>
  | Entries<typeof API_TOKEN_OPERATIONS>
  | Entries<typeof ACCOUNT_OPERATIONS>
  | Entries<typeof CALENDAR_OPERATIONS>
  | Entries<typeof ORGANIZATION_OPERATIONS>
  | Entries<typeof USER_OPERATIONS>
  | Entries<typeof MASTER_DATA_OPERATIONS>
  | Entries<typeof PLAN_OPERATIONS>
  | Entries<typeof TEAM_OPERATIONS>
  | Entries<typeof DRAW_OPERATIONS>
  | Entries<typeof READ_OPERATIONS>
  | Entries<typeof SETTINGS_OPERATIONS>
  | Entries<typeof DOCUMENT_OPERATIONS>
  | Entries<typeof PUBLICATION_OPERATIONS>
  | Entries<typeof STATISTICS_OPERATIONS>;

function byName<T extends OperationDescriptor & { name: string }>(entries: readonly T[]): { [K in T["name"]]: Extract<T, { name: K }> } {
  const out: Record<string, T> = {};
  for (const entry of entries) {
    if (out[entry.name]) throw new Error(`Two operations are named ${entry.name}`);
    out[entry.name] = entry;
  }
  return out as { [K in T["name"]]: Extract<T, { name: K }> };
}

export const OPERATIONS = byName<Catalog>([
  ...Object.values(CASE_EVENT_OPERATIONS),
  ...Object.values(CASE_READ_OPERATIONS),
  ...Object.values(API_TOKEN_OPERATIONS),
  ...Object.values(ACCOUNT_OPERATIONS),
  ...Object.values(CALENDAR_OPERATIONS),
  ...Object.values(ORGANIZATION_OPERATIONS),
  ...Object.values(USER_OPERATIONS),
  ...Object.values(MASTER_DATA_OPERATIONS),
  ...Object.values(PLAN_OPERATIONS),
  ...Object.values(TEAM_OPERATIONS),
  ...Object.values(DRAW_OPERATIONS),
  ...Object.values(READ_OPERATIONS),
  ...Object.values(SETTINGS_OPERATIONS),
  ...Object.values(DOCUMENT_OPERATIONS),
  ...Object.values(PUBLICATION_OPERATIONS),
  ...Object.values(STATISTICS_OPERATIONS),
]);

export type Operations = typeof OPERATIONS;
export type OperationName = keyof Operations;

export function isOperationName(value: unknown): value is OperationName {
  return typeof value === "string" && Object.hasOwn(OPERATIONS, value);
}

export { API_TOKEN_OPERATIONS, CASE_EVENT_OPERATIONS, CASE_READ_OPERATIONS, READ_OPERATIONS, SETTINGS_OPERATIONS, DOCUMENT_OPERATIONS, PUBLICATION_OPERATIONS, STATISTICS_OPERATIONS };
export * from "./types";
