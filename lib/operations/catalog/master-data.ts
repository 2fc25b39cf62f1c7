/**
 * The master data the draw reads (issue 5): regions, institutions, fund usage, inspection history, experts and
 * the two catalogues. Every record is created with its `values`, edited with its id, the version the clerk saw
 * and its `values`, and deactivated (or, for yearly figures, deleted) with its id and version.
 */
import type { z } from "zod";
import {
  withValues,
  withVersion,
  ZCreateCatalogueEntryInput,
  ZDeleteInput,
  ZExportInput,
  ZImportCommitInput,
  ZImportPreviewInput,
  ZImportTemplateInput,
  ZExpertInput,
  ZFundUsageInput,
  ZInspectionInput,
  ZInstitutionInput,
  ZRegionInput,
  ZSetActiveInput,
  ZSetCatalogueEntryActiveInput,
  ZUpdateCatalogueEntryInput,
} from "@/lib/validation/master-data";
import { defineOperation } from "../types";

const TAG = "Master data";
const BASE = "/master-data";

function create<const K extends string, S extends z.ZodType>(kind: K, path: string, labelKey: string, what: string, values: S) {
  return defineOperation({
    name: `masterData.${kind}.create`,
    labelKey,
    summary: `Create ${what}.`,
    tag: TAG,
    input: withValues(values),
    permission: "masterData.manage",
    audit: `masterData.${kind}.create`,
    http: { method: "POST", path: `${BASE}/${path}` },
  });
}

function update<const K extends string, S extends z.ZodType>(kind: K, path: string, labelKey: string, what: string, values: S) {
  return defineOperation({
    name: `masterData.${kind}.update`,
    labelKey,
    summary: `Edit ${what}, at the version the caller saw.`,
    tag: TAG,
    input: withVersion(values),
    permission: "masterData.manage",
    audit: `masterData.${kind}.update`,
    http: { method: "PUT", path: `${BASE}/${path}/{id}` },
  });
}

function setActive<const K extends string>(kind: K, path: string, what: string) {
  return defineOperation({
    name: `masterData.${kind}.setActive`,
    labelKey: "masterData.list.deactivate",
    summary: `Deactivate or reactivate ${what}: the draw leaves an inactive one out.`,
    tag: TAG,
    input: ZSetActiveInput,
    permission: "masterData.manage",
    audit: `masterData.${kind}.setActive`,
    http: { method: "POST", path: `${BASE}/${path}/{id}/active` },
  });
}

function remove<const K extends string>(kind: K, path: string, what: string) {
  return defineOperation({
    name: `masterData.${kind}.delete`,
    labelKey: "masterData.list.delete",
    summary: `Delete ${what}.`,
    tag: TAG,
    input: ZDeleteInput,
    permission: "masterData.manage",
    audit: `masterData.${kind}.delete`,
    http: { method: "DELETE", path: `${BASE}/${path}/{id}` },
  });
}

