import Link from "next/link";
import { OperationForm } from "@/components/operations/operation-form";
import { Card, Notice, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { isDocumentKind } from "@/lib/documents/kinds";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { listDocumentTemplates } from "@/lib/server/documents/templates";

const day = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

/** The bureau's own .docx templates, one kind at a time (issue 15 §6): upload, the placeholders, the history, restore. */
export default async function DocumentTemplatesPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const actor = await requirePageActor("documentTemplate.manage");
  const t = await getT();
  const { kinds } = await listDocumentTemplates(getDb(), actor);
  const asked = (await searchParams).kind;
  const selected = kinds.find((k) => k.kind === (isDocumentKind(asked) ? asked : kinds[0]!.kind))!;
  const title = t(`documents.kind.${selected.kind}`);
  return (
    <>
      <PageHeader title={t("documents.templates.title")} description={t("documents.templates.intro")} />
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <nav aria-label={t("documents.templates.kind")}>
          <ul className="flex flex-col gap-1 text-sm">
            {kinds.map((k) => (
              <li key={k.kind}>
                <Link
                  href={`/bureau/document-templates?kind=${k.kind}`}
                  aria-current={k.kind === selected.kind ? "page" : undefined}
                  className={`flex items-center justify-between rounded px-3 py-2 ${k.kind === selected.kind ? "bg-brand-50 font-medium text-brand-900" : "text-slate-700 hover:bg-slate-50"}`}
                >
                  <span>{t(`documents.kind.${k.kind}`)}</span>
                  <span className="text-xs text-slate-500">{k.builtIn ? t("documents.templates.builtInShort") : t("documents.templates.versionRow", { version: k.current!.version })}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-col gap-6">
          <Card title={`${title} · ${t("documents.templates.current")}`}>
            <p className="mb-4 text-sm text-slate-800" data-testid="current-template">
              {selected.builtIn || !selected.current
                ? t("documents.templates.builtIn")
                : t("documents.templates.uploaded", { version: selected.current.version, fileName: selected.current.fileName ?? "", uploadedBy: selected.current.createdBy, uploadedAt: day(selected.current.createdAt) })}
            </p>
            <OperationForm key={`upload-${selected.kind}`} name="documentTemplate.upload" bound={{ kind: selected.kind }} submitLabel={t("documents.templates.uploadFor", { title })} />
            {!selected.builtIn ? (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <OperationForm key={`restore-${selected.kind}`} name="documentTemplate.restoreDefault" bound={{ kind: selected.kind }} />
              </div>
            ) : null}
          </Card>
          <Card title={t("documents.templates.placeholders")}>
            <Table caption={`${title} · ${t("documents.templates.placeholders")}`} head={<><Th>{t("documents.templates.placeholderName")}</Th><Th>{t("documents.templates.placeholderMeaning")}</Th></>}>
              {selected.placeholders.map((p) => (
                <tr key={p.name}>
                  <Td className="font-mono">{`{${p.name}}`}</Td>
                  <Td>
                    {p.description}
                    {p.fields ? (
                      <span className="block text-xs text-slate-600">
                        {t("documents.templates.listHint", { open: `{#${p.name}}`, close: `{/${p.name}}` })}{" "}
                        {p.fields.map((f) => `{${f.name}} ${f.description}`).join("；")}
                      </span>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </Table>
          </Card>
          {selected.versions.length > 0 ? (
            <Card title={t("documents.templates.versions")}>
              <ul className="flex flex-col gap-1 text-sm text-slate-700" aria-label={t("documents.templates.versions")}>
                {selected.versions.map((v) => (
                  <li key={v.id}>
                    {t("documents.templates.versionRow", { version: v.version })}：{v.builtIn ? t("documents.templates.restoredRow") : v.fileName} · {v.createdBy} · {day(v.createdAt)}
                  </li>
                ))}
              </ul>
            </Card>
          ) : (
            <Notice>{t("documents.templates.builtIn")}</Notice>
          )}
        </div>
      </div>
    </>
  );
}
