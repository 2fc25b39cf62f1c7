import Link from "next/link";
import type { Translate } from "@/lib/i18n/translator";
import type { ActionResult } from "@/lib/server/action-result";
import { RowAction } from "./row-action";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/** The actions cell of a list row: edit, and deactivate/activate or delete. */
export function RowActions({ t, name, editHref, record, setActive, remove }: {
  t: Translate;
  name: string;
  editHref: string;
  record: { id: string; version: number; active?: boolean };
  setActive?: Action;
  remove?: Action;
}) {
  const active = record.active ?? true;
  return (
    <span className="flex items-center gap-2">
      <Link href={editHref} aria-label={t("masterData.list.editLabel", { name })} className="text-xs text-brand-700 hover:underline">{t("masterData.list.edit")}</Link>
      {setActive ? (
        <RowAction
          text={active ? t("masterData.list.deactivate") : t("masterData.list.activate")}
          label={t(active ? "masterData.list.deactivateLabel" : "masterData.list.activateLabel", { name })}
          confirmText={active ? t("masterData.list.deactivateConfirm", { name }) : undefined}
          payload={{ id: record.id, version: record.version, active: !active }}
          action={setActive}
          danger={active}
        />
      ) : null}
      {remove ? (
        <RowAction text={t("masterData.list.delete")} label={t("masterData.list.deleteLabel", { name })} confirmText={t("masterData.list.deleteConfirm")} payload={{ id: record.id, version: record.version }} action={remove} danger />
      ) : null}
    </span>
  );
}
