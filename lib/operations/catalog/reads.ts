/**
 * What other systems read through `/api/v1` (issue 13 §4): the case list by cursor, a case's findings and files,
 * a file's bytes (by the file-visibility rule), and the change feed of the audit chain, each scoped to the caller
 * exactly as the pages are. Each entry says the shape of its answer, for the OpenAPI document and the contract test.
 */
import { z } from "zod";
import { CASE_STATES } from "@/lib/domain/case/transitions";
import { FILE_KINDS } from "@/lib/domain/case/file-visibility";
import { ZCaseListQuery, ZCaseReadInput, ZDrawReadInput, ZEventFeedQuery, ZFileReadInput, ZPlanListQuery, ZPlanReadInput, ZPublicDrawsQuery } from "@/lib/validation/reads";
import { defineOperation } from "../types";

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const id = z.uuid();

const ZCaseListRow = z.object({
  id,
  state: z.enum(CASE_STATES),
  version: z.int().min(0),
  designated: z.boolean(),
  institution: z.object({ id, name: z.string() }),
  noticeDeliveredAt: instant.nullable(),
  handoverReceivedAt: instant.nullable(),
  progressReportDueOn: day.nullable(),
  writtenReportDueOn: day.nullable(),
  overdue: z.boolean(),
});

/** A page of a list: the rows, and the cursor of the next page (null on the last), also as a link. */
function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), next: z.string().nullable() });
}

const ZFindingRow = z.object({
  id,
  violationType: z.string(),
  keyArea: z.string().nullable(),
  legalBasis: z.string(),
  description: z.string(),
  amount: z.string().regex(/^\d+\.\d{2}$/),
  status: z.string(),
  createdAt: instant,
});

const ZFileRow = z.object({
  id,
  kind: z.enum(FILE_KINDS),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  uploadedAt: instant,
  href: z.string(),
});

const ZFeedEvent = z.object({ seq: z.string().regex(/^\d+$/), at: instant, action: z.string(), caseId: id });

export const READ_OPERATIONS = {
  planList: defineOperation({
    name: "plan.list",
    labelKey: "plans.title",
    summary: "The bureau's inspection plans, newest year first (at most 200), with their state and counts of teams and cases.",
    tag: "Plans",
    input: ZPlanListQuery,
    permission: "plan.read",
    audit: "plan.list",
    http: { method: "GET", path: "/plans" },
  }),
  planGet: defineOperation({
    name: "plan.get",
    labelKey: "plans.title",
    summary: "One plan as the editor shows it: phases, regions and their rules, designated targets, key areas, teams and members, ceremony parties, draws and cases.",
    tag: "Plans",
    input: ZPlanReadInput,
    permission: "plan.read",
    audit: "plan.get",
    http: { method: "GET", path: "/plans/{planId}" },
  }),
  drawList: defineOperation({
    name: "draw.list",
    labelKey: "publicDraws.title",
    summary: "Public, no token: every draw from its fixed manifest on, newest first, 20 a page: plan, dates, manifest hash, the parties' timestamped commitments; the region and result hash once its record is released.",
    tag: "Draws",
    input: ZPublicDrawsQuery,
    permission: null,
    audit: "draw.list",
    http: { method: "GET", path: "/draws" },
  }),
  drawGet: defineOperation({
    name: "draw.get",
    labelKey: "publicDraws.title",
    summary: "Public, no token: one draw's announced facts (manifest hash, commitments) and whether its record is released, with the result hash then.",
    tag: "Draws",
    input: ZDrawReadInput,
    permission: null,
    audit: "draw.get",
    http: { method: "GET", path: "/draws/{drawId}" },
  }),
  caseList: defineOperation({
    name: "case.list",
    labelKey: "cases.list",
    summary: "The cases the caller may see, newest first, a page at a time: pass `nextCursor` as `cursor` for the next page.",
    tag: "Cases",
    input: ZCaseListQuery,
    permission: "case.read",
    audit: "case.list",
    http: { method: "GET", path: "/cases" },
    output: pageOf(ZCaseListRow),
  }),
  caseFindings: defineOperation({
    name: "case.findings",
    labelKey: "cases.findings",
    summary: "The findings of a case, withdrawn ones marked, in the order recorded.",
    tag: "Cases",
    input: ZCaseReadInput,
    permission: "case.read",
    audit: "case.findings",
    http: { method: "GET", path: "/cases/{caseId}/findings" },
    output: z.object({ items: z.array(ZFindingRow) }),
  }),
  caseFiles: defineOperation({
    name: "case.files",
    labelKey: "api.caseFiles",
    summary: "The files of a case the caller may read by their part in it (evidence, vouchers, reports, material), with where to download each.",
    tag: "Files",
    input: ZCaseReadInput,
    permission: "case.read",
    audit: "case.files",
    http: { method: "GET", path: "/cases/{caseId}/files" },
    output: z.object({ items: z.array(ZFileRow) }),
  }),
  fileDownload: defineOperation({
    name: "file.download",
    labelKey: "api.fileDownload",
    summary: "A stored file's bytes, if the caller may read it by the file-visibility rule; every download is audited.",
    tag: "Files",
    input: ZFileReadInput,
    permission: "case.read",
    audit: "file.download",
    http: { method: "GET", path: "/files/{fileId}" },
    download: true,
  }),
  eventFeed: defineOperation({
    name: "event.feed",
    labelKey: "api.eventFeed",
    summary: "The change feed: what happened to the cases the caller may see, after a sequence number, oldest first. Poll with `after` = the answer's `lastSeq`.",
    tag: "Events",
    input: ZEventFeedQuery,
    permission: "event.read",
    audit: "event.feed",
    http: { method: "GET", path: "/events" },
    output: z.object({ items: z.array(ZFeedEvent), lastSeq: z.string().regex(/^\d+$/), next: z.string() }),
  }),
} as const;
