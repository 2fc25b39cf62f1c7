import { CasePage } from "@/components/cases/case-page";

export default async function InstitutionCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  return <CasePage portal="institution" caseId={(await params).caseId} />;
}
