import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Components are presentational: data comes from the route, the policy from lib/policy (STYLE.md). They may
    // name a server type (a read's result) but never run server code.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["@/lib/server/*", "@/lib/server/**"], allowTypeImports: true, message: "Components import no server code: use lib/policy, lib/operations, lib/validation; pass data from the route." }] }],
    },
  },
  globalIgnores([".next/**", ".data/**", "lib/server/db/generated/**", "next-env.d.ts", "tests/artifacts/**", "test-results/**", "playwright-report/**"]),
]);
