#!/usr/bin/env bash
# Nolan's load benchmark (bench/README.md): Nolan's "log an enquiry" and "list my enquiries" against PostgreSQL with
# a council's ten years of enquiries, each beside bare ASP.NET Core + Npgsql baselines measured in the same run.
# Prints a table and updates bench/RESULTS.md. Exit code: 0 when both targets are met, 1 when one is missed,
# 2 on a usage error, 3 when the benchmark could not run.
#
# Usage: bench/run.sh [--duration 20s] [--warmup 10s] [--warmup-steps 15] [--connections 32] [--threads 2] [--rounds 1]
#                     [--only NAMES] [--no-build] [--keep] [--results FILE]
#   --warmup T, --warmup-steps N
#                 before each measured run, warm-up runs of T until the app's CPU per request stops falling
#                 (two runs in a row not 7 % below the best so far), at least 3 and at most N of them
#   --rounds N    repeat every measured run N times, interleaved (medians are reported; ratios per round)
#   --only NAMES  measure only these (comma-separated): constant,select,select-page,list,list-live,insert,insert-tx,log,log-idem
#   --no-build    use the existing Release builds
#   --keep        keep the work directory (PostgreSQL data, logs, wrk output) instead of deleting it
# Environment: BENCH_PG_SETTINGS  extra "-c name=value" options for PostgreSQL
#              BENCH_NPGSQL       extra Npgsql connection-string settings for both apps, after Nolan's defaults
#                                 (Max Auto Prepare=200;Auto Prepare Min Usages=2;No Reset On Close=true), e.g. "Max Auto Prepare=0"
#              BENCH_PGSS=0       do not load pg_stat_statements (on by default: statements per request)
#
# Everything listens on 127.0.0.1 only; every wrk run has a fixed duration; everything started here is stopped on
# exit (PostgreSQL, Nolan, the baseline app).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
cd "$ROOT"

DURATION=20s
WARMUP=10s
WARMUP_MAX_STEPS=15
CONNECTIONS=32
THREADS=2
ROUNDS=1
BUILD=1
KEEP=0
RESULTS="$BENCH/RESULTS.md"
ALL_NAMES="constant,select,select-page,list,list-live,insert,insert-tx,log,log-idem"
ONLY="$ALL_NAMES"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$BENCH/run.sh"; }
die() { echo "bench: $*" >&2; exit 3; }
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="${2:?--duration needs a value, e.g. 20s}"; shift 2 ;;
    --warmup) WARMUP="${2:?--warmup needs a value, e.g. 10s}"; shift 2 ;;
    --warmup-steps) WARMUP_MAX_STEPS="${2:?--warmup-steps needs a number}"; shift 2 ;;
    --connections) CONNECTIONS="${2:?--connections needs a number}"; shift 2 ;;
    --threads) THREADS="${2:?--threads needs a number}"; shift 2 ;;
    --rounds) ROUNDS="${2:?--rounds needs a number}"; shift 2 ;;
    --results) RESULTS="${2:?--results needs a file}"; shift 2 ;;
    --only) ONLY="${2:?--only needs names, e.g. select,list}"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for v in DURATION WARMUP; do
  [[ "${!v}" =~ ^[0-9]+[smh]?$ ]] || { echo "bench: --${v,,} must look like 20s" >&2; exit 2; }
done
for v in CONNECTIONS THREADS ROUNDS WARMUP_MAX_STEPS; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --${v,,} must be a positive number" >&2; exit 2; }
done

