import { drawFileResponse } from "@/lib/server/draws/file-response";

export const dynamic = "force-dynamic";

/** The manifest a ceremony is held on: the bureau's only (it names every candidate), until the record is out. */
export async function GET(_request: Request, { params }: { params: Promise<{ drawId: string }> }) {
  return drawFileResponse((await params).drawId, "manifest");
}
