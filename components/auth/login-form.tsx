"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useFormatter, useTranslations } from "use-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { safeCallbackPath } from "@/lib/security/callback-url";
import { ZLoginInput, type TLoginInput } from "@/lib/validation/auth";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<TLoginInput>({ resolver: zodResolver(ZLoginInput), defaultValues: { username: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      // The page already cleaned it; cleaning again here keeps the form safe wherever it is used.
      router.replace(safeCallbackPath(callbackUrl, "/portal"));
      router.refresh();
      return;
    }
    const [code, until] = (result?.error ?? "").split(/:(.+)/);
    // The same two answers for every username, existing or not (issue 12, item 18).
    if (code === "THROTTLED" && until) {
      setFailure(t("auth.throttled", { time: format.dateTime(new Date(until), { hour: "2-digit", minute: "2-digit", hour12: false }) }));
    } else if (code === "INVALID" || code === "VALIDATION" || code === "CredentialsSignin") {
      setFailure(t("auth.invalid"));
    } else {
      setFailure(t("errors.internal"));
    }
  });

  const fieldError = (message?: string) => (message ? t(message) : undefined);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t("auth.loginTitle")}>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <TextField label={t("auth.username")} autoComplete="username" required error={fieldError(formState.errors.username?.message)} {...register("username")} />
      <TextField label={t("auth.password")} type="password" autoComplete="current-password" required error={fieldError(formState.errors.password?.message)} {...register("password")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t("auth.signingIn") : t("auth.login")}
      </Button>
    </form>
  );
}
