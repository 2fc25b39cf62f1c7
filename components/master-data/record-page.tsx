import Link from "next/link";
import type { ComponentProps } from "react";
import { Card, PageHeader } from "@/components/ui/layout";
import type { Translate } from "@/lib/i18n/translator";
import { RecordForm } from "./record-form";

/** The create or edit page of one record: its title, a way back to the list, and the form (or "not found"). */
export function RecordPage({ t, title, subtitle, listHref, found, form }: {
  t: Translate;
  title: string;
  subtitle?: string;
  listHref: string;
  found: boolean;
  form: Omit<ComponentProps<typeof RecordForm>, "label" | "submitLabel">;
}) {
  return (
    <>
      <PageHeader title={title} description={subtitle} actions={<Link href={listHref} className="text-sm text-brand-700 hover:underline">{t("masterData.form.back")}</Link>} />
      <Card>{found ? <RecordForm {...form} label={title} submitLabel={t("masterData.form.save")} /> : <p>{t("errors.notFound")}</p>}</Card>
    </>
  );
}
