import { recordRefund } from "@/lib/server/cases/record-refund";
import { handleCaseUpload } from "@/lib/server/http/case-upload";

export const dynamic = "force-dynamic";

/** A refund into the fund (multipart: version, refundAmount, method, paidOn, and the voucher for a transfer). */
export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return handleCaseUpload(
    request,
    (await params).caseId,
    async (db, actor, fields, file, context) => ({ version: (await recordRefund(db, actor, fields, file, { context })).version }),
    { fileOptional: true },
  );
}
