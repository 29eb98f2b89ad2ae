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
# The npm step accepts an optional build secret `npmca` (a CA bundle) for networks that intercept TLS:
#   docker build --secret id=npmca,src=/etc/ssl/certs/ca-certificates.crt -t bedrock-flows-emulator .
# It is mounted for that RUN step only, never stored in a layer; without it Node warns once and ignores it.
# Without a Docker engine, scripts/check-image.sh builds and smoke-tests this file with buildah (CI runs it).

# Build: all dependencies (--ignore-scripts: `prepare` would build before the sources are here), the TypeScript
# compile and the one-file bundle, then only what the image runs laid out in /runtime: the bundle, package.json and
# the few packages the bundle leaves external (scripts/runtime-files.mjs).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmca,required=false \
    NODE_EXTRA_CA_CERTS=/run/secrets/npmca npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts/bundle.mjs scripts/bundle-options.mjs scripts/bundle-ui.mjs scripts/runtime-files.mjs ./scripts/
COPY src ./src
COPY routes ./routes
RUN npm run build && node scripts/runtime-files.mjs /runtime && mkdir /data

# Runtime: Node 24 and glibc only (no shell, no package manager), the runtime files owned by root, run as nonroot.
FROM gcr.io/distroless/nodejs24-debian12:nonroot
LABEL org.opencontainers.image.title="bedrock-flows-emulator" \
      org.opencontainers.image.description="A local Amazon Bedrock Flows emulator for the real AWS SDK clients" \
      org.opencontainers.image.licenses="Apache-2.0"
ENV NODE_ENV=production HOST=0.0.0.0 PORT=5050 BFE_FIXTURES=/fixtures/default.json
WORKDIR /app
COPY --from=build /runtime ./
COPY fixtures ./fixtures
COPY fixtures/default.json /fixtures/default.json
COPY --from=build --chown=nonroot:nonroot /data /data
USER nonroot
EXPOSE 5050
# No shell and no curl: the probe is node's fetch. No --start-period: the server is healthy well within the first
# interval, and dockerfilelint 1.8.0 wrongly rejects hyphenated options (its option regex is `--\w+`).
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD ["/nodejs/bin/node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||5050)+'/_emulator/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs as PID 1 directly: the CLI handles SIGTERM/SIGINT itself (drain, save --state-file, exit 0). Arguments
# after the image name are the CLI's: `docker run IMAGE --iam audit`, `docker run IMAGE validate /fixtures/flow.json`.
ENTRYPOINT ["/nodejs/bin/node", "dist/cli.bundle.mjs"]
CMD []
