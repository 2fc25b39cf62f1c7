import { submitWrittenReport } from "@/lib/server/cases/submit-written-report";
import { handleCaseUpload } from "@/lib/server/http/case-upload";

export const dynamic = "force-dynamic";

/** The city's written report on handling and rectification (multipart: version, summary, file). */
export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return handleCaseUpload(request, (await params).caseId, async (db, actor, fields, file, context) => ({
    version: (await submitWrittenReport(db, actor, fields, file, { context })).version,
  }));
}
