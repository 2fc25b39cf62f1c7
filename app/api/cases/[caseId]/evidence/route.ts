import { addEvidence } from "@/lib/server/cases/add-evidence";
import { handleCaseUpload } from "@/lib/server/http/case-upload";

export const dynamic = "force-dynamic";

/** Evidence upload (multipart: version, kind, description, file). */
export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return handleCaseUpload(request, (await params).caseId, async (db, actor, fields, file, context) => {
    const outcome = await addEvidence(db, actor, fields, file, { context });
    return { version: outcome.version, ...outcome.record };
  });
}
