"use client";
import type { PlanSettings } from "@/components/plans/plan-settings-defaults";
import { useEditorForm } from "@/components/plans/use-editor-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { SearchCombobox, type ComboboxOption } from "@/components/ui/search-combobox";
import type { ActionResult } from "@/lib/operations/result";
import {
  DESIGNATION_KINDS,
  EXCLUSION_LEVELS,
  HOSPITAL_POOL_RULES,
  INSPECTION_TRIGGERS,
  PHASE_KINDS,
  PLAN_LEVELS,
  ZAddPhaseInput,
  ZCeremonyPartyInput,
  ZDesignateTargetInput,
  ZExclusionWindowInput,
  ZParticipatingRegionInput,
  ZPlanKeyAreaInput,
  ZPlanRegionInput,
  ZUpdatePlanInput,
} from "@/lib/validation/plans";

type Option = { id: string; label: string };
const GRID = "grid gap-4 md:grid-cols-4";
/** The narrow cards beside each other (participating regions, exclusions, parties): one field a row. */
const STACK = "flex flex-col gap-3";

export function PlanSettingsForm({ defaults }: { defaults: PlanSettings }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZUpdatePlanInput, defaults, "plan.update", "plans.editor.saved", false);
  return (
    <form onSubmit={onSubmit} noValidate className={GRID} aria-label={t("plans.editor.settingsTitle")}>
      {notice}
      <div className="md:col-span-2"><TextField label={t("plans.planTitle")} required error={fieldError("title")} {...form.register("title")} /></div>
      <TextField label={t("plans.editor.documentNumber")} error={fieldError("documentNumber")} {...form.register("documentNumber")} />
      <TextField label={t("plans.year")} type="number" required error={fieldError("year")} {...form.register("year")} />
      <SelectField label={t("plans.level")} required error={fieldError("level")} {...form.register("level")}>
        {PLAN_LEVELS.map((v) => <option key={v} value={v}>{t(`plans.levels.${v}`)}</option>)}
      </SelectField>
      <SelectField label={t("plans.trigger")} required error={fieldError("trigger")} {...form.register("trigger")}>
        {INSPECTION_TRIGGERS.map((v) => <option key={v} value={v}>{t(`plans.triggers.${v}`)}</option>)}
      </SelectField>
      <TextField label={t("plans.periodStart")} type="date" required error={fieldError("periodStart")} {...form.register("periodStart")} />
      <TextField label={t("plans.periodEnd")} type="date" required error={fieldError("periodEnd")} {...form.register("periodEnd")} />
      <TextField label={t("plans.editor.referenceYears")} required hint={t("plans.editor.referenceYearsHint")} error={fieldError("referenceYears")} {...form.register("referenceYears")} />
      <TextField label={t("plans.editor.lookBackUpToYear")} type="number" required hint={t("plans.editor.lookBackUpToYearHint")} error={fieldError("lookBackUpToYear")} {...form.register("lookBackUpToYear")} />
      <TextField label={t("plans.editor.expertsPerTeam")} type="number" required error={fieldError("expertsPerTeam")} {...form.register("expertsPerTeam")} />
      <TextField label={t("plans.editor.thirdPartyPerTeam")} type="number" required error={fieldError("thirdPartyPerTeam")} {...form.register("thirdPartyPerTeam")} />
      <TextField label={t("plans.editor.appealWindow")} type="number" hint={t("plans.editor.appealWindowHint")} error={fieldError("appealWindowWorkingDays")} {...form.register("appealWindowWorkingDays")} />
      <div className="md:col-span-4"><TextField label={t("plans.editor.scope")} error={fieldError("scope")} {...form.register("scope")} /></div>
      <div className="md:col-span-4"><Button type="submit" disabled={busy}>{t("plans.editor.save")}</Button></div>
    </form>
  );
}

export function AddPhaseForm({ planId }: { planId: string }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZAddPhaseInput, { planId, kind: "PREPARATION", title: "", startsOn: "", endsOn: "" }, "plan.addPhase", "plans.editor.phaseAdded", true);
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-5" aria-label={t("plans.editor.addPhase")}>
      {notice}
      <SelectField label={t("plans.editor.phaseKind")} required error={fieldError("kind")} {...form.register("kind")}>
        {PHASE_KINDS.map((v) => <option key={v} value={v}>{t(`plans.phases.${v}`)}</option>)}
      </SelectField>
      <TextField label={t("plans.editor.phaseTitle")} error={fieldError("title")} {...form.register("title")} />
      <TextField label={t("plans.editor.startsOn")} type="date" error={fieldError("startsOn")} {...form.register("startsOn")} />
      <TextField label={t("plans.editor.endsOn")} type="date" required error={fieldError("endsOn")} {...form.register("endsOn")} />
      <div className="self-end"><Button type="submit" disabled={busy}>{t("plans.editor.addPhase")}</Button></div>
    </form>
  );
}

