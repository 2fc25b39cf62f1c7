/**
 * What both kinds of manifest share. A manifest is everything a draw depends on except the
 * randomness, fixed and hashed before any salt is revealed or any die is rolled (issue 8 §4):
 * candidate lists as ranked, exclusions and recusals, quotas, the parties who commit to salts,
 * and the algorithm version. The hash is of its public form (public-manifest.ts), which holds
 * commitments to the values that must stay internal (ADR 019); it goes into the seed, so a
 * manifest changed after the ceremony gives a different seed.
 */
import { z } from "zod";
import type { Mismatch } from "@/lib/domain/draw/mismatch";

/** Names the procedure and record format of docs/draw.md; a change to either gets a new version (2: ADR 019). */
export const ALGORITHM_VERSION = "feijian-draw/2";

/**
 * Ids (national medical-insurance codes, staff numbers, region codes, party ids) are short ASCII
 * strings: the reference hashes `str(id)`, and ASCII compares the same in Python and JavaScript.
 */
export const ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;
export const ZId = z.string().regex(ID_PATTERN, "an id: ASCII letters, digits, '.', '_', '-', at most 64");
export const ZHash = z.string().regex(/^[0-9a-f]{64}$/, "a lower-case hex SHA-256");
export const ZYear = z.int().min(1990).max(2200);
export const ZText = z.string().min(1).max(500);
export const ZCount = z.int().min(0).max(10_000);

export const ZParty = z.strictObject({ id: ZId, name: ZText });
export type Party = z.infer<typeof ZParty>;

/** A redraw names the draw it replaces and why; both stay visible (issue 8 §4). */
export const ZRedraw = z.nullable(z.strictObject({ previousManifestHash: ZHash, reason: ZText }));
export type Redraw = z.infer<typeof ZRedraw>;

/** Fields every manifest has, spread into each kind's schema. */
export const manifestHeaderShape = {
  algorithm: z.literal(ALGORITHM_VERSION),
  planId: ZId,
  planYear: ZYear,
  /** Two or more parties commit to a salt (issue 8 §4); their order is the order salts are joined in. */
  parties: z.array(ZParty).min(2).max(20),
  /** Digits of public entropy the meeting must enter (Jilin practice: twenty dice digits). */
  entropyDigits: z.int().min(1).max(200),
  redraw: ZRedraw,
};

export type ManifestHeader = {
  algorithm: typeof ALGORITHM_VERSION;
  planId: string;
  planYear: number;
  parties: Party[];
  entropyDigits: number;
  redraw: Redraw;
};

export const DEFAULT_ENTROPY_DIGITS = 20;

/** The first id used twice in `ids`, with both positions. */
export function findDuplicate(ids: readonly string[]): { id: string; first: number; second: number } | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const first = seen.get(id);
    if (first !== undefined) return { id, first, second: i };
    seen.set(id, i);
  }
  return null;
}

export function checkHeader(manifest: ManifestHeader): Mismatch | null {
  const duplicate = findDuplicate(manifest.parties.map((party) => party.id));
  if (duplicate) {
    return { path: `parties[${duplicate.second}].id`, message: `party ${duplicate.id} is listed twice` };
  }
  return null;
}

/** Issues of a zod parse, as the first mismatch with a JSON path under `base`. */
export function zodMismatch(error: z.ZodError, base: string): Mismatch {
  const issue = error.issues[0];
  let path = base;
  for (const key of issue?.path ?? []) {
    path = typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key);
  }
  return { path, message: issue?.message ?? "invalid" };
}
