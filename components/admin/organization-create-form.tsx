"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { performOperation } from "@/app/_actions/operations";
import { ORGANIZATION_KINDS, ZCreateOrganizationInput } from "@/lib/validation/admin";
import { useActionForm } from "./use-action-form";

type FormValues = z.input<typeof ZCreateOrganizationInput>;

export function OrganizationCreateForm({ regions }: {
  regions: { id: string; name: string }[];
}) {
  const t = useTranslations();
  const { register, handleSubmit, setError, reset, formState } = useForm<FormValues>({
    resolver: zodResolver(ZCreateOrganizationInput),
    defaultValues: { name: "", kind: "CITY_BUREAU", poolingRegionId: "" },
  });
  const { message, submit, fieldError } = useActionForm(setError);
  const onSubmit = handleSubmit(async (values) => {
    if (await submit(() => performOperation("organization.create", values), t("organizations.created"))) reset();
  });
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-3" aria-label={t("organizations.createTitle")}>
      {message ? <div className="md:col-span-3"><Notice tone={message.tone}>{message.text}</Notice></div> : null}
      <TextField label={t("organizations.name")} required error={fieldError(e.name?.message)} {...register("name")} />
      <SelectField label={t("organizations.kind")} required error={fieldError(e.kind?.message)} {...register("kind")}>
        {ORGANIZATION_KINDS.map((kind) => <option key={kind} value={kind}>{t(`organizationKinds.${kind}`)}</option>)}
      </SelectField>
      <SelectField label={t("organizations.region")} hint={t("organizations.regionHint")} error={fieldError(e.poolingRegionId?.message)} {...register("poolingRegionId")}>
        <option value="">{t("common.choose")}</option>
        {regions.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
      </SelectField>
      <div className="md:col-span-3">
        <Button type="submit" disabled={formState.isSubmitting}>{t("organizations.create")}</Button>
      </div>
    </form>
  );
}