/** Jilin plan §一(二) defaults: 2 pharmacies of the top 10, the agency, 1 look-back target. */
export function PlanRegionForm({ planId, regions }: { planId: string; regions: Option[] }) {
  const defaults = { planId, poolingRegionId: "", hospitalPoolRule: "TOP_K" as const, hospitalPoolValue: 30, hospitalsToDraw: 3, pharmaciesTopN: 10, pharmaciesToDraw: 2, includeAgency: true, lookBackCount: 1 };
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZPlanRegionInput, defaults, "plan.saveRegion", "plans.editor.regionSaved", true);
  return (
    <form onSubmit={onSubmit} noValidate className={GRID} aria-label={t("plans.editor.regionFormTitle")}>
      {notice}
      <SelectField label={t("plans.inspectedRegion")} required hint={t("plans.editor.regionHint")} error={fieldError("poolingRegionId")} {...form.register("poolingRegionId")}>
        <option value="">{t("common.choose")}</option>
        {regions.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
      </SelectField>
      <SelectField label={t("plans.editor.hospitalPoolRule")} required error={fieldError("hospitalPoolRule")} {...form.register("hospitalPoolRule")}>
        {HOSPITAL_POOL_RULES.map((v) => <option key={v} value={v}>{t(`plans.poolRules.${v}`)}</option>)}
      </SelectField>
      <TextField label={t("plans.editor.hospitalPoolValue")} type="number" required hint={t("plans.editor.hospitalPoolValueHint")} error={fieldError("hospitalPoolValue")} {...form.register("hospitalPoolValue")} />
      <TextField label={t("plans.editor.hospitalsToDraw")} type="number" required error={fieldError("hospitalsToDraw")} {...form.register("hospitalsToDraw")} />
      <TextField label={t("plans.editor.pharmaciesTopN")} type="number" required error={fieldError("pharmaciesTopN")} {...form.register("pharmaciesTopN")} />
      <TextField label={t("plans.editor.pharmaciesToDraw")} type="number" required error={fieldError("pharmaciesToDraw")} {...form.register("pharmaciesToDraw")} />
      <TextField label={t("plans.editor.lookBackCount")} type="number" required error={fieldError("lookBackCount")} {...form.register("lookBackCount")} />
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" {...form.register("includeAgency")} />
        {t("plans.editor.includeAgency")}
      </label>
      <div className="md:col-span-4"><Button type="submit" disabled={busy}>{t("plans.editor.saveRegion")}</Button></div>
    </form>
  );
}

export function ParticipatingRegionForm({ planId, regions }: { planId: string; regions: Option[] }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZParticipatingRegionInput, { planId, poolingRegionId: "" }, "plan.addParticipatingRegion", "plans.editor.participatingAdded", true);
  return (
    <form onSubmit={onSubmit} noValidate className={STACK} aria-label={t("plans.editor.participatingTitle")}>
      {notice}
      <SelectField label={t("plans.editor.participatingRegion")} required error={fieldError("poolingRegionId")} {...form.register("poolingRegionId")}>
        <option value="">{t("common.choose")}</option>
        {regions.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
      </SelectField>
      <div><Button type="submit" disabled={busy}>{t("plans.editor.addParticipating")}</Button></div>
    </form>
  );
}

export function PlanKeyAreaForm({ planId, keyAreas }: { planId: string; keyAreas: Option[] }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZPlanKeyAreaInput, { planId, keyAreaId: "" }, "plan.addKeyArea", "plans.editor.keyAreaAdded", true);
  return (
    <form onSubmit={onSubmit} noValidate className={STACK} aria-label={t("plans.editor.keyAreasTitle")}>
      {notice}
      <SelectField label={t("plans.editor.keyArea")} required error={fieldError("keyAreaId")} {...form.register("keyAreaId")}>
        <option value="">{t("common.choose")}</option>
        {keyAreas.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
      </SelectField>
      <div><Button type="submit" disabled={busy}>{t("plans.editor.addKeyArea")}</Button></div>
    </form>
  );
}

export function ExclusionWindowForm({ planId, year }: { planId: string; year: number }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZExclusionWindowInput, { planId, level: "NATIONAL", fromYear: year - 1, toYear: year }, "plan.addExclusionWindow", "plans.editor.windowAdded", false);
  return (
    <form onSubmit={onSubmit} noValidate className={STACK} aria-label={t("plans.editor.addWindow")}>
      {notice}
      <SelectField label={t("plans.editor.inspectionLevel")} required error={fieldError("level")} {...form.register("level")}>
        {EXCLUSION_LEVELS.map((v) => <option key={v} value={v}>{t(`plans.inspectionLevels.${v}`)}</option>)}
      </SelectField>
      <TextField label={t("plans.editor.fromYear")} type="number" required error={fieldError("fromYear")} {...form.register("fromYear")} />
      <TextField label={t("plans.editor.toYear")} type="number" required error={fieldError("toYear")} {...form.register("toYear")} />
      <div><Button type="submit" disabled={busy}>{t("plans.editor.addWindow")}</Button></div>
    </form>
  );
}

