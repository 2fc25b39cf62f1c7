/**
 * Every environment variable Feijian reads, in one place: the README's configuration table, the compose
 * file and its test are checked against this list.
 */
export const ENV_VARS = {
  DATABASE_URL: "PostgreSQL connection string. Unset: an embedded PostgreSQL (PGlite) in ./.data, for evaluation only.",
  DATABASE_POOL_MAX: "Connections per app instance (default 10; 4 in embedded mode).",
  NEXTAUTH_SECRET: "Secret that signs session cookies. Required in production; at least 32 random characters.",
  NEXTAUTH_URL: "The public URL of the app (https://… in production, which also turns on secure cookies).",
  PORT: "HTTP port (default 3000).",
  FEIJIAN_SEED: "What to seed into an empty database at start: demo (default), production (administrator only) or none.",
  FEIJIAN_ADMIN_PASSWORD: "Administrator password for the production seed; generated and printed once when unset.",
  FEIJIAN_DATA_DIR: "Folder of the embedded database (default ./.data; the database itself is in its pglite/ folder).",
  EMBEDDED_DB_PORT: "Local port of the embedded database (default 54329, or any free port).",
  FEIJIAN_FILE_STORE: "Where uploaded files are kept: disk (default, FEIJIAN_STORAGE_DIR) or s3 (an S3-compatible server such as MinIO, FEIJIAN_S3_*).",
  FEIJIAN_STORAGE_DIR: "With the disk store: the folder of uploaded files (default ./storage; never under public/).",
  FEIJIAN_S3_ENDPOINT: "With the s3 store: the server's URL, e.g. http://minio:9000 (addressed path-style).",
  FEIJIAN_S3_BUCKET: "With the s3 store: the bucket; created at start when missing.",
  FEIJIAN_S3_REGION: "With the s3 store: the region the server expects (default us-east-1; MinIO accepts any).",
  FEIJIAN_S3_ACCESS_KEY_ID: "With the s3 store: the access key.",
  FEIJIAN_S3_SECRET_ACCESS_KEY: "With the s3 store: the secret key.",
  FEIJIAN_AUDIT_KEY: "Ed25519 key (64 hex digits) that signs audit checkpoints. Required in production; kept off the database server. In embedded mode one is generated and kept in ./.data.",
  FEIJIAN_AUDIT_TRUSTED_KEYS: "Public keys (64 hex digits, comma-separated) of retired audit keys whose checkpoints `npm run audit:verify` still trusts.",
  FEIJIAN_TRUSTED_PROXIES: "Reverse proxies in front of the app that append to X-Forwarded-For (default 1); the client address is that many entries from the right.",
} as const;

export type EnvVar = keyof typeof ENV_VARS;
