import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/server/policy/actor";

const state = vi.hoisted(() => ({ actor: null as Actor | null, transactions: 0, logs: [] as unknown[] }));

vi.mock("@/lib/server/auth/session", () => ({
  getActor: async () => state.actor,
  getLocale: async () => state.actor?.locale ?? "zh-CN",
  getRequestContext: async () => ({ requestId: "req-test-0001" }),
}));
vi.mock("@/lib/server/db/client", () => ({
  getDb: () => ({ $transaction: async () => void (state.transactions += 1) }),
}));
vi.mock("@/lib/server/logger", () => ({ logger: { error: (...args: unknown[]) => state.logs.push(args), info: () => {}, warn: () => {} } }));

const { runAction } = await import("@/lib/server/action");
const { DomainError } = await import("@/lib/server/errors");

const ZInput = z.object({ name: z.string().min(1, { error: "validation.required" }) });
const clerk: Actor = { userId: "u1", username: "clerk", displayName: "办事员", role: "CITY_STAFF", organizationId: "o1", organizationKind: "CITY_BUREAU", poolingRegionId: "r1", locale: "zh-CN" };

beforeEach(() => {
  state.actor = clerk;
  state.transactions = 0;
  state.logs = [];
});

describe("the server-action boundary", () => {
  it("refuses an anonymous caller without running the body", async () => {
    state.actor = null;
    const body = vi.fn();
    expect(await runAction("x", ZInput, { name: "a" }, body)).toEqual({ ok: false, message: "登录已失效，请重新登录。" });
    expect(body).not.toHaveBeenCalled();
  });

  it("answers bad input with a message per field in the user's language, and runs nothing", async () => {
    const body = vi.fn();
    const zh = await runAction("x", ZInput, { name: "" }, body);
    expect(zh).toEqual({ ok: false, message: "提交的内容有误，请按提示修改后重新提交。", fieldErrors: { name: "此项为必填项。" } });
    state.actor = { ...clerk, locale: "en" };
    const en = await runAction("x", ZInput, { name: 42 }, body);
    expect(en).toMatchObject({ ok: false, fieldErrors: { name: "This value is not valid." } });
    expect(body).not.toHaveBeenCalled();
  });

  it("turns a domain error into its message, and audits a refusal", async () => {
    const refused = await runAction("user.create", ZInput, { name: "a" }, async () => {
      throw new DomainError("FORBIDDEN");
    });
    expect(refused).toEqual({ ok: false, message: "您没有执行此操作的权限。", fieldErrors: undefined });
    expect(state.transactions).toBe(1);
  });

  it("shows an unexpected error only as a reference, and logs the detail under it", async () => {
    const result = await runAction("x", ZInput, { name: "a" }, async () => {
      throw new Error("connection to 10.1.2.3 lost: secret detail");
    });
    expect(result).toMatchObject({ ok: false, reference: "req-test-0001" });
    if (result.ok) throw new Error("expected a failure");
    expect(result.message).toContain("req-test-0001");
    expect(result.message).not.toContain("secret detail");
    expect(JSON.stringify(state.logs)).toContain("secret detail");
    expect(JSON.stringify(state.logs)).toContain("req-test-0001");
  });

  it("returns the body's data on success", async () => {
    expect(await runAction("x", ZInput, { name: "a" }, async ({ input, actor }) => `${actor.username}:${input.name}`)).toEqual({ ok: true, data: "clerk:a" });
  });
});
