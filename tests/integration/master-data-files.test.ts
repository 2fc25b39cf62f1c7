// The master-data files are registry GET operations (issue 13 §1): the template and the filtered export are
// answered as downloads through the boundary, at /api/v1 and at the list pages' old addresses alike.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/policy/actor";
import { handleApiRequest } from "@/lib/server/operations/http";
import { makeActor } from "../factories";
import { setupTestDatabase } from "./support/db";

const t = setupTestDatabase();

const get = (path: string, actor: Actor | null) =>
  handleApiRequest(new Request(`http://feijian.test/api/v1${path}`), path.split("?")[0]!, { db: t.db, resolveCaller: async () => ({ actor, via: "session", locale: "zh-CN", context: {} }) });

describe("master-data files through the registry", () => {
  it("gives the bureau the template and the filtered export as .xlsx, audits the export, and refuses a city clerk (403)", async () => {
    const bureau = await makeActor(t.db, "BUREAU_STAFF");
    const city = await makeActor(t.db, "CITY_STAFF");
    const template = await get("/master-data/templates/institutions", bureau);
    expect(template.status).toBe(200);
    expect(template.headers.get("content-disposition")).toContain(encodeURIComponent("导入模板"));
    expect(new Uint8Array(await template.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b])); // a zip: .xlsx
    const exported = await get("/master-data/exports/institutions?q=%E5%8C%BB%E9%99%A2&sort=name", bureau);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("spreadsheetml");
    expect((await exported.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(await t.db.auditEvent.findFirst({ where: { action: "masterData.export", actorId: bureau.userId } })).toMatchObject({ after: { list: "institutions", params: { q: "医院", sort: "name" } } });
    for (const path of ["/master-data/templates/institutions", "/master-data/exports/institutions"]) expect((await get(path, city)).status).toBe(403);
    expect((await get("/master-data/exports/cases", bureau)).status).toBe(422);
  });
});
