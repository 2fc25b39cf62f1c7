import { CaseRoute } from "@/app/_case/case-route";

export default function InstitutionCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  return <CaseRoute portal="institution" params={params} />;
}
