import { DashboardPage } from "@/app/_statistics/dashboard-page";
import { requirePortalActor } from "@/lib/server/auth/page-guards";

type SearchParams = Record<string, string | string[] | undefined>;

/** The bureau's dashboard (issue 17 §1): the year across the province, every figure a link to its cases on the home page. */
export default async function BureauStatisticsDashboard({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortalActor("bureau");
  return <DashboardPage actor={actor} params={await searchParams} portal="bureau" />;
}
