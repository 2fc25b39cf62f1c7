import type { CaseActorKind } from "./actors";

/**
 * The kinds of stored file, named by what they are in the procedure. Every FileObject is one of these through the
 * row that points at it (prisma/schema/file.prisma); the download and the case page both read this table.
 */
export const FILE_KINDS = [
  "EVIDENCE",
  "NOTICE_RECEIPT",
  "SEIZURE_LIST",
  "FEEDBACK_REPORT",
  "STATEMENT",
  "APPEAL",
  "REVIEW",
  "AMOUNT_CONFIRMATION_NOTICE",
  "CONFIRMATION_LETTER",
  "REFUND_NOTICE",
  "REFUND_VOUCHER",
  "PENALTY_DECISION",
  "PROGRESS_REPORT",
  "WRITTEN_REPORT",
  "DIFFERENCE_EXPLANATION",
  "RECTIFICATION_MATERIAL",
  "TRANSFER",
  "MASTER_DATA_IMPORT",
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

type Readers = Record<CaseActorKind, boolean>;
const ALL: Readers = { BUREAU: true, TEAM_LEADER: true, TEAM_MEMBER: true, CITY: true, INSTITUTION: true };
/** Between the inspecting side, the city and the province: the institution's part is its own file, not these. */
const NOT_INSTITUTION: Readers = { ...ALL, INSTITUTION: false };
const BUREAU_ONLY: Readers = { BUREAU: true, TEAM_LEADER: false, TEAM_MEMBER: false, CITY: false, INSTITUTION: false };

/**
 * Who may read each kind of file, by their part in the case (lib/domain/case/actors.ts). Who sees the case at all
 * (scope: recusal, the institution and its city only after the notice) is decided before this table is read.
 *
 * - The bureau reads everything it supervises; the team (its liaison tracks rectification to the end, Jilin plan
 *   §三(一)) and the city that handles the case read every file of it.
 * - The institution reads what it signed, received or submitted: evidence taken at its premises and the records
 *   it signed (it may state its case on them, 条例 art. 31), the notices, decisions and letters addressed to it,
 *   its vouchers and rectification material. It does not read the team's feedback report to the city, the
 *   city's progress and written reports and difference explanation to the province (Jilin plan §四(三)), nor a
 *   transfer of leads to the police or discipline organs (Jilin plan §五(三)).
 * - Master-data import files are the bureau's (masterData.read), outside any case.
 */
export const FILE_VISIBILITY = {
  EVIDENCE: ALL,
  NOTICE_RECEIPT: ALL,
  SEIZURE_LIST: ALL,
  FEEDBACK_REPORT: NOT_INSTITUTION,
  STATEMENT: ALL,
  APPEAL: ALL,
  REVIEW: ALL,
  AMOUNT_CONFIRMATION_NOTICE: ALL,
  CONFIRMATION_LETTER: ALL,
  REFUND_NOTICE: ALL,
  REFUND_VOUCHER: ALL,
  PENALTY_DECISION: ALL,
  PROGRESS_REPORT: NOT_INSTITUTION,
  WRITTEN_REPORT: NOT_INSTITUTION,
  DIFFERENCE_EXPLANATION: NOT_INSTITUTION,
  RECTIFICATION_MATERIAL: ALL,
  TRANSFER: NOT_INSTITUTION,
  MASTER_DATA_IMPORT: BUREAU_ONLY,
} as const satisfies Record<FileKind, Readers>;

/**
 * Issue 12 §4 (Liuzhou plan §五(七): matters without a conclusion stay confidential from the inspected party): the
 * team's on-site record, its findings and evidence, is the team's draft until the team leader signs the problem
 * record. Until then only the inspecting side and the bureau that supervises it read it; the institution and the
 * city read the record as the team presented it, once signed.
 */
const DRAFT_RECORD_READERS: Readers = { BUREAU: true, TEAM_LEADER: true, TEAM_MEMBER: true, CITY: false, INSTITUTION: false };

/** The file kinds that belong to the team's on-site record, hidden with it while it is a draft. */
export const TEAM_RECORD_FILE_KINDS: readonly FileKind[] = ["EVIDENCE"];

/** Whether a reader with this part may read the team's findings and evidence, given whether the team has signed. */
export function canReadTeamRecord(part: CaseActorKind | null, teamSigned: boolean): boolean {
  return part !== null && (teamSigned || DRAFT_RECORD_READERS[part]);
}

/**
 * Whether a reader with this part in the case (null: none) may see files of this kind, listed or downloaded;
 * `teamSigned` says whether the team has signed the problem record (the draft rule above).
 */
export function canReadFileKind(kind: FileKind, part: CaseActorKind | null, teamSigned: boolean): boolean {
  if (part === null || !FILE_VISIBILITY[kind][part]) return false;
  return !TEAM_RECORD_FILE_KINDS.includes(kind) || canReadTeamRecord(part, teamSigned);
}
