/**
 * What the verification page does with a chosen file before and after `verifyDrawRecord`: refuse what
 * is not a draw record with a message of its own (a stranger's file is not "tampered"), read the
 * published hashes a visitor types, and turn the verifier's English mismatch text into a catalog key.
 */
import { RECORD_VERSION } from "@/lib/domain/draw/record";
import type { Mismatch } from "@/lib/domain/draw/mismatch";
import type { Messages } from "@/lib/i18n/messages";

/** Far above any real record (ten regions of 3,000 institutions each publish 7.3 MB, docs/draw.md). */
export const MAX_RECORD_MB = 20;
export const MAX_RECORD_BYTES = MAX_RECORD_MB * 1024 * 1024;

export type RecordFileProblem =
  | { code: "TOO_LARGE" }
  | { code: "UNREADABLE" }
  | { code: "NOT_JSON" }
  | { code: "NOT_RECORD" }
  | { code: "UNSUPPORTED_VERSION"; version: string };

const VERSION_FAMILY = `${RECORD_VERSION.split("/")[0]}/`;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The JSON value of a file, or why it is not a draw record at all. Only the version is looked at:
 * anything else missing or wrong in a record is for the verifier to report with its path.
 */
export function parseRecordText(text: string): { value: unknown } | RecordFileProblem {
  let value: unknown;
  try {
    // FileReader drops a byte-order mark; a text handed over otherwise (Notepad saves one) may have it.
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return { code: "NOT_JSON" };
  }
  if (!isPlainObject(value) || typeof value.version !== "string" || !value.version.startsWith(VERSION_FAMILY)) {
    return { code: "NOT_RECORD" };
  }
  if (value.version !== RECORD_VERSION) return { code: "UNSUPPORTED_VERSION", version: value.version.slice(0, 40) };
  return { value };
}

export type HashInput = { valid: true; hash: string | undefined } | { valid: false; length: number };

/**
 * A hash as typed or pasted: read out at a meeting it is often written in groups, so spaces and
 * capitals are dropped. An empty field is no anchor at all.
 */
export function readHash(raw: string): HashInput {
  const hash = raw.replace(/\s+/g, "").toLowerCase();
  if (hash === "") return { valid: true, hash: undefined };
  return /^[0-9a-f]{64}$/.test(hash) ? { valid: true, hash } : { valid: false, length: hash.length };
}

type DrawVerifyKey = keyof Messages["drawVerify"];
export type MismatchReason = {
  key: DrawVerifyKey;
  values?: Record<string, number>;
  /**
   * What the two values are: recomputed and in the file (most), what the manifest says and the
   * file's copy, the hash the visitor entered and the one computed from the file (an anchor), or a
   * party's commitment and the hash of its salt.
   */
  compares: "recomputed" | "manifest" | "anchor" | "commitment";
  /** The catalog has only a generic sentence: show the verifier's own text as well. */
  generic: boolean;
};

// The verifier reports mismatches as English sentences (lib/domain/draw/verify.ts, mismatch.ts).
// Those a member of the public meets when a record was altered get a sentence of their own; the
// rest (a manifest breaking a rule, a malformed field) are rare and keep the verifier's text.
const EXACT: Record<string, Omit<MismatchReason, "generic">> = {
  "differs from the recomputed value": { key: "reasonRecomputed", compares: "recomputed" },
  missing: { key: "reasonMissing", compares: "recomputed" },
  "unexpected field": { key: "reasonUnexpected", compares: "recomputed" },
  "differs from the manifest hash published before the ceremony": { key: "reasonManifestAnchor", compares: "anchor" },
  "differs from the result hash announced at the meeting": { key: "reasonResultAnchor", compares: "anchor" },
  "the salt does not hash to its party's commitment": { key: "reasonSaltCommitment", compares: "commitment" },
  "one entry per party of the manifest, in its order": { key: "reasonPartyOrder", compares: "manifest" },
  "differs from manifest.planId": { key: "reasonPlanId", compares: "manifest" },
  "not a valid salt": { key: "reasonInvalidSalt", compares: "recomputed" },
  "does not match the entry's salt and value": { key: "reasonEntryCommitment", compares: "recomputed" },
};

export function mismatchReason({ message }: Mismatch): MismatchReason {
  const exact = EXACT[message];
  if (exact) return { ...exact, generic: false };
  let m = /^(\d+) entries more than recomputed \((\d+) expected\)$/.exec(message);
  if (m) return { key: "reasonExtraEntries", values: { extra: Number(m[1]), expected: Number(m[2]) }, compares: "recomputed", generic: false };
  m = /^(\d+) entries missing \((\d+) expected\)$/.exec(message);
  if (m) return { key: "reasonMissingEntries", values: { missing: Number(m[1]), expected: Number(m[2]) }, compares: "recomputed", generic: false };
  m = /^public entropy must be at least (\d+) decimal digits$/.exec(message);
  if (m) return { key: "reasonEntropy", values: { digits: Number(m[1]) }, compares: "recomputed", generic: false };
  return { key: "reasonOther", compares: "recomputed", generic: true };
}

const SECTIONS: Record<string, DrawVerifyKey> = {
  version: "sectionVersion",
  kind: "sectionKind",
  planId: "sectionPlanId",
  drawnAt: "sectionDrawnAt",
  manifestHash: "sectionManifestHash",
  resultHash: "sectionResultHash",
  commitments: "sectionCommitments",
  salts: "sectionSalts",
  publicEntropy: "sectionPublicEntropy",
  seed: "sectionSeed",
  rules: "sectionRules",
  result: "sectionResult",
  skips: "sectionSkips",
  replacements: "sectionReplacements",
  candidates: "sectionCandidates",
  tickets: "sectionTickets",
  manifest: "sectionManifest",
};

export type PathPart =
  | { kind: "ticket" | "candidate"; n: number; id: string }
  | { kind: "item"; section: DrawVerifyKey; n: number }
  | { kind: "section"; section: DrawVerifyKey };

/**
 * The part of the record a mismatch path points into, in words a reader without the format at hand
 * follows: `tickets[3]` is the ticket of the candidate listed fourth, whose id the file gives.
 */
export function describePath(path: string, value: unknown): PathPart | null {
  const m = /^([A-Za-z]+)(?:\[(\d+)\])?/.exec(path);
  const section = m ? SECTIONS[m[1]!] : undefined;
  if (!m || !section) return null;
  if (m[2] === undefined) return { kind: "section", section };
  const index = Number(m[2]);
  const candidates = isPlainObject(value) && Array.isArray(value.candidates) ? value.candidates : [];
  const candidate: unknown = candidates[index];
  const id = isPlainObject(candidate) && typeof candidate.id === "string" ? candidate.id : null;
  if ((m[1] === "tickets" || m[1] === "candidates") && id) return { kind: m[1] === "tickets" ? "ticket" : "candidate", n: index + 1, id };
  return { kind: "item", section, n: index + 1 };
}

/** A value from the record as the CLI prints it: JSON, so `"5"` and `5` differ, cut short when long. */
export function showValue(value: unknown, max = 300): string | null {
  const text = JSON.stringify(value);
  if (text === undefined) return null;
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** What the summary shows beyond the verifier's report; read only from a record that verified. */
export function recordFacts(value: unknown): { drawnAt: string; teams: number | null } {
  const record = value as { drawnAt: string; result: { teams?: unknown[] } };
  return { drawnAt: record.drawnAt, teams: Array.isArray(record.result.teams) ? record.result.teams.length : null };
}
