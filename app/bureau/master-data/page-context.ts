import "server-only";
import type { z } from "zod";
import { getT } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translator";
import type { OperationName } from "@/lib/operations";
import { requirePageActor } from "@/lib/server/auth/page-guards";
import { getDb } from "@/lib/server/db/client";
import { can } from "@/lib/server/policy/policy";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Search parameters as a plain object, the first value of each. */
export async function paramsOf(searchParams: SearchParams): Promise<Record<string, string | undefined>> {
  const raw = await searchParams;
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

/** What every list page starts with: the reader (checked), the translator, the parsed URL query, and whether they may edit. */
export async function listContext<S extends z.ZodType>(schema: S, searchParams: SearchParams, defaults: Record<string, string> = {}) {
  const actor = await requirePageActor("masterData.read");
  const query: z.output<S> = schema.parse({ ...defaults, ...(await paramsOf(searchParams)) });
  return { actor, t: await getT(), db: getDb(), query, manage: can(actor, "masterData.manage") };
}

/** What every create/edit page starts with; `id` "new" is the create form. */
export async function recordContext(params: Promise<{ id: string }>) {
  const actor = await requirePageActor("masterData.manage");
  const { id } = await params;
  return { actor, t: await getT(), db: getDb(), id, creating: id === "new" };
}

/**
 * The part of a record form that depends only on creating or editing: the operation, and what the form sends
 * besides the values (the record's id and the version shown, and for a catalogue which one).
 */
export function formBasics<R extends { id: string; version: number }>(t: Translate, row: R | null, list: string, create: OperationName, update: OperationName, extra: Record<string, string> = {}) {
  return {
    operation: row ? update : create,
    bound: row ? { ...extra, id: row.id, version: row.version } : extra,
    successText: row ? t("masterData.form.saved") : t("masterData.form.created"),
    afterCreateHref: row ? undefined : list,
  };
}
