// Issue 12, item 13: `/login?callbackUrl=%2F%09%2Fevil.example` sent the browser to another site after login, and a
// newline or an ideographic space there gave a 500.
import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/security/callback-url";

/** Where a browser actually goes when told to navigate to `path` from our site. */
const landing = (path: string) => new URL(path, "https://feijian.example.gov.cn/login");

const ODD = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\t\t/evil.example/path",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  " /evil",
  "/.//evil.example",
  "/./\\evil.example",
  "/%2F%2Fevil.example",
  "/\u3000/evil.example",
  "/\u3000",
  "/bureau\u3000cases",
  "/bureau\nSet-Cookie: x=1",
  "/@evil.example",
  "/\u0000",
  "",
];

describe("after login, a visitor stays on this site", () => {
  it.each(ODD)("an odd callbackUrl %j never leads off-site", (value) => {
    const path = safeCallbackPath(value, "/portal");
    expect(landing(path).origin).toBe("https://feijian.example.gov.cn");
    expect(path.startsWith("/")).toBe(true);
    expect(path.startsWith("//")).toBe(false);
    // Nothing that could break a Location header or be read differently by another parser.
    expect(path).toMatch(/^[\x21-\x7e]+$/);
    expect(path).not.toContain("\\");
  });

  it("sends the tab-and-slash trick of the probe back to the fallback", () => {
    expect(safeCallbackPath(decodeURIComponent("%2F%09%2Fevil.example"), "/portal")).toBe("/portal");
    expect(safeCallbackPath("/\\evil.example", "/portal")).toBe("/portal");
    expect(safeCallbackPath("/.//evil.example", "/portal")).toBe("/portal");
  });

  it("keeps an ordinary path with its query and fragment, encoding what a header cannot carry", () => {
    expect(safeCallbackPath("/bureau/audit?outcome=DENIED")).toBe("/bureau/audit?outcome=DENIED");
    expect(safeCallbackPath("/team/cases/abc#findings")).toBe("/team/cases/abc#findings");
    expect(safeCallbackPath("/bureau/master-data?q=长春")).toBe("/bureau/master-data?q=%E9%95%BF%E6%98%A5");
    expect(safeCallbackPath("/bureau\u3000x")).toBe("/bureau%E3%80%80x");
    expect(safeCallbackPath(null, "/portal")).toBe("/portal");
  });

  it("next-auth's redirect callback answers with an address on our origin only", () => {
    const base = "https://feijian.example.gov.cn";
    expect(safeRedirectUrl("/bureau", base)).toBe(`${base}/bureau`);
    expect(safeRedirectUrl(`${base}/team?x=1`, base)).toBe(`${base}/team?x=1`);
    expect(safeRedirectUrl("https://evil.example/team", base)).toBe(`${base}/`);
    expect(safeRedirectUrl(`${base}//evil.example`, base)).toBe(`${base}/`);
    expect(safeRedirectUrl("/\t/evil.example", base)).toBe(`${base}/`);
    expect(safeRedirectUrl("not a url", base)).toBe(`${base}/`);
  });
});
