"use client";
import { useTranslations } from "use-intl";
import { useSchemaForm } from "@/components/forms/use-schema-form";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { performOperation } from "@/app/_actions/operations";
import { ZDeclareConflictInput } from "@/lib/validation/plans";

type Option = { id: string; label: string };

/**
 * 回避: a team member declares a conflict with the region they are to inspect (or the bureau records it for
 * them). Without `members` the form is for one place (`teamMemberId`), as on the team portal.
 */
export function DeclareConflictForm({ teamMemberId, members, label }: { teamMemberId?: string; members?: Option[]; label: string }) {
  const t = useTranslations();
  const defaults = { teamMemberId: teamMemberId ?? "", reason: "" };
  const { form, message, submit, error } = useSchemaForm(ZDeclareConflictInput, defaults);
  const onSubmit = form.handleSubmit(async (values) => {
    if (!window.confirm(t("draw.conflictConfirm"))) return;
    if (await submit(() => performOperation("team.declareConflict", values), t("draw.conflictDeclared"))) form.reset(defaults);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 md:grid-cols-4" aria-label={label}>
      {message ? <div className="md:col-span-4"><Notice tone={message.tone}>{message.text}</Notice></div> : null}
      {members ? (
        <SelectField label={t("draw.conflictMember")} required error={error("teamMemberId")} {...form.register("teamMemberId")}>
          <option value="">{t("common.choose")}</option>
          {members.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
        </SelectField>
      ) : null}
      <div className={members ? "md:col-span-2" : "md:col-span-3"}><TextField label={t("draw.conflictReason")} required hint={t("draw.conflictHint")} error={error("reason")} {...form.register("reason")} /></div>
      <div className="self-end"><Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>{t("draw.declareConflict")}</Button></div>
    </form>
  );
}
