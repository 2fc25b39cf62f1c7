/**
 * Which documents a case has, who may generate each, from which step, and who reads it (decision 024). Pure data:
 * the service enforces it, the case page lists from it, the authorization test reads it.
 */
import type { CaseActorKind } from "@/lib/domain/case/actors";
import type { FileKind } from "@/lib/domain/case/file-visibility";

export const DOCUMENT_KINDS = [
  "ON_SITE_NOTICE",
  "ON_SITE_RECORD",
  "INTERVIEW_RECORD",
  "PROBLEM_RECORD",
  "SEIZURE_LIST",
  "FEEDBACK_REPORT",
  "HANDOVER",
  "AMOUNT_CONFIRMATION",
  "REFUND_NOTICE",
  "TRANSFER_LETTER",
  "SERVICE_RECEIPT",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a case has reached, as the document table needs it (lib/server/documents/case-data.ts fills it). */
export interface DocumentFacts {
  onSiteStarted: boolean;
  standingFindings: number;
  seizures: number;
  feedbackReportWritten: boolean;
  confirmationNoticeIssued: boolean;
  refundNoticeIssued: boolean;
  transfers: number;
}

export interface DocumentKindRule {
  /** Letter layout (通知, 函, 报告) or form layout (笔录, 清单, 回证, 记录). */
  layout: "letter" | "form";
  title: string;
  /** Whose document it is: the plan's bureau (the team acts for it on site), or the city bureau that handles the case. */
  issuer: "PLAN" | "CITY";
  /** The kind's part of the 机关代字: 吉医保 + 飞检 → 吉医保飞检〔2024〕3号. */
  numberCode: string;
  /** The parts that may generate it (lib/domain/case/actors.ts). */
  generators: readonly CaseActorKind[];
  /** Its readers are those of this kind of case file (lib/domain/case/file-visibility.ts). */
  readAs: FileKind;
  /** The step it belongs to has been reached. */
  available: (facts: DocumentFacts) => boolean;
  /** Served on the institution: a 送达回证 can be made for it. */
  served: boolean;
}

const TEAM: readonly CaseActorKind[] = ["TEAM_LEADER", "TEAM_MEMBER"];

export const DOCUMENT_RULES = {
  // Jilin plan §四(二)2: the notice is prepared before the visit and read on arrival; the bureau or the team leader makes it.
  ON_SITE_NOTICE: { layout: "letter", title: "现场检查通知书", issuer: "PLAN", numberCode: "飞检", generators: ["BUREAU", "TEAM_LEADER"], readAs: "NOTICE_RECEIPT", available: () => true, served: true },
  ON_SITE_RECORD: { layout: "form", title: "现场检查笔录", issuer: "PLAN", numberCode: "检录", generators: TEAM, readAs: "EVIDENCE", available: (f) => f.onSiteStarted, served: false },
  INTERVIEW_RECORD: { layout: "form", title: "询问笔录", issuer: "PLAN", numberCode: "询录", generators: TEAM, readAs: "EVIDENCE", available: (f) => f.onSiteStarted, served: false },
  PROBLEM_RECORD: { layout: "form", title: "现场检查问题记录", issuer: "PLAN", numberCode: "问题", generators: TEAM, readAs: "EVIDENCE", available: (f) => f.standingFindings > 0, served: true },
  SEIZURE_LIST: { layout: "form", title: "封存清单", issuer: "PLAN", numberCode: "封存", generators: TEAM, readAs: "SEIZURE_LIST", available: (f) => f.seizures > 0, served: true },
  FEEDBACK_REPORT: { layout: "letter", title: "飞行检查反馈报告", issuer: "PLAN", numberCode: "反馈", generators: ["TEAM_LEADER"], readAs: "FEEDBACK_REPORT", available: (f) => f.feedbackReportWritten, served: false },
  HANDOVER: { layout: "letter", title: "飞行检查问题线索移交书", issuer: "PLAN", numberCode: "移交", generators: ["BUREAU", "TEAM_LEADER"], readAs: "FEEDBACK_REPORT", available: (f) => f.feedbackReportWritten, served: false },
  AMOUNT_CONFIRMATION: { layout: "letter", title: "违规金额确认通知书", issuer: "CITY", numberCode: "确认", generators: ["CITY"], readAs: "AMOUNT_CONFIRMATION_NOTICE", available: (f) => f.confirmationNoticeIssued, served: true },
  REFUND_NOTICE: { layout: "letter", title: "医保基金清退通知书", issuer: "CITY", numberCode: "清退", generators: ["CITY"], readAs: "REFUND_NOTICE", available: (f) => f.refundNoticeIssued, served: true },
  TRANSFER_LETTER: { layout: "letter", title: "问题线索移送函", issuer: "PLAN", numberCode: "移送", generators: ["BUREAU"], readAs: "TRANSFER", available: (f) => f.transfers > 0, served: false },
  // A receipt answers one served document; who may make that document makes its receipt (checked on the served kind).
  SERVICE_RECEIPT: { layout: "form", title: "送达回证", issuer: "PLAN", numberCode: "送达", generators: ["BUREAU", "TEAM_LEADER", "TEAM_MEMBER", "CITY"], readAs: "NOTICE_RECEIPT", available: () => true, served: false },
} as const satisfies Record<DocumentKind, DocumentKindRule>;

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === "string" && (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** Whether this part may generate this kind now (the served document's kind decides for a receipt, see the service). */
export function canGenerateDocument(kind: DocumentKind, part: CaseActorKind | null, facts: DocumentFacts): boolean {
  const rule: DocumentKindRule = DOCUMENT_RULES[kind];
  return part !== null && rule.generators.includes(part) && rule.available(facts);
}

/** 机关代字 from the issuing organization's name: the first character of its place + 医保 (吉林省医疗保障局 → 吉医保). */
export function issuerAbbreviation(organizationName: string): string {
  const place = organizationName.replace(/(医疗保障局|医保局).*$/, "");
  return `${place.slice(0, 1) || "医"}医保`;
}