export const MASTER_DATA_OPERATIONS = {
  createRegion: create("region", "regions", "masterData.regions.create", "a pooling region", ZRegionInput),
  updateRegion: update("region", "regions", "masterData.regions.edit", "a pooling region", ZRegionInput),
  setRegionActive: setActive("region", "regions", "a pooling region"),
  createInstitution: create("institution", "institutions", "masterData.institutions.create", "an institution (hospital, pharmacy or agency)", ZInstitutionInput),
  updateInstitution: update("institution", "institutions", "masterData.institutions.edit", "an institution", ZInstitutionInput),
  setInstitutionActive: setActive("institution", "institutions", "an institution"),
  createFundUsage: create("fundUsage", "fund-usage", "masterData.fundUsage.create", "an institution's fund usage of a year", ZFundUsageInput),
  updateFundUsage: update("fundUsage", "fund-usage", "masterData.fundUsage.edit", "a year's fund usage", ZFundUsageInput),
  deleteFundUsage: remove("fundUsage", "fund-usage", "a year's fund usage"),
  createInspection: create("inspection", "inspection-history", "masterData.inspections.create", "an inspection already held (the draw's exclusion window)", ZInspectionInput),
  updateInspection: update("inspection", "inspection-history", "masterData.inspections.edit", "an inspection already held", ZInspectionInput),
  deleteInspection: remove("inspection", "inspection-history", "an inspection already held"),
  createExpert: create("expert", "experts", "masterData.experts.create", "an expert or third-party member of the draw's pools", ZExpertInput),
  updateExpert: update("expert", "experts", "masterData.experts.edit", "an expert", ZExpertInput),
  setExpertActive: setActive("expert", "experts", "an expert"),
  createCatalogueEntry: defineOperation({
    name: "masterData.catalogue.create",
    labelKey: "masterData.catalogue.create",
    summary: "Create an entry of a catalogue (violation types or key areas).",
    tag: TAG,
    input: ZCreateCatalogueEntryInput,
    permission: "masterData.manage",
    audit: "masterData.catalogue.create",
    http: { method: "POST", path: `${BASE}/catalogues/{catalogue}` },
  }),
  updateCatalogueEntry: defineOperation({
    name: "masterData.catalogue.update",
    labelKey: "masterData.catalogue.edit",
    summary: "Edit an entry of a catalogue, at the version the caller saw.",
    tag: TAG,
    input: ZUpdateCatalogueEntryInput,
    permission: "masterData.manage",
    audit: "masterData.catalogue.update",
    http: { method: "PUT", path: `${BASE}/catalogues/{catalogue}/{id}` },
  }),
  setCatalogueEntryActive: defineOperation({
    name: "masterData.catalogue.setActive",
    labelKey: "masterData.list.deactivate",
    summary: "Deactivate or reactivate an entry of a catalogue.",
    tag: TAG,
    input: ZSetCatalogueEntryActiveInput,
    permission: "masterData.manage",
    audit: "masterData.catalogue.setActive",
    http: { method: "POST", path: `${BASE}/catalogues/{catalogue}/{id}/active` },
  }),
  previewImport: defineOperation({
    name: "masterData.import.preview",
    labelKey: "masterData.import.check",
    summary: "Check an import file (.xlsx or CSV) row by row against the forms' rules and the database; nothing is written. Each problem names its row and column.",
    tag: TAG,
    input: ZImportPreviewInput,
    permission: "masterData.manage",
    audit: "masterData.import.preview",
    http: { method: "POST", path: `${BASE}/imports/{kind}/preview` },
    upload: { required: true, kind: "import", labelKey: "masterData.import.file" },
  }),
  commitImport: defineOperation({
    name: "masterData.import.commit",
    labelKey: "masterData.import.commit",
    summary: "Import a clean file in one transaction (set-based upserts, the stored file, an import record); a file with problems or changed since its check is refused.",
    tag: TAG,
    input: ZImportCommitInput,
    permission: "masterData.manage",
    audit: "masterData.import",
    http: { method: "POST", path: `${BASE}/imports/{kind}` },
    upload: { required: true, kind: "import", labelKey: "masterData.import.file" },
  }),
  importTemplate: defineOperation({
    name: "masterData.importTemplate",
    labelKey: "masterData.import.template",
    summary: "The .xlsx template of an import kind: its columns, the choices of each, and the rules.",
    tag: TAG,
    input: ZImportTemplateInput,
    permission: "masterData.read",
    audit: "masterData.template",
    http: { method: "GET", path: `${BASE}/templates/{kind}` },
    download: true,
  }),
  export: defineOperation({
    name: "masterData.export",
    labelKey: "masterData.list.export",
    summary: "A list as filtered (the same search parameters as its page), as .xlsx, streamed; the export is audited.",
    tag: TAG,
    input: ZExportInput,
    permission: "masterData.read",
    audit: "masterData.export",
    http: { method: "GET", path: `${BASE}/exports/{list}` },
    download: true,
  }),
} as const;
