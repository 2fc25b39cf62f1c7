import { DashboardPage } from "@/app/_statistics/dashboard-page";
import { requirePortalActor } from "@/lib/server/auth/page-guards";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The city bureau's dashboard (issue 17 §2): the same figures as the bureau's, within the city's scope (its
 * own region, and no case before its notice is delivered: scope.inspectionCase), each linking to its home list.
 */
export default async function CityStatisticsDashboard({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortalActor("city");
  return <DashboardPage actor={actor} params={await searchParams} portal="city" />;
}
