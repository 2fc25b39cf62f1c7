import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/server/db/client";
import type { TExpertRow, TFundUsageInput, TImportKind, TInspectionInput, TInstitutionRow } from "@/lib/validation/master-data";
import type { Column } from "../bulk";
import { institutionData } from "../institutions";
import type { ImportProblem, ParsedRow } from "./analyze";

/** What committing a checked file writes: rows to insert, rows to update (by id), and how many stay as they are. */
export interface WritePlan {
  table: "Institution" | "FundUsage" | "InspectionHistory" | "Expert";
  columns: Column[];
  inserts: Record<string, unknown>[];
  updates: (Record<string, unknown> & { id: string })[];
  unchanged: number;
}

type Header = (key: string) => string;
const CHUNK = 5000;

async function inChunks<T, R>(values: T[], read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await read(values.slice(i, i + CHUNK))));
  return out;
}

/** Splits records into inserts, updates and unchanged by comparing the written columns with what exists. */
function diff(columns: Column[], records: Record<string, unknown>[], existing: Map<string, Record<string, unknown>>, keyOf: (r: Record<string, unknown>) => string): Omit<WritePlan, "table" | "columns"> {
  const plan: Omit<WritePlan, "table" | "columns"> = { inserts: [], updates: [], unchanged: 0 };
  for (const record of records) {
    const before = existing.get(keyOf(record));
    if (!before) plan.inserts.push({ id: randomUUID(), ...record });
    else if (columns.every((c) => c.name === "id" || String(before[c.name] ?? "") === String(record[c.name] ?? ""))) plan.unchanged += 1;
    else plan.updates.push({ ...record, id: before.id as string });
  }
  return plan;
}

async function regionResolver(db: PrismaClient) {
  const regions = await db.poolingRegion.findMany({ where: { active: true }, select: { id: true, code: true, name: true } });
  const byText = new Map<string, string>();
  for (const r of regions) byText.set(r.code, r.id).set(r.name, r.id);
  return { resolve: (text: string) => byText.get(text.replace(/\s/g, "")), names: regions.map((r) => r.name).join("、") };
}

async function institutionIds(db: PrismaClient, codes: string[]): Promise<Map<string, string>> {
  const rows = await inChunks([...new Set(codes)], (chunk) => db.institution.findMany({ where: { nationalCode: { in: chunk } }, select: { id: true, nationalCode: true } }));
  return new Map(rows.map((r) => [r.nationalCode, r.id]));
}

const INSTITUTION_COLUMNS: Column[] = [
  { name: "id", type: "uuid" },
  { name: "kind", type: "InstitutionKind" },
  { name: "hospitalTier", type: "HospitalTier" },
  { name: "nationalCode", type: "text" },
  { name: "unifiedSocialCreditCode", type: "text" },
  { name: "name", type: "text" },
  { name: "address", type: "text" },
  { name: "poolingRegionId", type: "uuid" },
  { name: "active", type: "bool" },
];

async function planInstitutions(db: PrismaClient, rows: ParsedRow[], problems: ImportProblem[], header: Header): Promise<WritePlan> {
  const regions = await regionResolver(db);
  const records: Record<string, unknown>[] = [];
  for (const { row, data } of rows) {
    const input = data as TInstitutionRow;
    const regionId = regions.resolve(input.region);
    if (!regionId) {
      problems.push({ row, column: header("region"), key: "masterData.import.errors.regionUnknown", values: { value: input.region, choices: regions.names } });
      continue;
    }
    records.push({ ...institutionData(input, regionId), active: input.active });
  }
  const existing = await inChunks(records.map((r) => r.nationalCode as string), (chunk) =>
    db.institution.findMany({ where: { nationalCode: { in: chunk } }, select: { id: true, kind: true, hospitalTier: true, nationalCode: true, unifiedSocialCreditCode: true, name: true, address: true, poolingRegionId: true, active: true } }),
  );
  const byCode = new Map(existing.map((e) => [e.nationalCode, e as Record<string, unknown>]));
  return { table: "Institution", columns: INSTITUTION_COLUMNS, ...diff(INSTITUTION_COLUMNS, records, byCode, (r) => r.nationalCode as string) };
}

/** Rows that name an institution by its national code: the code must be in the list already. */
async function withInstitutions<T extends { institutionCode: string }>(db: PrismaClient, rows: ParsedRow[], problems: ImportProblem[], header: Header) {
  const ids = await institutionIds(db, rows.map((r) => (r.data as T).institutionCode));
  const out: { row: number; input: T; institutionId: string }[] = [];
  for (const { row, data } of rows) {
    const input = data as T;
    const institutionId = ids.get(input.institutionCode);
    if (!institutionId) problems.push({ row, column: header("institutionCode"), key: "masterData.import.errors.institutionUnknown", values: { value: input.institutionCode } });
    else out.push({ row, input, institutionId });
  }
  return out;
}

const FUND_COLUMNS: Column[] = [
  { name: "id", type: "uuid" },
  { name: "institutionId", type: "uuid" },
  { name: "year", type: "int" },
  { name: "amount", type: "numeric" },
];

