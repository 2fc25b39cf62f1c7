"use client";
import { useTranslations } from "use-intl";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { performOperation } from "@/app/_actions/operations";
import { INSPECTION_TRIGGERS, PLAN_LEVELS, TEAM_ROLES, ZAddTargetInput, ZAddTeamMemberInput, ZCreatePlanInput, ZCreateTeamInput } from "@/lib/validation/plans";

type Option = { id: string; label: string };

export function CreatePlanForm() {
  const t = useTranslations();
  const { form, message, submit, error } = useSchemaForm(ZCreatePlanInput, { title: "", year: new Date().getFullYear(), level: "PROVINCIAL", trigger: "ANNUAL_PLAN", periodStart: "", periodEnd: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => performOperation("plan.create", values), t("plans.created"))) form.reset();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-3" aria-label={t("plans.createTitle")}>
      {message ? <div className="md:col-span-3"><Notice tone={message.tone}>{message.text}</Notice></div> : null}
      <div className="md:col-span-3"><TextField label={t("plans.planTitle")} required error={error("title")} {...form.register("title")} /></div>
      <TextField label={t("plans.year")} type="number" required error={error("year")} {...form.register("year")} />
      <SelectField label={t("plans.level")} required error={error("level")} {...form.register("level")}>
        {PLAN_LEVELS.map((v) => <option key={v} value={v}>{t(`plans.levels.${v}`)}</option>)}
      </SelectField>
      <SelectField label={t("plans.trigger")} required error={error("trigger")} {...form.register("trigger")}>
        {INSPECTION_TRIGGERS.map((v) => <option key={v} value={v}>{t(`plans.triggers.${v}`)}</option>)}
      </SelectField>
      <TextField label={t("plans.periodStart")} type="date" required error={error("periodStart")} {...form.register("periodStart")} />
      <TextField label={t("plans.periodEnd")} type="date" required error={error("periodEnd")} {...form.register("periodEnd")} />
      <div className="md:col-span-3"><Button type="submit" disabled={form.formState.isSubmitting}>{t("plans.create")}</Button></div>
    </form>
  );
}

export function CreateTeamForm({ planId, regions }: { planId: string; regions: Option[] }) {
  const t = useTranslations();
  const { form, message, submit, error } = useSchemaForm(ZCreateTeamInput, { planId, inspectedRegionId: "", name: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => performOperation("team.create", values), t("plans.teamCreated"))) form.reset({ planId, inspectedRegionId: "", name: "" });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-3" aria-label={t("plans.createTeamTitle")}>
      {message ? <div className="md:col-span-3"><Notice tone={message.tone}>{message.text}</Notice></div> : null}
      <TextField label={t("plans.teamName")} required error={error("name")} {...form.register("name")} />
      <SelectField label={t("plans.inspectedRegion")} required error={error("inspectedRegionId")} {...form.register("inspectedRegionId")}>
        <option value="">{t("common.choose")}</option>
        {regions.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
      </SelectField>
      <div className="self-end"><Button type="submit" disabled={form.formState.isSubmitting}>{t("plans.createTeam")}</Button></div>
    </form>
  );
}

export function AddMemberForm({ teamId, teamName, inspectors }: { teamId: string; teamName: string; inspectors: Option[] }) {
  const t = useTranslations();
  const { form, message, submit, error } = useSchemaForm(ZAddTeamMemberInput, { teamId, userId: "", role: "LEADER", isLawEnforcement: true });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => performOperation("team.addMember", values), t("plans.memberAdded"))) form.reset({ teamId, userId: "", role: "MEMBER", isLawEnforcement: true });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-4" aria-label={t("plans.addMemberTitle", { team: teamName })}>
      {message ? <div className="md:col-span-4"><Notice tone={message.tone}>{message.text}</Notice></div> : null}
      <SelectField label={t("plans.member")} required error={error("userId")} {...form.register("userId")}>
        <option value="">{t("common.choose")}</option>
        {inspectors.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
      </SelectField>
      <SelectField label={t("plans.teamRole")} required error={error("role")} {...form.register("role")}>
        {TEAM_ROLES.map((r) => <option key={r} value={r}>{t(`plans.teamRoles.${r}`)}</option>)}
      </SelectField>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" {...form.register("isLawEnforcement")} />
        {t("plans.lawEnforcement")}
      </label>
      <div className="self-end"><Button type="submit" disabled={form.formState.isSubmitting}>{t("plans.addMember")}</Button></div>
    </form>
  );
}

export function AddTargetForm({ planId, institutions, teams }: { planId: string; institutions: Option[]; teams: Option[] }) {
  const t = useTranslations();
  const { form, message, submit, error } = useSchemaForm(ZAddTargetInput, { planId, institutionId: "", teamId: "", reason: "" });
  const onSubmit = form.handleSubmit(async (values) => {
    if (await submit(() => performOperation("plan.addTarget", values), t("plans.targetAdded"))) form.reset({ planId, institutionId: "", teamId: "", reason: "" });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-3" aria-label={t("plans.addTargetTitle")}>
      {message ? <div className="md:col-span-3"><Notice tone={message.tone}>{message.text}</Notice></div> : null}
      <SelectField label={t("plans.institution")} required error={error("institutionId")} {...form.register("institutionId")}>
        <option value="">{t("common.choose")}</option>
        {institutions.map((i) => <option key={i.id} value={i.id}>{i.label}</option>)}
      </SelectField>
      <SelectField label={t("plans.team")} required error={error("teamId")} {...form.register("teamId")}>
        <option value="">{t("common.choose")}</option>
        {teams.map((team) => <option key={team.id} value={team.id}>{team.label}</option>)}
      </SelectField>
      <TextField label={t("plans.designationReason")} required hint={t("plans.designationHint")} error={error("reason")} {...form.register("reason")} />
      <div className="md:col-span-3"><Button type="submit" disabled={form.formState.isSubmitting}>{t("plans.addTarget")}</Button></div>
    </form>
  );
}
