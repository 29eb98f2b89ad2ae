# syntax=docker/dockerfile:1
# bedrock-flows-emulator: a local Amazon Bedrock Flows emulator for the real AWS SDK clients.
#
#   docker build -t bedrock-flows-emulator .
#   docker run --rm -p 5050:5050 bedrock-flows-emulator
#   docker run --rm -p 5050:5050 -v "$PWD/fixtures:/fixtures:ro" -e BFE_FIXTURES=/fixtures/world.json bedrock-flows-emulator
#
# Fixtures: BFE_FIXTURES (comma-separated) defaults to /fixtures/default.json, a copy of the bundled
# fixtures/default.json; mount your own directory at /fixtures and name your files in BFE_FIXTURES.
# State: /data is writable by the runtime user, e.g. -v bfe-state:/data -e BFE_STATE_FILE=/data/state.json.
# Every other BFE_* variable and flag of `bedrock-flows-emulator --help` works (flags go after the image name).
#
# The npm steps accept an optional build secret `npmca` (a CA bundle) for networks that intercept TLS:
#   docker build --secret id=npmca,src=/etc/ssl/certs/ca-certificates.crt -t bedrock-flows-emulator .
# It is mounted for that RUN step only, never stored in a layer; without it Node warns once and ignores it.
# Without a Docker engine, scripts/check-image.sh builds and smoke-tests this file with buildah.

# Production dependencies only. --ignore-scripts: `prepare` would run tsc, which is a dev dependency.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmca,required=false \
    NODE_EXTRA_CA_CERTS=/run/secrets/npmca npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# Dev dependencies and the TypeScript compile. Installing before copying the sources keeps the dependency layer
# cached across source edits, so `prepare` is skipped here and the build runs explicitly afterwards.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmca,required=false \
    NODE_EXTRA_CA_CERTS=/run/secrets/npmca npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/bundle.mjs ./scripts/bundle.mjs
COPY src ./src
COPY routes ./routes
RUN npm run build

# Runtime: compiled output, production dependencies and the bundled fixtures, owned by root, run as `node`.
FROM node:20-bookworm-slim
LABEL org.opencontainers.image.title="bedrock-flows-emulator" \
      org.opencontainers.image.description="A local Amazon Bedrock Flows emulator for the real AWS SDK clients" \
      org.opencontainers.image.licenses="Apache-2.0"
ENV NODE_ENV=production HOST=0.0.0.0 PORT=5050 BFE_FIXTURES=/fixtures/default.json
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY fixtures ./fixtures
COPY fixtures/default.json /fixtures/default.json
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 5050
# Slim images have no curl, so the probe is node's fetch. No --start-period: the server is healthy well within the
# first interval, and dockerfilelint 1.8.0 wrongly rejects hyphenated options (its option regex is `--\w+`).
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||5050)+'/_emulator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs as PID 1 directly: the CLI handles SIGTERM/SIGINT itself (drain, save --state-file, exit 0). Arguments
# after the image name are the CLI's: `docker run IMAGE --iam audit`, `docker run IMAGE validate /fixtures/flow.json`.
ENTRYPOINT ["node", "dist/cli.bundle.mjs"]
CMD []
