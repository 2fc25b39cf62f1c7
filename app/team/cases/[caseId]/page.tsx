import { CaseRoute } from "@/app/_case/case-route";

export default function TeamCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  return <CaseRoute portal="team" params={params} />;
}
