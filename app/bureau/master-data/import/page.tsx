import { ImportPanel } from "@/components/master-data/import-panel";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/i18n/format";
import { getT } from "@/lib/i18n/server";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { IMPORT_KIND_OF, listImports } from "@/lib/server/master-data/import/imports";
import { SHEETS } from "@/lib/server/master-data/import/sheets";
import { IMPORT_KINDS, ZImportKind } from "@/lib/validation/master-data";
import { paramsOf } from "../page-context";

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("masterData.manage");
  const t = await getT();
  const kind = ZImportKind.catch("institutions").parse((await paramsOf(searchParams)).kind);
  const imports = await listImports(getDb(), actor);
  const kindLabel = Object.fromEntries(IMPORT_KINDS.map((k) => [IMPORT_KIND_OF[k], t(`masterData.import.kinds.${k}`)]));
  return (
    <>
      <PageHeader title={t("masterData.import.title")} description={t("masterData.import.description")} />
      <Card className="mb-6">
        <ImportPanel initialKind={kind} kinds={IMPORT_KINDS.map((k) => ({ value: k, label: t(`masterData.import.kinds.${k}`), sheet: SHEETS[k].sheetName }))} />
      </Card>
      <Card title={t("masterData.import.historyTitle")}>
        {imports.length === 0 ? (
          <EmptyState title={t("masterData.import.noHistory")} />
        ) : (
          <Table
            caption={t("masterData.import.historyTitle")}
            head={<tr><Th>{t("masterData.import.importedAt")}</Th><Th>{t("masterData.import.kindColumn")}</Th><Th>{t("masterData.import.fileName")}</Th><Th>{t("masterData.import.importedBy")}</Th><Th>{t("masterData.import.added")}</Th><Th>{t("masterData.import.updated")}</Th><Th>{t("masterData.import.unchanged")}</Th><Th>{t("masterData.import.sha256")}</Th></tr>}
          >
            {imports.map((i) => (
              <tr key={i.id}>
                <Td>{formatDateTime(i.importedAt, actor.locale)}</Td>
                <Td>{kindLabel[i.kind]}</Td>
                <Td>{i.file.fileName}</Td>
                <Td>{i.importedBy.displayName}</Td>
                <Td>{i.rowsAdded}</Td>
                <Td>{i.rowsUpdated}</Td>
                <Td>{i.rowsUnchanged}</Td>
                <Td className="font-mono text-xs">{i.file.sha256.slice(0, 16)}…</Td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
