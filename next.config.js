// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // forbidden() renders app/forbidden.tsx with HTTP 403 for a signed-in user in the wrong portal.
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  // `npm test` type-checks the whole repository (tests included) as its own stage; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Packages with WebAssembly or native parts stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@prisma/schema-engine-wasm", "pg"],
  async headers() {
    // The Content-Security-Policy carries a per-request nonce and is set in proxy.ts.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
