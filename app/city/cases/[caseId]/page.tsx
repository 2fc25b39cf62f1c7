import { CasePage } from "@/components/cases/case-page";

export default async function CityCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  return <CasePage portal="city" caseId={(await params).caseId} />;
}
