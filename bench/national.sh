#!/usr/bin/env bash
# Nolan at national scale (bench/README.md, "National scale"): builds a throw-away PostgreSQL with 300 councils,
# 20,000 officers, 5 million enquiries and 50 million audit events (bench/national.sql), brings the monitoring
# figures up to date, starts Nolan, and measures p50/p95/p99 of the caseload lists, searches, dashboards, the
# quarterly report and a council quarter's CSV (bench/national.py), with the EXPLAIN ANALYZE plans of what they run.
#
#   bench/national.sh                 # full scale (about an hour on 2 cores, ~25 GB of disk)
#   bench/national.sh --scale 0.02    # 100,000 enquiries, for a quick check
#   bench/national.sh --requests 200  # requests per measured case (default 100, after 10 warm-up requests)
#
# Writes the "National scale" part of bench/RESULTS.md (between its markers) and bench/NATIONAL_PLANS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
cd "$ROOT"
SCALE=1
REQUESTS=100
BUILD=1
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --requests) REQUESTS="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "national: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
die() { echo "national: $*" >&2; exit 3; }
log() { printf '==> %s\n' "$*"; }
PG_BIN=/usr/lib/postgresql/15/bin
missing=()
{ [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]; } || missing+=(postgresql postgresql-contrib)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  SUDO=(); [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq && "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "could not install ${missing[*]}"
fi
PY=python3
NO_SERVERS=(-nodeReuse:false -p:UseSharedCompilation=false -p:UseRazorBuildServer=false)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/nolan-national.XXXXXX")"
PG_DATA="$WORK/pg/data"
PG_STARTED=0
NOLAN_PID=""
AS_PG=()
cleanup() {
  local rc=$?
  set +e
  if [ -n "$NOLAN_PID" ]; then kill "$NOLAN_PID" 2>/dev/null; wait "$NOLAN_PID" 2>/dev/null; fi
  if [ "$PG_STARTED" = 1 ]; then "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 120 stop >/dev/null 2>&1; fi
  if [ "$KEEP" = 1 ]; then echo "national: kept $WORK" >&2; else
    [ "$rc" -ne 0 ] && for f in "$WORK"/nolan.log "$WORK"/pg/server.log "$WORK"/national.log; do [ -s "$f" ] && { echo "---- $f" >&2; tail -n 20 "$f" >&2; }; done
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ "$BUILD" = 1 ]; then
  log "dotnet build -c Release src/Nolan.Web"
  dotnet build src/Nolan.Web/Nolan.Web.csproj -c Release "${NO_SERVERS[@]}" -v quiet -nologo >"$WORK/build.log" 2>&1 \
    || { tail -n 40 "$WORK/build.log" >&2; die "build failed"; }
fi
NOLAN_DIR="$ROOT/src/Nolan.Web"
NOLAN_DLL="$NOLAN_DIR/bin/Release/net10.0/nolan.dll"
[ -f "$NOLAN_DLL" ] || die "$NOLAN_DLL is missing (run without --no-build)"

log "starting PostgreSQL (auto_explain loaded, off until the plans are captured)"
mkdir -p "$WORK/pg"
if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$WORK/pg"; chmod 755 "$WORK"; AS_PG=(runuser -u postgres --); fi
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || die "initdb failed"
PG_PORT="$("$PY" "$BENCH/bench.py" freeport)"
PG_OPTS="-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg -c max_connections=100"
PG_OPTS+=" -c shared_buffers=2GB -c effective_cache_size=12GB -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min"
# auto_explain is loaded but off; national.py turns it on with ALTER SYSTEM (a -c setting here would override that).
PG_OPTS+=" -c shared_preload_libraries=auto_explain"
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 120 -o "$PG_OPTS" start >/dev/null || die "PostgreSQL did not start"
PG_STARTED=1
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE nolan" >/dev/null
CS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=nolan;Max Auto Prepare=200;Auto Prepare Min Usages=2;No Reset On Close=true;Command Timeout=3600"
NOLAN_DB=(--Nolan:Database:Provider=Postgres "--Nolan:Database:ConnectionString=$CS")
nolan_cli() { (cd "$NOLAN_DIR" && dotnet "$NOLAN_DLL" "$@" "${NOLAN_DB[@]}"); }

log "migrating and seeding the demo directory"
nolan_cli seed-demo >"$WORK/seed-demo.log" 2>&1 || { tail -n 30 "$WORK/seed-demo.log" >&2; die "nolan seed-demo failed"; }
log "generating the national data set at scale $SCALE (bench/national.sql)"
t=$SECONDS
"${PSQL[@]}" -d nolan -v scale="$SCALE" -f "$BENCH/national.sql" >"$WORK/national.log" 2>&1 || die "bench/national.sql failed"
GEN_S=$((SECONDS - t))
SIZES="$("${PSQL[@]}" -d nolan -AtF ' ' -c "SELECT (SELECT count(*) FROM councils), (SELECT count(*) FROM officers), (SELECT count(*) FROM enquiries), (SELECT count(*) FROM audit_events), pg_size_pretty(pg_database_size('nolan'))")"
log "generated in ${GEN_S} s: councils officers enquiries audit_events size = $SIZES"
log "bringing the monitoring figures up to date (nolan refresh-figures)"
t=$SECONDS
nolan_cli refresh-figures >"$WORK/figures.log" 2>&1 || { tail -n 20 "$WORK/figures.log" >&2; die "refresh-figures failed"; }
FIG_S=$((SECONDS - t))
log "$(tail -n 1 "$WORK/figures.log") in ${FIG_S} s"
"${PSQL[@]}" -d nolan -c "VACUUM ANALYZE" >/dev/null

NOLAN_PORT="$("$PY" "$BENCH/bench.py" freeport)"
NOLAN="http://127.0.0.1:$NOLAN_PORT"
log "starting Nolan on $NOLAN"
(cd "$NOLAN_DIR" && exec dotnet "$NOLAN_DLL" "${NOLAN_DB[@]}" --Nolan:Workers=false --Nolan:SignInAttemptsPerMinute=100000 --urls "$NOLAN") \
  >"$WORK/nolan.log" 2>&1 </dev/null &
NOLAN_PID=$!
for _ in $(seq 300); do curl -fs "$NOLAN/health" >/dev/null 2>&1 && break; kill -0 "$NOLAN_PID" 2>/dev/null || die "Nolan exited"; sleep 0.5; done

export NATIONAL_PSQL="${PSQL[*]} -d nolan"
"$PY" "$BENCH/national.py" --url "$NOLAN" --requests "$REQUESTS" --scale "$SCALE" --pg-log "$WORK/pg/server.log" \
  --generated "$GEN_S" --figures "$FIG_S" --sizes "$SIZES" --results "$BENCH/RESULTS.md" --plans "$BENCH/NATIONAL_PLANS.md"
