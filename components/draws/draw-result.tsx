import { Table, Td, Th } from "@/components/ui/table";
import type { TargetDrawRecord, TeamDrawRecord } from "@/lib/domain/draw/record";
import { targetsOf } from "@/lib/domain/draw/targets";
import { currentTeams } from "@/lib/domain/draw/teams";
import type { TargetManifest } from "@/lib/domain/draw/target-manifest";
import type { RecusalReason, TeamManifest } from "@/lib/domain/draw/team-manifest";

type T = (key: string, values?: Record<string, string | number>) => string;

/** What a target draw's manifest fixes before the meeting: the ranked lists' sizes, exclusions, designations. */
export function TargetManifestSummary({ manifest, t }: { manifest: TargetManifest; t: T }) {
  return (
    <>
      {manifest.regions.map((r) => (
        <div key={r.code} className="text-sm">
          <p className="mb-2 text-slate-700">{t("draw.targetManifestLine", { region: r.name, hospitals: r.hospitals.length, pharmacies: r.pharmacies.length, agencies: r.agencies.length })}</p>
          {r.exclusions.length + r.designated.length > 0 ? (
            <Table caption={t("draw.exclusionsCaption")} head={<tr><Th>{t("plans.nationalCode")}</Th><Th>{t("plans.institution")}</Th><Th>{t("draw.treatment")}</Th></tr>}>
              {r.designated.map((d) => (
                <tr key={`d-${d.code}`}><Td className="font-mono">{d.code}</Td><Td>{[...r.hospitals, ...r.pharmacies].find((i) => i.code === d.code)?.name ?? d.code}</Td><Td>{t("draw.designatedAs", { kind: t(`plans.designationKinds.${d.as}`), reason: d.reason })}</Td></tr>
              ))}
              {r.exclusions.map((e) => (
                <tr key={`e-${e.code}`}><Td className="font-mono">{e.code}</Td><Td>{[...r.hospitals, ...r.pharmacies].find((i) => i.code === e.code)?.name ?? e.code}</Td><Td>{t("draw.excludedBecause", { inspections: e.inspections.map((m) => t("draw.inspectionMark", { year: m.year, level: t(`plans.inspectionLevels.${m.level}`) })).join("、") })}</Td></tr>
              ))}
            </Table>
          ) : null}
        </div>
      ))}
    </>
  );
}

export function TeamManifestSummary({ manifest, t }: { manifest: TeamManifest; t: T }) {
  return (
    <p className="text-sm text-slate-700">
      {t("draw.teamManifestLine", { inspected: manifest.inspected.length, participating: manifest.participating.length, experts: manifest.experts.people.length, thirdParty: manifest.thirdParty.people.length, recusals: manifest.recusals.length })}
    </p>
  );
}

const ROLE_KEYS = ["AGENCY", "DESIGNATED_HOSPITAL", "DESIGNATED_PHARMACY", "DESIGNATED_LOOK_BACK", "LOOK_BACK", "HOSPITAL", "PHARMACY"] as const;

