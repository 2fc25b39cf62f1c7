"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction, type ActionContext, type ActionResult } from "@/lib/server/action";
import { CATALOGUES, createCatalogueEntry, updateCatalogueEntry } from "@/lib/server/master-data/catalogue";
import { setActive } from "@/lib/server/master-data/common";
import { createExpert, updateExpert } from "@/lib/server/master-data/experts";
import { createFundUsage, deleteFundUsage, updateFundUsage } from "@/lib/server/master-data/fund-usage";
import { createInspection, deleteInspection, updateInspection } from "@/lib/server/master-data/inspection-history";
import { createInstitution, updateInstitution } from "@/lib/server/master-data/institutions";
import { createRegion, updateRegion } from "@/lib/server/master-data/regions";
import { withVersion, ZCatalogueInput, ZDeleteInput, ZExpertInput, ZFundUsageInput, ZInspectionInput, ZInstitutionInput, ZRegionInput, ZSetActiveInput } from "@/lib/validation/master-data";

async function act<S extends z.ZodType, T>(name: string, schema: S, raw: unknown, body: (ctx: ActionContext<z.output<S>>) => Promise<T>): Promise<ActionResult<T>> {
  const result = await runAction(name, schema, raw, body);
  if (result.ok) revalidatePath("/bureau/master-data", "layout");
  return result;
}

const edit = <S extends z.ZodType>(schema: S) => withVersion(schema);
const ZCatalogue = z.enum(CATALOGUES);

export async function createInstitutionAction(raw: unknown) {
  return act("masterData.institution.create", ZInstitutionInput, raw, ({ db, actor, input, context }) => createInstitution(db, actor, input, context));
}
export async function updateInstitutionAction(id: string, version: number, raw: unknown) {
  return act("masterData.institution.update", edit(ZInstitutionInput), { id, version, values: raw }, ({ db, actor, input, context }) => updateInstitution(db, actor, input, context));
}
export async function setInstitutionActiveAction(raw: unknown) {
  return act("masterData.institution.setActive", ZSetActiveInput, raw, ({ db, actor, input, context }) => setActive(db, actor, "institution", input, context));
}

export async function createFundUsageAction(raw: unknown) {
  return act("masterData.fundUsage.create", ZFundUsageInput, raw, ({ db, actor, input, context }) => createFundUsage(db, actor, input, context));
}
export async function updateFundUsageAction(id: string, version: number, raw: unknown) {
  return act("masterData.fundUsage.update", edit(ZFundUsageInput), { id, version, values: raw }, ({ db, actor, input, context }) => updateFundUsage(db, actor, input, context));
}
export async function deleteFundUsageAction(raw: unknown) {
  return act("masterData.fundUsage.delete", ZDeleteInput, raw, ({ db, actor, input, context }) => deleteFundUsage(db, actor, input, context));
}

export async function createInspectionAction(raw: unknown) {
  return act("masterData.inspection.create", ZInspectionInput, raw, ({ db, actor, input, context }) => createInspection(db, actor, input, context));
}
export async function updateInspectionAction(id: string, version: number, raw: unknown) {
  return act("masterData.inspection.update", edit(ZInspectionInput), { id, version, values: raw }, ({ db, actor, input, context }) => updateInspection(db, actor, input, context));
}
export async function deleteInspectionAction(raw: unknown) {
  return act("masterData.inspection.delete", ZDeleteInput, raw, ({ db, actor, input, context }) => deleteInspection(db, actor, input, context));
}

export async function createExpertAction(raw: unknown) {
  return act("masterData.expert.create", ZExpertInput, raw, ({ db, actor, input, context }) => createExpert(db, actor, input, context));
}
export async function updateExpertAction(id: string, version: number, raw: unknown) {
  return act("masterData.expert.update", edit(ZExpertInput), { id, version, values: raw }, ({ db, actor, input, context }) => updateExpert(db, actor, input, context));
}
export async function setExpertActiveAction(raw: unknown) {
  return act("masterData.expert.setActive", ZSetActiveInput, raw, ({ db, actor, input, context }) => setActive(db, actor, "expert", input, context));
}

export async function createCatalogueEntryAction(catalogue: string, raw: unknown) {
  return act("masterData.catalogue.create", z.object({ catalogue: ZCatalogue, values: ZCatalogueInput }), { catalogue, values: raw }, ({ db, actor, input, context }) => createCatalogueEntry(db, actor, input.catalogue, input.values, context));
}
export async function updateCatalogueEntryAction(catalogue: string, id: string, version: number, raw: unknown) {
  return act("masterData.catalogue.update", z.object({ catalogue: ZCatalogue, edit: edit(ZCatalogueInput) }), { catalogue, edit: { id, version, values: raw } }, ({ db, actor, input, context }) =>
    updateCatalogueEntry(db, actor, input.catalogue, input.edit, context),
  );
}
export async function setCatalogueEntryActiveAction(catalogue: string, raw: unknown) {
  return act("masterData.catalogue.setActive", z.object({ catalogue: ZCatalogue, change: ZSetActiveInput }), { catalogue, change: raw }, ({ db, actor, input, context }) =>
    setActive(db, actor, input.catalogue === "violation-types" ? "violationType" : "keyArea", input.change, context),
  );
}

export async function createRegionAction(raw: unknown) {
  return act("masterData.region.create", ZRegionInput, raw, ({ db, actor, input, context }) => createRegion(db, actor, input, context));
}
export async function updateRegionAction(id: string, version: number, raw: unknown) {
  return act("masterData.region.update", edit(ZRegionInput), { id, version, values: raw }, ({ db, actor, input, context }) => updateRegion(db, actor, input, context));
}
export async function setRegionActiveAction(raw: unknown) {
  return act("masterData.region.setActive", ZSetActiveInput, raw, ({ db, actor, input, context }) => setActive(db, actor, "poolingRegion", input, context));
}
