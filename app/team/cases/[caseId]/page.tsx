import { CasePage } from "@/components/cases/case-page";

export default async function TeamCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  return <CasePage portal="team" caseId={(await params).caseId} />;
}
