import { CasePage } from "@/components/cases/case-page";

export default async function BureauCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  return <CasePage portal="bureau" caseId={(await params).caseId} />;
}
