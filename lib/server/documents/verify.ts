import "server-only";
import { DOCUMENT_RULES } from "@/lib/documents/kinds";
import type { PrismaClient } from "@/lib/server/db/client";
import { normalizeVerificationCode } from "./verification-code";

/** Never a stored code (stored codes have no `*`): a malformed code is looked up as this, so it costs the same query. */
const NO_CODE = "****-****";

export interface VerificationAnswer {
  valid: boolean;
  issuer: string | null;
  title: string | null;
  number: string | null;
  /** `YYYY-MM-DD`. */
  issuedOn: string | null;
  revision: number | null;
  /** A later revision of the same document exists. */
  superseded: boolean | null;
}

/**
 * What a printed code stands for: the issuing organization, the kind, the number and the date, never the content
 * (issue 15 §4). Public. Every wrong code, malformed or unknown, gets the same answer after the same kind of query,
 * so an answer says nothing about how close a guess was; 40 random bits per code make guessing hopeless.
 */
export async function verifyDocumentCode(db: PrismaClient, input: { code: string }): Promise<VerificationAnswer> {
  const code = normalizeVerificationCode(input.code) ?? NO_CODE;
  const found = await db.caseDocument.findUnique({
    where: { verificationCode: code },
    select: { kind: true, number: true, issuedOn: true, revision: true, caseId: true, seriesKey: true, issuerOrganization: { select: { name: true } } },
  });
  if (!found) return { valid: false, issuer: null, title: null, number: null, issuedOn: null, revision: null, superseded: null };
  const later = await db.caseDocument.count({ where: { caseId: found.caseId, seriesKey: found.seriesKey, revision: { gt: found.revision } } });
  return { valid: true, issuer: found.issuerOrganization.name, title: DOCUMENT_RULES[found.kind].title, number: found.number, issuedOn: found.issuedOn.toISOString().slice(0, 10), revision: found.revision, superseded: later > 0 };
}
