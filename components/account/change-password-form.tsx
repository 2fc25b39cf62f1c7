"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { performOperation } from "@/app/_actions/operations";
import { ZChangePasswordInput, type TChangePasswordInput } from "@/lib/validation/auth";

export function ChangePasswordForm() {
  const t = useTranslations();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<TChangePasswordInput>({
    resolver: zodResolver(ZChangePasswordInput),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await performOperation("account.changePassword", values);
    if (result.ok) {
      // Every session ends with the old password, this one too: sign in again with the new one.
      await signOut({ callbackUrl: "/login?passwordChanged=1" });
      return;
    }
    setFailure(result.message);
    for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as keyof TChangePasswordInput, { message });
  });
  const err = (m?: string) => (m ? (m.startsWith("validation.") || m.startsWith("errors.") ? t(m) : m) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-md flex-col gap-4" aria-label={t("account.changePassword")}>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <TextField label={t("account.currentPassword")} type="password" autoComplete="current-password" required error={err(formState.errors.currentPassword?.message)} {...register("currentPassword")} />
      <TextField label={t("account.newPassword")} type="password" autoComplete="new-password" required hint={t("account.passwordRule")} error={err(formState.errors.newPassword?.message)} {...register("newPassword")} />
      <TextField label={t("account.confirmPassword")} type="password" autoComplete="new-password" required error={err(formState.errors.confirmPassword?.message)} {...register("confirmPassword")} />
      <Button type="submit" disabled={formState.isSubmitting}>{t("account.changePassword")}</Button>
    </form>
  );
}
