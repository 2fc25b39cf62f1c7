import "server-only";
import { Readable } from "node:stream";
import { createCatalogueEntry, updateCatalogueEntry } from "@/lib/server/master-data/catalogue";
import { setActive } from "@/lib/server/master-data/common";
import { createExpert, updateExpert } from "@/lib/server/master-data/experts";
import { createFundUsage, deleteFundUsage, updateFundUsage } from "@/lib/server/master-data/fund-usage";
import { createInspection, deleteInspection, updateInspection } from "@/lib/server/master-data/inspection-history";
import { DomainError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translator";
import { exportList } from "@/lib/server/master-data/export";
import { commitImport, previewImport } from "@/lib/server/master-data/import/imports";
import { SHEETS, ZH } from "@/lib/server/master-data/import/sheets";
import { buildTemplate } from "@/lib/server/master-data/import/template";
import { createInstitution, updateInstitution } from "@/lib/server/master-data/institutions";
import { createRegion, updateRegion } from "@/lib/server/master-data/regions";
import type {
  TCatalogue,
  TCatalogueInput,
  TDeleteInput,
  TExportInput,
  TImportCommitInput,
  TImportPreviewInput,
  TImportTemplateInput,
  TExpertInput,
  TFundUsageInput,
  TInspectionInput,
  TInstitutionInput,
  TRegionInput,
  TSetActiveInput,
} from "@/lib/validation/master-data";
import type { HandlerContext } from "../boundary";

/** Problems listed in one answer; a file with more says how many were left out. */
const LISTED_PROBLEMS = 1000;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Values<T> = HandlerContext<{ values: T }>;
type Edit<T> = HandlerContext<{ id: string; version: number; values: T }>;

/** The master-data operations, each one service call. */
export const MASTER_DATA_IMPLEMENTATIONS = {
  "masterData.region.create": async ({ db, actor, input, context }: Values<TRegionInput>) => createRegion(db, actor, input.values, context),
  "masterData.region.update": async ({ db, actor, input, context }: Edit<TRegionInput>) => updateRegion(db, actor, input, context),
  "masterData.region.setActive": async ({ db, actor, input, context }: HandlerContext<TSetActiveInput>) => setActive(db, actor, "poolingRegion", input, context),
  "masterData.institution.create": async ({ db, actor, input, context }: Values<TInstitutionInput>) => createInstitution(db, actor, input.values, context),
  "masterData.institution.update": async ({ db, actor, input, context }: Edit<TInstitutionInput>) => updateInstitution(db, actor, input, context),
  "masterData.institution.setActive": async ({ db, actor, input, context }: HandlerContext<TSetActiveInput>) => setActive(db, actor, "institution", input, context),
  "masterData.fundUsage.create": async ({ db, actor, input, context }: Values<TFundUsageInput>) => createFundUsage(db, actor, input.values, context),
  "masterData.fundUsage.update": async ({ db, actor, input, context }: Edit<TFundUsageInput>) => updateFundUsage(db, actor, input, context),
  "masterData.fundUsage.delete": async ({ db, actor, input, context }: HandlerContext<TDeleteInput>) => deleteFundUsage(db, actor, input, context),
  "masterData.inspection.create": async ({ db, actor, input, context }: Values<TInspectionInput>) => createInspection(db, actor, input.values, context),
  "masterData.inspection.update": async ({ db, actor, input, context }: Edit<TInspectionInput>) => updateInspection(db, actor, input, context),
  "masterData.inspection.delete": async ({ db, actor, input, context }: HandlerContext<TDeleteInput>) => deleteInspection(db, actor, input, context),
  "masterData.expert.create": async ({ db, actor, input, context }: Values<TExpertInput>) => createExpert(db, actor, input.values, context),
  "masterData.expert.update": async ({ db, actor, input, context }: Edit<TExpertInput>) => updateExpert(db, actor, input, context),
  "masterData.expert.setActive": async ({ db, actor, input, context }: HandlerContext<TSetActiveInput>) => setActive(db, actor, "expert", input, context),
  "masterData.catalogue.create": async ({ db, actor, input, context }: HandlerContext<{ catalogue: TCatalogue; values: TCatalogueInput }>) => createCatalogueEntry(db, actor, input.catalogue, input.values, context),
  "masterData.catalogue.update": async ({ db, actor, input, context }: HandlerContext<{ catalogue: TCatalogue; id: string; version: number; values: TCatalogueInput }>) => updateCatalogueEntry(db, actor, input.catalogue, input, context),
  "masterData.catalogue.setActive": async ({ db, actor, input, context }: HandlerContext<TSetActiveInput & { catalogue: TCatalogue }>) =>
    setActive(db, actor, input.catalogue === "violation-types" ? "violationType" : "keyArea", input, context),
  // Imports: the file arrives through the boundary's upload (multipart, the import spec of lib/operations/uploads.ts).
  "masterData.import.preview": async ({ db, actor, input, upload }: HandlerContext<TImportPreviewInput>) => {
    if (!upload) throw new DomainError("VALIDATION", { file: "masterData.import.chooseFile" });
    const preview = await previewImport(db, actor, input.kind, upload);
    const t = translator(actor.locale);
    return {
      ...preview,
      problems: preview.problems.slice(0, LISTED_PROBLEMS).map((p) => ({ row: p.row, column: p.column, message: t(p.key, p.values) })),
      unlisted: Math.max(0, preview.problems.length - LISTED_PROBLEMS),
    };
  },
  "masterData.import.commit": async ({ db, actor, input, upload, context, now }: HandlerContext<TImportCommitInput>) => {
    if (!upload) throw new DomainError("VALIDATION", { file: "masterData.import.chooseFile" });
    return commitImport(db, actor, input.kind, upload, { expectedSha256: input.sha256, context, now });
  },
  // Files: answered as downloads (lib/server/operations/http.ts).
  "masterData.importTemplate": async ({ db, actor, input }: HandlerContext<TImportTemplateInput>) => ({
    kind: "file" as const,
    body: new Uint8Array(await buildTemplate(db, actor, input.kind)),
    fileName: `${SHEETS[input.kind].sheetName}-${ZH("masterData.template.fileSuffix")}.xlsx`,
    mediaType: XLSX,
  }),
  "masterData.export": async ({ db, actor, input, context }: HandlerContext<TExportInput>) => {
    const { list, ...params } = input;
    const { stream, fileName } = await exportList(db, actor, list, params as Record<string, string | undefined>, context);
    return { kind: "file" as const, body: Readable.toWeb(stream) as ReadableStream<Uint8Array>, fileName, mediaType: XLSX };
  },
};