export function CeremonyPartyForm({ planId }: { planId: string }) {
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZCeremonyPartyInput, { planId, code: "", name: "" }, "plan.addCeremonyParty", "plans.editor.partyAdded", true);
  return (
    <form onSubmit={onSubmit} noValidate className={STACK} aria-label={t("plans.editor.addParty")}>
      {notice}
      <TextField label={t("plans.editor.partyName")} required error={fieldError("name")} {...form.register("name")} />
      <TextField label={t("plans.editor.partyCode")} required hint={t("plans.editor.partyCodeHint")} error={fieldError("code")} {...form.register("code")} />
      <div><Button type="submit" disabled={busy}>{t("plans.editor.addParty")}</Button></div>
    </form>
  );
}

type Found = { id: string; name: string; nationalCode: string; kind: string; planRegionId: string; regionName: string };
/** The designation search, a read of the registry over `/api/v1` (GET, the session's cookie). */
async function searchDesignatable(planId: string, planRegionId: string, q: string): Promise<ActionResult<Found[]>> {
  const query = new URLSearchParams({ q, ...(planRegionId ? { planRegionId } : {}) });
  const response = await fetch(`/api/v1/plans/${encodeURIComponent(planId)}/designatable-institutions?${query.toString()}`, { headers: { accept: "application/json" } });
  try {
    return (await response.json()) as ActionResult<Found[]>;
  } catch {
    return { ok: false, code: "INTERNAL", message: "" };
  }
}

/**
 * 指定检查 (Jilin plan §一(二)5). The institution is found by typing part of its name or code: a region has
 * hundreds, searched on the server within the plan's inspected regions (the chosen one, or all). Choosing one from
 * another region sets the region too.
 */
export function DesignateTargetForm({ planId, regions }: { planId: string; regions: Option[] }) {
  const defaults = { planId, planRegionId: "", institutionId: "", kind: "HOSPITAL" as const, trigger: "TIP_OFF" as const, reason: "" };
  const { t, form, onSubmit, fieldError, notice, busy } = useEditorForm(ZDesignateTargetInput, defaults, "plan.designateTarget", "plans.editor.designated", true);
  const find = async (q: string): Promise<ComboboxOption[]> => {
    const result = await searchDesignatable(planId, form.getValues("planRegionId"), q);
    if (!result.ok) return [];
    return result.data.map((i) => ({ id: i.id, label: `${i.name}（${i.nationalCode}）`, detail: `${i.regionName} · ${t(`plans.institutionKinds.${i.kind}`)}`, region: i.planRegionId, kind: i.kind }));
  };
  return (
    <form onSubmit={onSubmit} noValidate className={GRID} aria-label={t("plans.editor.designateTitle")}>
      {notice}
      <SelectField label={t("plans.inspectedRegion")} required hint={t("plans.editor.designateRegionHint")} error={fieldError("planRegionId")} {...form.register("planRegionId")}>
        <option value="">{t("plans.editor.allInspectedRegions")}</option>
        {regions.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
      </SelectField>
      <div className="md:col-span-3">
        <input type="hidden" {...form.register("institutionId")} />
        <SearchCombobox
          label={t("plans.editor.designatedInstitution")}
          required
          hint={t("plans.editor.institutionSearchHint")}
          error={fieldError("institutionId")}
          value={form.watch("institutionId")}
          search={find}
          messages={{ searching: t("plans.editor.searching"), noMatch: t("plans.editor.noMatch"), results: (count) => t("plans.editor.matches", { count }) }}
          onChoose={(option) => {
            form.setValue("institutionId", option?.id ?? "", { shouldValidate: form.formState.isSubmitted });
            const found = option as (ComboboxOption & { region: string; kind: string }) | null;
            if (!found) return;
            form.setValue("planRegionId", found.region, { shouldValidate: form.formState.isSubmitted });
            // A pharmacy counts against the pharmacy quota; a hospital keeps the quota chosen (hospital or look-back).
            if (found.kind === "PHARMACY") form.setValue("kind", "PHARMACY");
            else if (form.getValues("kind") === "PHARMACY") form.setValue("kind", "HOSPITAL");
          }}
        />
      </div>
      <SelectField label={t("plans.editor.designationKind")} required error={fieldError("kind")} {...form.register("kind")}>
        {DESIGNATION_KINDS.map((v) => <option key={v} value={v}>{t(`plans.designationKinds.${v}`)}</option>)}
      </SelectField>
      <SelectField label={t("plans.editor.designationTrigger")} required error={fieldError("trigger")} {...form.register("trigger")}>
        {INSPECTION_TRIGGERS.map((v) => <option key={v} value={v}>{t(`plans.triggers.${v}`)}</option>)}
      </SelectField>
      <div className="md:col-span-2"><TextField label={t("plans.designationReason")} required hint={t("plans.designationHint")} error={fieldError("reason")} {...form.register("reason")} /></div>
      <div className="md:col-span-4"><Button type="submit" disabled={busy}>{t("plans.editor.designate")}</Button></div>
    </form>
  );
}
