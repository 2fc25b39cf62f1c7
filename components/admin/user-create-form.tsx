"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { performOperation } from "@/app/_actions/operations";
import { ROLES, ZCreateUserInput } from "@/lib/validation/admin";
import { useActionForm } from "./use-action-form";

type FormValues = z.input<typeof ZCreateUserInput>;

export function UserCreateForm({ organizations }: {
  organizations: { id: string; name: string }[];
}) {
  const t = useTranslations();
  const { register, handleSubmit, setError, reset, formState } = useForm<FormValues>({
    resolver: zodResolver(ZCreateUserInput),
    defaultValues: { username: "", displayName: "", role: "BUREAU_STAFF", organizationId: "", staffNumber: "", password: "" },
  });
  const { message, submit, fieldError } = useActionForm(setError);
  const onSubmit = handleSubmit(async (values) => {
    if (await submit(() => performOperation("user.create", values), t("users.created"))) reset();
  });
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2" aria-label={t("users.createTitle")}>
      {message ? <div className="md:col-span-2"><Notice tone={message.tone}>{message.text}</Notice></div> : null}
      <TextField label={t("users.username")} required autoComplete="off" error={fieldError(e.username?.message)} {...register("username")} />
      <TextField label={t("users.displayName")} required error={fieldError(e.displayName?.message)} {...register("displayName")} />
      <SelectField label={t("users.role")} required error={fieldError(e.role?.message)} {...register("role")}>
        {ROLES.map((role) => <option key={role} value={role}>{t(`roles.${role}`)}</option>)}
      </SelectField>
      <SelectField label={t("users.organization")} required error={fieldError(e.organizationId?.message)} {...register("organizationId")}>
        <option value="">{t("common.choose")}</option>
        {organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </SelectField>
      <TextField label={t("users.staffNumber")} hint={t("users.staffNumberHint")} error={fieldError(e.staffNumber?.message)} {...register("staffNumber")} />
      <TextField label={t("users.initialPassword")} type="password" required autoComplete="new-password" hint={t("account.passwordRule")} error={fieldError(e.password?.message)} {...register("password")} />
      <div className="md:col-span-2">
        <Button type="submit" disabled={formState.isSubmitting}>{t("users.create")}</Button>
      </div>
    </form>
  );
}
