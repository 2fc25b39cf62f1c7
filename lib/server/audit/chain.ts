import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The columns a link's hash covers: everything but `seq` (assigned by the database) and `hash` itself. */
export interface ChainedFields {
  id: string;
  at: Date;
  actorId: string | null;
  actorLabel: string | null;
  organizationId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  outcome: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every depth, so the hash does not depend on key order (PostgreSQL's
 * jsonb reorders keys on the way in).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function hashLink(fields: ChainedFields): string {
  const payload = canonicalJson({ ...fields, at: fields.at.toISOString() });
  return createHash("sha256").update(payload, "utf8").digest("hex");
}
