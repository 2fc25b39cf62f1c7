import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import type { AppLocale } from "@/lib/i18n/config";

type T = (key: string, values?: Record<string, string | number>) => string;
type DrawRow = { id: string; kind: "TEAMS" | "TARGETS"; status: string; planRegionId: string | null; manifestHash: string; drawnAt: Date | null; redrawReason: string | null };

/** A plan's draws, redraws and stopped ones included: nothing of a ceremony is hidden from the bureau. */
export function DrawList({ draws, regions, href, t, locale }: { draws: DrawRow[]; regions: Map<string, string>; href: (id: string) => string; t: T; locale: AppLocale }) {
  if (draws.length === 0) return null;
  return (
    <Table caption={t("draw.listCaption")} head={<tr><Th>{t("draw.kind")}</Th><Th>{t("draw.manifestHash")}</Th><Th>{t("common.status")}</Th><Th>{t("draw.drawnAt")}</Th><Th>{t("draw.redrawReason")}</Th></tr>}>
      {draws.map((d) => (
        <tr key={d.id}>
          <Td><Link href={href(d.id)} className="text-brand-700 hover:underline">{d.kind === "TEAMS" ? t("draw.kinds.TEAMS") : t("draw.kinds.TARGETS", { region: regions.get(d.planRegionId ?? "") ?? "" })}</Link></Td>
          <Td className="font-mono text-xs">{d.manifestHash.slice(0, 16)}…</Td>
          <Td>{t(`draw.statuses.${d.status}`)}</Td>
          <Td className="whitespace-nowrap">{d.drawnAt ? formatDateTime(d.drawnAt, locale) : "—"}</Td>
          <Td>{d.redrawReason ?? "—"}</Td>
        </tr>
      ))}
    </Table>
  );
}
