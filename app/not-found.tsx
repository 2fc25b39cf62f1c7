import { StatusPage } from "@/components/layout/status-page";

export default function NotFound() {
  return <StatusPage code={404} titleKey="errors.notFoundTitle" bodyKey="errors.notFoundBody" />;
}
