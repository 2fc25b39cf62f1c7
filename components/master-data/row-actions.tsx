import Link from "next/link";
import type { Translate } from "@/lib/i18n/translator";
import type { OperationName } from "@/lib/operations";
import { RowAction } from "./row-action";

/** The actions cell of a list row: edit, and deactivate/activate or delete. */
export function RowActions({ t, name, editHref, record, setActive, remove, bound = {} }: {
  t: Translate;
  name: string;
  editHref: string;
  record: { id: string; version: number; active?: boolean };
  setActive?: OperationName;
  remove?: OperationName;
  /** Sent with the record's id and version (a catalogue's name). */
  bound?: Record<string, string>;
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
          payload={{ ...bound, id: record.id, version: record.version, active: !active }}
          operation={setActive}
          danger={active}
        />
      ) : null}
      {remove ? (
        <RowAction text={t("masterData.list.delete")} label={t("masterData.list.deleteLabel", { name })} confirmText={t("masterData.list.deleteConfirm")} payload={{ ...bound, id: record.id, version: record.version }} operation={remove} danger />
      ) : null}
    </span>
  );
}
