import { submitProgressReport } from "@/lib/server/cases/submit-progress-report";
import { handleCaseUpload } from "@/lib/server/http/case-upload";

export const dynamic = "force-dynamic";

/** The city's rectification progress report (multipart: version, summary, file). */
export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return handleCaseUpload(request, (await params).caseId, async (db, actor, fields, file, context) => {
    const outcome = await submitProgressReport(db, actor, fields, file, { context });
    return { version: outcome.version };
  });
}
