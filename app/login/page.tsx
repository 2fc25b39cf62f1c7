import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { AppHeader } from "@/components/layout/app-header";
import { Card, Notice } from "@/components/ui/layout";
import { getT } from "@/lib/i18n/server";
import { safeCallbackPath } from "@/lib/security/callback-url";
import { getActor } from "@/lib/server/auth/session";

export async function generateMetadata() {
  const t = await getT();
  return { title: t("auth.loginTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null, "/portal");
  if (await getActor()) redirect(callbackUrl);
  const t = await getT();
  return (
    <>
      <AppHeader appName={t("app.name")} nav={[]} navLabel={t("nav.label")} />
      <main className="mx-auto flex max-w-md flex-col gap-4 px-6 py-16">
        <Card title={t("auth.loginTitle")}>
          <p className="mb-4 text-sm text-slate-600">{t("auth.loginHint")}</p>
          {params.passwordChanged ? (
            <div className="mb-4">
              <Notice tone="success">{t("account.passwordChangedSignIn")}</Notice>
            </div>
          ) : null}
          <LoginForm callbackUrl={callbackUrl} />
        </Card>
      </main>
    </>
  );
}
