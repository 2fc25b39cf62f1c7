import { describe, expect, it } from "vitest";
import { nextFailureState, THROTTLE } from "@/lib/server/auth/login";
import { safeCallbackPath } from "@/lib/server/auth/page-guards";
import { canonicalJson } from "@/lib/server/audit/chain";
import { buildContentSecurityPolicy, requestIdFrom } from "@/lib/security/csp";
import { portalOf, ROLE_PERMISSIONS } from "@/lib/server/policy/permissions";

describe("policy table", () => {
  it("gives every role exactly one portal", () => {
    for (const role of Object.keys(ROLE_PERMISSIONS) as (keyof typeof ROLE_PERMISSIONS)[]) {
      const portals = ROLE_PERMISSIONS[role].filter((p) => p.startsWith("portal."));
      expect(portals, role).toHaveLength(1);
    }
    expect(portalOf("INSPECTOR")).toBe("team");
    expect(portalOf("CITY_STAFF")).toBe("city");
  });
});

describe("login throttle", () => {
  const start = new Date("2026-01-05T08:00:00Z");
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const fresh = { failedLoginCount: 0, failedWindowStart: null, lockedUntil: null };

  it("locks on the fifth failure inside 15 minutes, for 15 minutes", () => {
    let state = fresh as ReturnType<typeof nextFailureState>;
    for (let i = 0; i < 4; i += 1) {
      state = nextFailureState(state, at(i * 3));
      expect(state.lockedUntil).toBeNull();
    }
    state = nextFailureState(state, at(14));
    expect(state.lockedUntil).toEqual(new Date(at(14).getTime() + THROTTLE.lockMs));
  });

  it("starts a new window when failures are more than 15 minutes apart", () => {
    let state = fresh as ReturnType<typeof nextFailureState>;
    for (let i = 0; i < 4; i += 1) state = nextFailureState(state, at(i));
    state = nextFailureState(state, at(16));
    expect(state.lockedUntil).toBeNull();
    expect(state.failedLoginCount).toBe(1);
  });
});

describe("request safety", () => {
  it("accepts only same-site paths after login", () => {
    expect(safeCallbackPath("/bureau/users?q=1")).toBe("/bureau/users?q=1");
    expect(safeCallbackPath("//evil.example/x")).toBe("/");
    expect(safeCallbackPath("https://evil.example")).toBe("/");
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath(null, "/portal")).toBe("/portal");
  });

  it("CSP has no unsafe-eval in production and forbids framing", () => {
    const production = buildContentSecurityPolicy("abc", false);
    expect(production).not.toContain("unsafe-eval");
    expect(production).toContain("frame-ancestors 'none'");
    expect(production).toContain("'nonce-abc'");
    expect(buildContentSecurityPolicy("abc", true)).toContain("unsafe-eval");
  });

  it("keeps a plain upstream request id and replaces a hostile one", () => {
    expect(requestIdFrom("req-12345678")).toBe("req-12345678");
    expect(requestIdFrom("bad\r\nheader")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("canonical JSON does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });
});