export function TargetResult({ record, t }: { record: TargetDrawRecord; t: T }) {
  const names = new Map(record.manifest.regions.flatMap((r) => [...r.hospitals, ...r.pharmacies, ...r.agencies].map((i) => [i.code, i.name] as const)));
  const targets = targetsOf(record.result).sort((a, b) => ROLE_KEYS.indexOf(a.as) - ROLE_KEYS.indexOf(b.as));
  const shortfalls = record.result.regions.flatMap((r) => r.shortfalls);
  return (
    <>
      <Table caption={t("draw.targetsCaption")} head={<tr><Th>{t("draw.targetRole")}</Th><Th>{t("plans.institution")}</Th><Th>{t("plans.nationalCode")}</Th><Th>{t("draw.ticket")}</Th></tr>}>
        {targets.map((x) => {
          // One seed serves every list, so an institution has one ticket wherever it stands.
          const i = record.candidates.findIndex((c) => c.id === x.code);
          return (
            <tr key={`${x.as}-${x.code}`}>
              <Td>{t(`draw.targetRoles.${x.as}`)}</Td>
              <Td>{names.get(x.code) ?? x.code}</Td>
              <Td className="font-mono">{x.code}</Td>
              <Td className="font-mono text-xs">{i >= 0 ? `${record.tickets[i]!.slice(0, 14)}…` : "—"}</Td>
            </tr>
          );
        })}
      </Table>
      {shortfalls.map((s) => (
        <p key={s.rule} role="status" className="mt-2 text-sm text-amber-800">{t("draw.shortfall", { rule: t(`draw.targetRoles.${s.rule}`), needed: s.needed, eligible: s.eligible })}</p>
      ))}
      <p className="mt-2 text-sm text-slate-600">{t("draw.skipsLine", { count: record.skips.length })}</p>
    </>
  );
}

export function TeamResult({ record, regionNames, personNames, t }: { record: TeamDrawRecord; regionNames: Map<string, string>; personNames: Map<string, string>; t: T }) {
  const person = (id: string) => `${personNames.get(id) ?? ""}（${id}）`;
  // Why someone was recused is in the bureau's full manifest only (ADR 019); the published record says that, not why.
  const reasonsOf = (id: string, region: string): RecusalReason[] => {
    const recusal: { id: string; region: string; reasons?: RecusalReason[] } | undefined = record.manifest.recusals.find((r) => r.id === id && r.region === region);
    return recusal?.reasons ?? [];
  };
  return (
    <>
      <Table caption={t("draw.teamsCaption")} head={<tr><Th>{t("draw.inspectedRegion")}</Th><Th>{t("draw.inspectingRegion")}</Th><Th>{t("plans.teamRoles.EXPERT")}</Th><Th>{t("plans.teamRoles.THIRD_PARTY")}</Th></tr>}>
        {currentTeams(record.result, record.replacements).map((team) => (
          <tr key={team.inspected}>
            <Td>{regionNames.get(team.inspected) ?? team.inspected}</Td>
            <Td>{regionNames.get(team.inspecting) ?? team.inspecting}</Td>
            <Td>{team.experts.map(person).join("、") || "—"}</Td>
            <Td>{team.thirdParty.map(person).join("、") || "—"}</Td>
          </tr>
        ))}
      </Table>
      {record.result.mutualPairs.length > 0 ? <p className="mt-2 text-sm text-amber-800">{t("draw.mutualPairs", { count: record.result.mutualPairs.length })}</p> : null}
      {record.result.shortfalls.map((s) => (
        <p key={`${s.inspected}-${s.pool}`} role="status" className="mt-2 text-sm text-amber-800">{t("draw.teamShortfall", { region: regionNames.get(s.inspected) ?? s.inspected, pool: t(`plans.teamRoles.${s.pool}`), needed: s.needed, drawn: s.drawn })}</p>
      ))}
      {record.skips.length > 0 ? (
        <ul className="mt-3 list-disc pl-5 text-sm text-slate-600">
          {record.skips.map((s) => (
            <li key={`${s.pool}-${s.inspected}-${s.id}`}>{t("draw.recusalSkip", { person: person(s.id), region: regionNames.get(s.inspected) ?? s.inspected, reasons: reasonsOf(s.id, s.inspected).map((r) => t(`draw.recusalReasons.${r}`)).join("、") })}</li>
          ))}
        </ul>
      ) : null}
      {record.replacements.map((r) => (
        <p key={`${r.withdrawn}-${r.declaredAt}`} className="mt-2 text-sm text-slate-700">{t("draw.replacementLine", { withdrawn: person(r.withdrawn), replacedBy: r.replacedBy ? person(r.replacedBy) : t("draw.nobodyLeft") })}</p>
      ))}
    </>
  );
}
