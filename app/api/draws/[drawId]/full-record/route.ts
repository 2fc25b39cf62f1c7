import { drawFileResponse } from "@/lib/server/draws/file-response";

export const dynamic = "force-dynamic";

/** The bureau's full record (ADR 019): the published record with every committed value and its salt. Bureau only. */
export async function GET(_request: Request, { params }: { params: Promise<{ drawId: string }> }) {
  return drawFileResponse((await params).drawId, "full-record");
}
