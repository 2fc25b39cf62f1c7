import type { PrismaClient } from "../../lib/server/db/client";
import { generateProvince, regionId, type ProvinceData } from "./province";

const BATCH = 2000;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export interface ProvinceSeedOptions {
  institutions: number;
  experts?: number;
  /** Institutions whose staff sign in: national code → the organization and the name it is known by. */
  links?: Record<string, { organizationId: string; name: string }>;
  /** Region ids by code when the regions were not created with `regionId(code)` (an older database). */
  regionIds?: Map<string, string>;
}

/**
 * Writes the generated province. Rows that already exist (same code, same institution and year …) are left as
 * they are, so a scale run on top of the demo data adds to it.
 */
export async function seedProvince(db: PrismaClient, options: ProvinceSeedOptions): Promise<ProvinceData> {
  const data = generateProvince({ institutions: options.institutions, experts: options.experts });
  const region = (code: string) => options.regionIds?.get(code) ?? regionId(code);
  await inBatches(data.institutions, (batch) =>
    db.institution.createMany({
      skipDuplicates: true,
      data: batch.map(({ regionCode, ...institution }) => {
        const link = options.links?.[institution.nationalCode];
        return { ...institution, ...(link ? { name: link.name, organizationId: link.organizationId } : {}), poolingRegionId: region(regionCode) };
      }),
    }),
  );
  await inBatches(data.fundUsages, (batch) => db.fundUsage.createMany({ skipDuplicates: true, data: batch }));
  await inBatches(data.inspections, (batch) => db.inspectionHistory.createMany({ skipDuplicates: true, data: batch }));
  await inBatches(data.experts, (batch) =>
    db.expert.createMany({ skipDuplicates: true, data: batch.map(({ homeRegionCode, ...expert }) => ({ ...expert, homeRegionId: region(homeRegionCode) })) }),
  );
  return data;
}
