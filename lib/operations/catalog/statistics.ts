/**
 * Statistics (issue 17 §3): the 汇总统计 of a plan, as a workbook. The dashboards (§1, §2) are pages that read
 * the same service within the user's scope; they have no operation of their own.
 */
import { ZPlanReportInput } from "@/lib/validation/statistics";
import { defineOperation } from "../types";

export const STATISTICS_OPERATIONS = {
  planReport: defineOperation({
    name: "statistics.planReport",
    labelKey: "statistics.report.download",
    summary: "A plan's statistics (汇总统计) as .xlsx: per institution, team and region the cases, findings and amounts found, confirmed, refunded and fined; findings by violation type and key area. Within the caller's scope; audited.",
    tag: "Statistics",
    input: ZPlanReportInput,
    permission: "plan.read",
    audit: "statistics.planReport",
    http: { method: "GET", path: "/plans/{planId}/statistics" },
    download: true,
  }),
} as const;
