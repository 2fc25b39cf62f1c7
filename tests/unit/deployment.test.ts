import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENV_VARS } from "@/lib/config";

interface ComposeService {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}

const compose = parse(readFileSync("docker-compose.yml", "utf8")) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
const dockerfile = readFileSync("Dockerfile", "utf8");

describe("docker-compose.yml", () => {
  it("runs the app next to PostgreSQL 16 with a persistent volume", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "db"]);
    expect(compose.services.db!.image).toMatch(/^postgres:16/);
    expect(compose.services.db!.volumes).toContain("pgdata:/var/lib/postgresql/data");
    expect(Object.keys(compose.volumes)).toContain("pgdata");
    expect(compose.services.app!.depends_on?.db?.condition).toBe("service_healthy");
  });

  it("publishes the port the app listens on", () => {
    const app = compose.services.app!;
    const port = app.environment?.PORT;
    expect(app.ports).toContain(`${port}:${port}`);
    expect(dockerfile).toMatch(new RegExp(`EXPOSE ${port}`));
  });

  it("points the app at the db service with variables the app actually reads", () => {
    const env = compose.services.app!.environment!;
    for (const name of Object.keys(env)) expect(Object.keys(ENV_VARS), name).toContain(name);
    const db = compose.services.db!.environment!;
    const url = new URL(env.DATABASE_URL!.replace(/\$\{[^}]*:-([^}]*)\}/g, "$1"));
    expect(url.hostname).toBe("db");
    expect(url.port).toBe("5432");
    expect(url.username).toBe(db.POSTGRES_USER);
    expect(url.pathname).toBe(`/${db.POSTGRES_DB}`);
    expect(env.NEXTAUTH_SECRET).toMatch(/:\?/);
    // The audit checkpoint key is required too, and must not be the database's to know (docs/decisions/013).
    expect(env.FEIJIAN_AUDIT_KEY).toMatch(/:\?/);
    expect(env.FEIJIAN_SEED).toBe("production");
  });

  it("Dockerfile builds with npm ci and starts through the launcher", () => {
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/CMD \["npm", "start"\]/);
  });
});
