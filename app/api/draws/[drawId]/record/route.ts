import { drawFileResponse } from "@/lib/server/draws/file-response";

export const dynamic = "force-dynamic";

/** The published record file (issue 8 §4–6); the bureau may fetch it before release. */
export async function GET(_request: Request, { params }: { params: Promise<{ drawId: string }> }) {
  return drawFileResponse((await params).drawId, "record");
}
