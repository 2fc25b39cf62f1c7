import { submitRectificationMaterial } from "@/lib/server/cases/submit-rectification-material";
import { handleCaseUpload } from "@/lib/server/http/case-upload";

export const dynamic = "force-dynamic";

/** The institution's rectification material (multipart: version, description, file). */
export async function POST(request: Request, { params }: { params: Promise<{ caseId: string }> }) {
  return handleCaseUpload(request, (await params).caseId, async (db, actor, fields, file, context) => ({
    version: (await submitRectificationMaterial(db, actor, fields, file, { context })).version,
  }));
}
