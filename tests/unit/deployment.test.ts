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
  it("runs the app next to PostgreSQL 16 and MinIO, each with a persistent volume", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "db", "minio"]);
    expect(compose.services.db!.image).toMatch(/^postgres:16/);
    expect(compose.services.db!.volumes).toContain("pgdata:/var/lib/postgresql/data");
    expect(Object.keys(compose.volumes)).toContain("pgdata");
    expect(compose.services.app!.depends_on?.db?.condition).toBe("service_healthy");
    expect(compose.services.minio!.image).toMatch(/^minio\/minio:RELEASE\./);
    expect(compose.services.minio!.volumes).toContain("minio:/data");
    expect(Object.keys(compose.volumes)).toContain("minio");
    expect(compose.services.app!.depends_on?.minio?.condition).toBe("service_healthy");
  });

  it("points the app's file store at the MinIO service with its credentials, and says how to choose disk instead", () => {
    const env = compose.services.app!.environment!;
    const minio = compose.services.minio!;
    expect(env.FEIJIAN_FILE_STORE).toBe("s3");
    const endpoint = new URL(env.FEIJIAN_S3_ENDPOINT!);
    expect(endpoint.hostname).toBe("minio");
    expect((minio as { command?: string[] }).command?.join(" ")).toContain(`--address :${endpoint.port}`);
    expect(env.FEIJIAN_S3_ACCESS_KEY_ID).toBe(minio.environment!.MINIO_ROOT_USER);
    const secretVar = (value: string) => /^\$\{(\w+)/.exec(value)?.[1];
    expect(secretVar(env.FEIJIAN_S3_SECRET_ACCESS_KEY!)).toBe(secretVar(minio.environment!.MINIO_ROOT_PASSWORD!));
    expect(env.FEIJIAN_S3_SECRET_ACCESS_KEY).toMatch(/:\?/);
    expect(env.FEIJIAN_S3_BUCKET).toMatch(/^[a-z0-9][a-z0-9.-]{2,62}$/);
    expect(readFileSync("docker-compose.yml", "utf8")).toMatch(/#\s+FEIJIAN_FILE_STORE: disk/);
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

  it("the README's configuration table lists every variable the app reads", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const name of Object.keys(ENV_VARS)) expect(readme, name).toContain(`| \`${name}\` |`);
  });

  it("uploaded files never go into the image", () => {
    expect(readFileSync(".dockerignore", "utf8").split("\n")).toContain("storage");
  });

  it("Dockerfile builds with npm ci and starts through the launcher", () => {
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/CMD \["npm", "start"\]/);
  });
});
