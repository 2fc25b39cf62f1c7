import { CaseRoute } from "@/app/_case/case-route";

export default function BureauCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  return <CaseRoute portal="bureau" params={params} />;
}