async function planFundUsage(db: PrismaClient, rows: ParsedRow[], problems: ImportProblem[], header: Header): Promise<WritePlan> {
  const resolved = await withInstitutions<TFundUsageInput>(db, rows, problems, header);
  const records = resolved.map(({ input, institutionId }) => ({ institutionId, year: input.year, amount: input.amount }));
  const existing = await inChunks([...new Set(records.map((r) => r.institutionId))], (chunk) => db.fundUsage.findMany({ where: { institutionId: { in: chunk } }, select: { id: true, institutionId: true, year: true, amount: true } }));
  const byKey = new Map(existing.map((e) => [`${e.institutionId}|${e.year}`, { ...e, amount: e.amount.toFixed(2) } as Record<string, unknown>]));
  return { table: "FundUsage", columns: FUND_COLUMNS, ...diff(FUND_COLUMNS, records, byKey, (r) => `${String(r.institutionId)}|${String(r.year)}`) };
}

const INSPECTION_COLUMNS: Column[] = [
  { name: "id", type: "uuid" },
  { name: "institutionId", type: "uuid" },
  { name: "level", type: "InspectionLevel" },
  { name: "year", type: "int" },
  { name: "note", type: "text" },
];

async function planInspections(db: PrismaClient, rows: ParsedRow[], problems: ImportProblem[], header: Header): Promise<WritePlan> {
  const resolved = await withInstitutions<TInspectionInput>(db, rows, problems, header);
  const records = resolved.map(({ input, institutionId }) => ({ institutionId, level: input.level, year: input.year, note: input.note ?? null }));
  const existing = await inChunks([...new Set(records.map((r) => r.institutionId))], (chunk) => db.inspectionHistory.findMany({ where: { institutionId: { in: chunk } }, select: { id: true, institutionId: true, level: true, year: true, note: true } }));
  const keyOf = (r: Record<string, unknown>) => `${String(r.institutionId)}|${String(r.level)}|${String(r.year)}`;
  return { table: "InspectionHistory", columns: INSPECTION_COLUMNS, ...diff(INSPECTION_COLUMNS, records, new Map(existing.map((e) => [keyOf(e), e])), keyOf) };
}

const EXPERT_COLUMNS: Column[] = [
  { name: "id", type: "uuid" },
  { name: "staffNumber", type: "text" },
  { name: "name", type: "text" },
  { name: "pool", type: "ExpertPool" },
  { name: "specialty", type: "text" },
  { name: "employerInstitutionId", type: "uuid" },
  { name: "employerName", type: "text" },
  { name: "homeRegionId", type: "uuid" },
  { name: "lastServedYear", type: "int" },
  { name: "active", type: "bool" },
];

async function planExperts(db: PrismaClient, rows: ParsedRow[], problems: ImportProblem[], header: Header): Promise<WritePlan> {
  const regions = await regionResolver(db);
  const employers = await institutionIds(db, rows.map((r) => (r.data as TExpertRow).employerCode).filter((c): c is string => Boolean(c)));
  const records: Record<string, unknown>[] = [];
  for (const { row, data } of rows) {
    const input = data as TExpertRow;
    const employerId = input.employerCode ? employers.get(input.employerCode) : null;
    const homeRegionId = input.homeRegion ? regions.resolve(input.homeRegion) : null;
    if (employerId === undefined) problems.push({ row, column: header("employerCode"), key: "masterData.import.errors.institutionUnknown", values: { value: input.employerCode! } });
    if (homeRegionId === undefined) problems.push({ row, column: header("homeRegion"), key: "masterData.import.errors.regionUnknown", values: { value: input.homeRegion!, choices: regions.names } });
    if (employerId === undefined || homeRegionId === undefined) continue;
    records.push({
      staffNumber: input.staffNumber,
      name: input.name,
      pool: input.pool,
      specialty: input.specialty ?? null,
      employerInstitutionId: employerId,
      employerName: input.employerName ?? null,
      homeRegionId,
      lastServedYear: input.lastServedYear ?? null,
      active: input.active,
    });
  }
  const existing = await inChunks(records.map((r) => r.staffNumber as string), (chunk) =>
    db.expert.findMany({ where: { staffNumber: { in: chunk } }, select: { id: true, staffNumber: true, name: true, pool: true, specialty: true, employerInstitutionId: true, employerName: true, homeRegionId: true, lastServedYear: true, active: true } }),
  );
  return { table: "Expert", columns: EXPERT_COLUMNS, ...diff(EXPERT_COLUMNS, records, new Map(existing.map((e) => [e.staffNumber, e as Record<string, unknown>])), (r) => r.staffNumber as string) };
}

export function planWrites(db: PrismaClient, kind: TImportKind, rows: ParsedRow[], problems: ImportProblem[], header: Header): Promise<WritePlan> {
  switch (kind) {
    case "institutions":
      return planInstitutions(db, rows, problems, header);
    case "fund-usage":
      return planFundUsage(db, rows, problems, header);
    case "inspection-history":
      return planInspections(db, rows, problems, header);
    case "experts":
      return planExperts(db, rows, problems, header);
  }
}