for n in ${ONLY//,/ }; do
  [[ ",$ALL_NAMES," == *",$n,"* ]] || { echo "bench: unknown name '$n' in --only (names: $ALL_NAMES)" >&2; exit 2; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
NO_SERVERS=(-nodeReuse:false -p:UseSharedCompilation=false -p:UseRazorBuildServer=false)
log() { printf '==> %s\n' "$*"; }

# ---------------------------------------------------------------- prerequisites
PG_BIN=/usr/lib/postgresql/15/bin
PY=/usr/bin/python3
[ -x "$PY" ] || PY="$(command -v python3 || true)"
SUDO=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); fi
missing=()
{ [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]; } || missing+=(postgresql)
[ -f /usr/share/postgresql/15/extension/pg_stat_statements.control ] || missing+=(postgresql-contrib)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
[ -n "$PY" ] || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && [ ${#SUDO[@]} -eq 0 ]; then
    die "missing packages: ${missing[*]}; run as root, install sudo, or install them yourself"
  fi
  log "installing: ${missing[*]}"
  apt_log="$(mktemp)"
  APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -q -y)
  if ! { "${APT[@]}" update && "${APT[@]}" install "${missing[@]}"; } >"$apt_log" 2>&1; then
    tail -n 40 "$apt_log" >&2
    die "apt-get failed (full log: $apt_log)"
  fi
  rm -f "$apt_log"
  PY=/usr/bin/python3
fi
command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is not on PATH"
HELPER=("$PY" "$BENCH/bench.py")

# ---------------------------------------------------------------- cleanup
WORK="$(mktemp -d "${TMPDIR:-/tmp}/nolan-bench.XXXXXX")"
PG_DATA="$WORK/pg/data"
PG_STARTED=0
NOLAN_PID=""
BASE_PID=""
AS_PG=()

stop_pid() {
  local pid="$1"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  set +e
  stop_pid "$NOLAN_PID"; NOLAN_PID=""
  stop_pid "$BASE_PID"; BASE_PID=""
  if [ "$PG_STARTED" = 1 ]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
    PG_STARTED=0
  fi
  if [ "$KEEP" = 1 ]; then
    echo "bench: kept the work directory $WORK" >&2
  elif [ "$rc" -ge 3 ]; then
    for f in "$WORK"/nolan.log "$WORK"/baseline.log "$WORK"/pg/server.log; do
      [ -s "$f" ] && { echo "---- last lines of $f" >&2; tail -n 25 "$f" >&2; }
    done
    rm -rf "$WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- build
if [ "$BUILD" = 1 ]; then
  log "dotnet build -c Release: Nolan.Web and bench/Nolan.Bench.Baseline"
  dotnet build src/Nolan.Web/Nolan.Web.csproj -c Release "${NO_SERVERS[@]}" -v quiet -nologo >"$WORK/build-nolan.log" 2>&1 \
    || { tail -n 40 "$WORK/build-nolan.log" >&2; die "building Nolan.Web failed"; }
  dotnet build bench/Nolan.Bench.Baseline/Nolan.Bench.Baseline.csproj -c Release "${NO_SERVERS[@]}" -v quiet -nologo \
    >"$WORK/build-baseline.log" 2>&1 || { tail -n 40 "$WORK/build-baseline.log" >&2; die "building the baseline app failed"; }
fi
NOLAN_DIR="$ROOT/src/Nolan.Web"
NOLAN_DLL="$NOLAN_DIR/bin/Release/net10.0/nolan.dll"
BASE_DIR="$BENCH/Nolan.Bench.Baseline"
BASE_DLL="$BASE_DIR/bin/Release/net10.0/nolan-bench-baseline.dll"
[ -f "$NOLAN_DLL" ] || die "$NOLAN_DLL is missing (run without --no-build)"
[ -f "$BASE_DLL" ] || die "$BASE_DLL is missing (run without --no-build)"

# ---------------------------------------------------------------- PostgreSQL (normal durability)
log "starting PostgreSQL (fsync on, synchronous_commit on)"
mkdir -p "$WORK/pg"
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres:postgres "$WORK/pg"
  chmod 755 "$WORK"
  AS_PG=(runuser -u postgres --)
fi
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { rm -rf "$PG_DATA"; "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres --encoding=UTF8 --locale=C >"$WORK/initdb.log" 2>&1; } \
  || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
PG_OPTS="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pg -c max_connections=200 -c shared_buffers=512MB"
PG_OPTS+=" -c fsync=on -c synchronous_commit=on -c full_page_writes=on"
if [ "${BENCH_PGSS:-1}" = 1 ]; then
  PG_OPTS+=" -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top -c pg_stat_statements.max=2000"
fi
PG_OPTS+=" ${BENCH_PG_SETTINGS:-}"
started=0
for _ in 1 2 3 4 5; do
  PG_PORT="$("${HELPER[@]}" freeport)"
  PG_STARTED=1
  if "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 60 -o "-p $PG_PORT $PG_OPTS" start >/dev/null 2>&1; then
    started=1; break
  fi
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
  PG_STARTED=0
done
[ "$started" = 1 ] || { tail -n 30 "$WORK/pg/server.log" >&2 || true; die "PostgreSQL did not start"; }
PG_PID="$(head -n 1 "$PG_DATA/postmaster.pid")"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE nolan" >/dev/null || die "CREATE DATABASE failed"
# Both apps get the connection settings Nolan applies by default (src/Nolan.Web/Hosting/DataStoreSetup.cs):
# auto-prepared statements and no session reset when a connection goes back to the pool.
NPGSQL_DEFAULTS="Max Auto Prepare=200;Auto Prepare Min Usages=2;No Reset On Close=true"
CS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=nolan;$NPGSQL_DEFAULTS${BENCH_NPGSQL:+;$BENCH_NPGSQL}"
NOLAN_DB=(--Nolan:Database:Provider=Postgres "--Nolan:Database:ConnectionString=$CS")
log "PostgreSQL $("${PSQL[@]}" -d nolan -Atc 'SHOW server_version') on 127.0.0.1:$PG_PORT"

# ---------------------------------------------------------------- data
# Nolan's content root must be src/Nolan.Web (its appsettings.json sets the log levels), as with `dotnet run`.
nolan_cli() { (cd "$NOLAN_DIR" && dotnet "$NOLAN_DLL" "$@" "${NOLAN_DB[@]}"); }
log "migrating and seeding the demo councils (nolan seed-demo)"
nolan_cli seed-demo >"$WORK/seed-demo.log" 2>&1 || { tail -n 30 "$WORK/seed-demo.log" >&2; die "nolan seed-demo failed"; }
log "seeding ten years of Southend-on-Sea enquiries (bench/seed.sql)"
seed_start=$SECONDS
"${PSQL[@]}" -d nolan -f "$BENCH/seed.sql" >"$WORK/seed.log" 2>&1 || { tail -n 30 "$WORK/seed.log" >&2; die "bench/seed.sql failed"; }
grep -A2 'step' "$WORK/seed.log" | sed 's/^/    /'
echo "    (seeded in $((SECONDS - seed_start)) s)"
DEMO_LIVE="$("${PSQL[@]}" -d nolan -Atc "SELECT count(*) FROM enquiries e JOIN members m ON m.id = e.member_id JOIN accounts a ON a.id = m.account_id WHERE a.email = 'member@southend-on-sea.demo' AND e.status IN ('Open', 'Assigned', 'HoldingReplySent')")"
if [ "${BENCH_PGSS:-1}" = 1 ]; then
  "${PSQL[@]}" -d nolan -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
fi

log "creating API tokens (member@ reads, member2@ writes)"
READ_TOKEN="$(nolan_cli create-token --email member@southend-on-sea.demo --name bench-read --days 1 2>"$WORK/token.log" | tail -n 1)"
WRITE_TOKEN="$(nolan_cli create-token --email member2@southend-on-sea.demo --name bench-write --days 1 2>>"$WORK/token.log" | tail -n 1)"
[[ "$READ_TOKEN" == nolan_* && "$WRITE_TOKEN" == nolan_* ]] || { cat "$WORK/token.log" >&2; die "nolan create-token failed"; }
WARD_ID="$("${PSQL[@]}" -d nolan -Atc "SELECT m.ward_id FROM members m JOIN accounts a ON a.id = m.account_id WHERE a.email = 'member2@southend-on-sea.demo'")"
SERVICE_ID="$("${PSQL[@]}" -d nolan -Atc "SELECT s.id FROM services s JOIN councils c ON c.id = s.council_id WHERE c.slug = 'southend-on-sea' AND s.manager_id IS NOT NULL ORDER BY s.name LIMIT 1")"
[ -n "$WARD_ID" ] && [ -n "$SERVICE_ID" ] || die "could not find member2's ward or a Southend service"

# ---------------------------------------------------------------- servers
wait_http() { # URL PID LOGFILE NAME
  for _ in $(seq 600); do
    kill -0 "$2" 2>/dev/null || { tail -n 30 "$3" >&2; die "$4 exited during start-up"; }
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  tail -n 30 "$3" >&2; die "$4 did not answer $1 within 60 s"
}
NOLAN_PORT="$("${HELPER[@]}" freeport)"
BASE_PORT="$("${HELPER[@]}" freeport)"
while [ "$BASE_PORT" = "$NOLAN_PORT" ]; do BASE_PORT="$("${HELPER[@]}" freeport)"; done
NOLAN="http://127.0.0.1:$NOLAN_PORT"
BASE="http://127.0.0.1:$BASE_PORT"
log "starting Nolan on $NOLAN and the baseline app on $BASE"
# Background workers off: logging writes its outbox rows and audit event in its transaction (measured here);
# delivering the messages is bench/outbox.sh's measurement, and with no SMTP server here the worker would only fail
# and retry, competing for the two cores with the requests being measured.
(cd "$NOLAN_DIR" && exec dotnet "$NOLAN_DLL" --demo "${NOLAN_DB[@]}" --Nolan:Workers=false --urls "$NOLAN") >"$WORK/nolan.log" 2>&1 </dev/null &
NOLAN_PID=$!
(cd "$BASE_DIR" && exec dotnet "$BASE_DLL" "--Bench:ConnectionString=$CS" --urls "$BASE") >"$WORK/baseline.log" 2>&1 </dev/null &
BASE_PID=$!
wait_http "$NOLAN/health" "$NOLAN_PID" "$WORK/nolan.log" Nolan
wait_http "$BASE/constant" "$BASE_PID" "$WORK/baseline.log" "the baseline app"

# ---------------------------------------------------------------- wrk scripts
DETAILS="A resident of London Road has contacted me about the pothole outside number 14. It has been there since the"
DETAILS+=" winter, it is now about a foot across and several inches deep, and a cyclist came off their bike there last week."
DETAILS+=" The resident reported it online a month ago and has heard nothing. Could officers please inspect it, tell me"
DETAILS+=" when it will be repaired and whether a temporary repair can be made in the meantime? The resident is happy to be"
DETAILS+=" contacted directly and has sent me photographs, which I can forward if that would help."
cat >"$WORK/post.lua" <<'EOF'
-- POST bodies with unique subjects (thread number, counter, run id); optional Idempotency-Key (BENCH_IDEMPOTENCY=1).
local run = os.getenv("BENCH_RUN") or "0"
local token = os.getenv("BENCH_TOKEN")
local details = os.getenv("BENCH_DETAILS")
local ward = os.getenv("BENCH_WARD")
local service = os.getenv("BENCH_SERVICE")
local idempotency = os.getenv("BENCH_IDEMPOTENCY") == "1"
local threads = {}
local counter = 0
tid = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function request()
  counter = counter + 1
  local subject = string.format("Pothole outside number 14, London Road (bench %s-%d-%d)", run, tid, counter)
  local body = string.format('{"subject":"%s","details":"%s","wardId":"%s","serviceId":"%s"}', subject, details, ward, service)
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  if idempotency then
    headers["Idempotency-Key"] = string.format("bench-%s-%d-%d", run, tid, counter)
  end
  return wrk.format("POST", wrk.path, headers, body)
end
EOF
export BENCH_DETAILS="$DETAILS" BENCH_WARD="$WARD_ID" BENCH_SERVICE="$SERVICE_ID"

# ---------------------------------------------------------------- smoke test: each endpoint once
smoke() { # NAME EXPECTED-STATUS curl-args...
  local name="$1" want="$2"; shift 2
  local got
  got="$(curl -sS -o "$WORK/smoke-$name.json" -w '%{http_code}' --max-time 30 "$@")" || die "$name: request failed"
  [ "$got" = "$want" ] || { head -c 1500 "$WORK/smoke-$name.json" >&2; echo >&2; die "$name answered $got, expected $want"; }
}
BODY="{\"subject\":\"Smoke test\",\"details\":\"$DETAILS\",\"wardId\":\"$WARD_ID\",\"serviceId\":\"$SERVICE_ID\"}"
smoke constant 200 "$BASE/constant"
smoke select 200 "$BASE/select"
smoke select-page 200 "$BASE/select-page"
smoke insert 201 -X POST -H 'Content-Type: application/json' --data "$BODY" "$BASE/insert"
smoke insert-tx 201 -X POST -H 'Content-Type: application/json' --data "$BODY" "$BASE/insert-tx"
smoke list 200 -H "Authorization: Bearer $READ_TOKEN" "$NOLAN/api/v1/enquiries?scope=mine"
smoke log 201 -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $WRITE_TOKEN" --data "$BODY" "$NOLAN/api/v1/enquiries"
LIST_ROWS="$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$WORK/smoke-list.json")"
SELECT_ROWS="$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["items"]))' "$WORK/smoke-select.json")"
echo "    smoke test passed: Nolan's list returned $LIST_ROWS rows, the baseline SELECT $SELECT_ROWS"

# ---------------------------------------------------------------- measured runs
RUNS="$WORK/runs.jsonl"
: >"$RUNS"
WRK_OPTS=(-t"$THREADS" -c"$CONNECTIONS" --timeout 30s --latency)
pgss_reset() { [ "${BENCH_PGSS:-1}" = 1 ] && "${PSQL[@]}" -d nolan -Atc "SELECT pg_stat_statements_reset()" >/dev/null || true; }
pgss_dump() {
  if [ "${BENCH_PGSS:-1}" = 1 ]; then
    "${PSQL[@]}" -d nolan -At -F $'\t' -c "SELECT calls, round(total_exec_time::numeric, 3), rows,
        regexp_replace(query, '\s+', ' ', 'g') FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'nolan') ORDER BY total_exec_time DESC" >"$1"
  fi
}
measure() { # ROUND NAME URL [wrk args...]
  local round="$1" name="$2" url="$3"; shift 3
  [[ ",$ONLY," == *",$name,"* ]] || return 0
  local out="$WORK/wrk-$round-$name.txt"
  log "round $round: $name ($url)"
  # Warm up until the app's CPU per request stops falling (tiered JIT and dynamic PGO take minutes on a loaded
  # 2-core machine): steps of --warmup until two steps in a row do not beat the best so far by 7 %; at least 3
  # steps, at most WARMUP_MAX_STEPS.
  local step best="" flat=0 cur wb wa steps=()
  for step in $(seq "$WARMUP_MAX_STEPS"); do
    wb="$("${HELPER[@]}" cpu --app "$NOLAN_PID" --app "$BASE_PID")"
    BENCH_RUN="w$round$step$RANDOM" wrk "${WRK_OPTS[@]}" -d"$WARMUP" "$@" "$url" >"$WORK/warmup-$round-$name-$step.txt" 2>&1 \
      || { cat "$WORK/warmup-$round-$name-$step.txt" >&2; die "wrk (warm-up) failed for $name"; }
    wa="$("${HELPER[@]}" cpu --app "$NOLAN_PID" --app "$BASE_PID")"
    cur="$("${HELPER[@]}" warmstep --wrk "$WORK/warmup-$round-$name-$step.txt" --before "$wb" --after "$wa")" \
      || die "could not read the wrk output of the $name warm-up"
    steps+=("$(awk '{printf "%.0f req/s %.3f ms", $1, $2}' <<<"$cur")")
    cur="${cur#* }"
    if [ -z "$best" ] || awk -v c="$cur" -v b="$best" 'BEGIN { exit !(c <= 0.93 * b) }'; then
      best="$cur"; flat=0
    else
      flat=$((flat + 1))
    fi
    [ "$step" -ge 3 ] && [ "$flat" -ge 2 ] && break
  done
  local warm_note
  warm_note="${#steps[@]} x $WARMUP ($(IFS=','; echo "${steps[*]}" | sed 's/,/; /g'))"
  echo "    warm-up: $warm_note"
  local load before after
  load="$(uptime | sed 's/.*load average: /load average /')"
  pgss_reset
  before="$("${HELPER[@]}" cpu --pg "$PG_PID" --app "$NOLAN_PID" --app "$BASE_PID")"
  BENCH_RUN="m$round$RANDOM" wrk "${WRK_OPTS[@]}" -d"$DURATION" "$@" "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk failed for $name"; }
  after="$("${HELPER[@]}" cpu --pg "$PG_PID" --app "$NOLAN_PID" --app "$BASE_PID")"
  pgss_dump "$WORK/pgss-$round-$name.tsv"
  "${HELPER[@]}" record --runs "$RUNS" --name "$name" --round "$round" --wrk "$out" --load "$load" \
    --before "$before" --after "$after" --pgss "$WORK/pgss-$round-$name.tsv" --warmup "$warm_note" \
    || die "could not read the wrk output of $name"
}

LOAD_START="$(uptime | sed 's/.*load average: /load average /')"
log "measuring: wrk ${WRK_OPTS[*]} -d$DURATION, warm-up $WARMUP, $ROUNDS round(s); $LOAD_START"
for round in $(seq "$ROUNDS"); do
  # Reads first, so that they see the seeded data set rather than what the writes add.
  measure "$round" constant "$BASE/constant"
  measure "$round" select "$BASE/select"
  measure "$round" select-page "$BASE/select-page"
  measure "$round" list "$NOLAN/api/v1/enquiries?scope=mine" -H "Authorization: Bearer $READ_TOKEN"
  measure "$round" list-live "$NOLAN/api/v1/enquiries?scope=mine&stage=live" -H "Authorization: Bearer $READ_TOKEN"
  BENCH_TOKEN="$WRITE_TOKEN" measure "$round" insert "$BASE/insert" -s "$WORK/post.lua"
  BENCH_TOKEN="$WRITE_TOKEN" measure "$round" insert-tx "$BASE/insert-tx" -s "$WORK/post.lua"
  BENCH_TOKEN="$WRITE_TOKEN" measure "$round" log "$NOLAN/api/v1/enquiries" -s "$WORK/post.lua"
  BENCH_TOKEN="$WRITE_TOKEN" BENCH_IDEMPOTENCY=1 measure "$round" log-idem "$NOLAN/api/v1/enquiries" -s "$WORK/post.lua"
done

# ---------------------------------------------------------------- report
export META_DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
export META_MACHINE="$(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(uname -sr); shared with other work"
export META_LOAD="$LOAD_START" META_WRK="wrk ${WRK_OPTS[*]} -d$DURATION" META_WARMUP="steps of $WARMUP until the app's CPU per request stops falling (two steps in a row not 7 % below the best; 3 to $WARMUP_MAX_STEPS steps)"
export META_PG="PostgreSQL $("${PSQL[@]}" -d nolan -Atc 'SHOW server_version') on 127.0.0.1: fsync=on, synchronous_commit=on, full_page_writes=on, shared_buffers=512MB, max_connections=200; pg_stat_statements $([ "${BENCH_PGSS:-1}" = 1 ] && echo loaded || echo off) ${BENCH_PG_SETTINGS:-}; Npgsql: $NPGSQL_DEFAULTS${BENCH_NPGSQL:+;$BENCH_NPGSQL}"
export META_DATA="$("${PSQL[@]}" -d nolan -Atc "SELECT format('%s enquiries at the end (100,000 seeded for southend-on-sea over ten years, 2,000 of them member@southend-on-sea.demo''s, of which %s live: Nolan''s list returns %s rows, the baseline SELECT %s), %s activities, %s audit events', (SELECT count(*) FROM enquiries), $DEMO_LIVE, $LIST_ROWS, $SELECT_ROWS, (SELECT count(*) FROM enquiry_activities), (SELECT count(*) FROM audit_events))")"
"$PY" -c 'import json, os, sys; json.dump({k: os.environ["META_" + v] for k, v in [("date", "DATE"), ("machine", "MACHINE"), ("load_start", "LOAD"), ("wrk", "WRK"), ("warmup", "WARMUP"), ("postgres", "PG"), ("dataset", "DATA")]}, open(sys.argv[1], "w"))' "$WORK/meta.json"
rc=0
"${HELPER[@]}" report --runs "$RUNS" --meta "$WORK/meta.json" --results "$RESULTS" || rc=$?
[ "$KEEP" = 1 ] && echo "bench: raw wrk output and pg_stat_statements dumps are in $WORK"
exit "$rc"
