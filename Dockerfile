# Feijian application image. Build where the npm registry is reachable (or through a registry mirror).
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json .npmrc ./
COPY scripts/prisma-generate.mjs scripts/
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
# PDF renditions of official documents (docs/documents.md): LibreOffice Writer without a GUI, CJK serif and sans
# faces, and the aliases that map the GB/T 9704 faces (仿宋_GB2312, 方正小标宋简体 …) to them.
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk fonts-liberation poppler-utils \
  && rm -rf /var/lib/apt/lists/*
COPY deploy/fontconfig/feijian-fonts.conf /etc/fonts/conf.d/99-feijian-fonts.conf
COPY --from=build /app ./
RUN useradd --system --uid 1001 feijian && mkdir -p storage && chown -R feijian storage
USER feijian
EXPOSE 3000
# The launcher applies pending migrations, seeds an empty database (FEIJIAN_SEED), then starts Next.js.
CMD ["npm", "start"]
