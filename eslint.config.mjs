import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/server/db/generated/**", "next-env.d.ts", "tests/artifacts/**", "test-results/**", "playwright-report/**"]),
]);
