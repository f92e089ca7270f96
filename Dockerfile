# Parley as an image: `docker compose up` (see compose.yaml and the README's
# Deploy section). Three targets share one build:
#   build    installs, generates the database client, builds standalone
#   migrate  applies prisma/migrations to DATABASE_URL, then exits
#   app      the standalone server only (the default target)
# The test suite runs the same standalone build outside Docker; this file
# itself is not exercised by it.

FROM node:22-bookworm-slim AS build
# better-sqlite3 compiles from source where its prebuilt binary can't be
# downloaded.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:standalone \
  && mkdir -p /data && chown node:node /data

FROM build AS migrate
ENV DATABASE_URL=file:/data/parley.db
USER node
CMD ["node_modules/.bin/tsx", "scripts/migrate.ts"]

FROM node:22-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  HOSTNAME=0.0.0.0 \
  PORT=3000 \
  DATABASE_URL=file:/data/parley.db
COPY --from=build --chown=node:node /app/.next/standalone ./
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
