import { afterEach, describe, expect, it, vi } from "vitest";

async function optionsWith(url: string) {
  vi.resetModules();
  vi.stubEnv("NEXTAUTH_URL", url);
  return (await import("@/lib/server/auth/options")).authOptions;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("session cookies", () => {
  it("are secure whenever the site is served over https (production), and last a working day", async () => {
    expect((await optionsWith("https://feijian.example.gov.cn")).useSecureCookies).toBe(true);
    expect((await optionsWith("http://localhost:3000")).useSecureCookies).toBe(false);
    const options = await optionsWith("https://feijian.example.gov.cn");
    expect(options.session).toMatchObject({ strategy: "jwt", maxAge: 8 * 3600 });
  }, 30_000); // three fresh imports of next-auth and next/headers: slow on a busy machine
});
