import Link from "next/link";
import { PageHeader, Stat } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { masterDataCounts } from "@/lib/server/master-data/overview";
import { SECTIONS } from "./sections";

export default async function MasterDataOverview() {
  const actor = await requirePageActor("masterData.read");
  const t = await getT();
  const counts = await masterDataCounts(getDb(), actor);
  return (
    <>
      <PageHeader title={t("masterData.title")} description={t("masterData.description")} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {SECTIONS.map((section) => (
          <Link key={section.key} href={section.href} className="block rounded focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
            <Stat label={t(section.labelKey)} value={counts[section.key].toLocaleString(actor.locale)} />
          </Link>
        ))}
      </div>
    </>
  );
}
