import { CaseRoute } from "@/app/_case/case-route";

export default function CityCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  return <CaseRoute portal="city" params={params} />;
}
