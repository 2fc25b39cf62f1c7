import { describe, expect, it } from "vitest";
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

describe("request safety", () => {
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
