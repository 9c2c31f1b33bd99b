#!/usr/bin/env bash
# Nolan's outbox benchmark (bench/README.md): outbox delivery throughput to a local SMTP server, in messages/s,
# beside the raw send rate of the same MailKit client over one connection with no database, in the same run.
# Prints the figures and rewrites the generated part of bench/OUTBOX_RESULTS.md. Exit code: 0 when it ran,
# 2 on a usage error, 3 when the benchmark could not run.
#
# Usage: bench/outbox.sh [--messages 5000] [--rounds 2] [--only postgres,sqlite] [--no-build] [--keep] [--results FILE]
#   --messages N  pending outbox messages to deliver in each measured run (default 5000)
#   --rounds N    measured rounds per database; each is one outbox run and one raw run, in alternating order
#   --only DBS    which databases (comma-separated): postgres (normal durability), sqlite (WAL, synchronous=FULL)
#   --no-build    use the existing Release build of bench/Nolan.Bench.Outbox
#   --keep        keep the work directory (PostgreSQL data, the SQLite file, the sink's .eml files, logs)
# Environment: BENCH_PG_SETTINGS  extra "-c name=value" options for PostgreSQL
#              BENCH_NPGSQL       extra Npgsql connection-string settings, e.g. "Max Auto Prepare=64"
#
# Everything listens on 127.0.0.1 only; everything started here (PostgreSQL, the SMTP sink) is stopped on exit.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
cd "$ROOT"

MESSAGES=5000
ROUNDS=2
ONLY="postgres,sqlite"
BUILD=1
KEEP=0
RESULTS="$BENCH/OUTBOX_RESULTS.md"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$BENCH/outbox.sh"; }
die() { echo "bench: $*" >&2; exit 3; }
while [ $# -gt 0 ]; do
  case "$1" in
    --messages) MESSAGES="${2:?--messages needs a number}"; shift 2 ;;
    --rounds) ROUNDS="${2:?--rounds needs a number}"; shift 2 ;;
    --only) ONLY="${2:?--only needs names, e.g. postgres}"; shift 2 ;;
    --results) RESULTS="${2:?--results needs a file}"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
for v in MESSAGES ROUNDS; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --${v,,} must be a positive number" >&2; exit 2; }
done
for n in ${ONLY//,/ }; do
  [[ ",postgres,sqlite," == *",$n,"* ]] || { echo "bench: unknown database '$n' in --only (postgres, sqlite)" >&2; exit 2; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
NO_SERVERS=(-nodeReuse:false -p:UseSharedCompilation=false -p:UseRazorBuildServer=false)
log() { printf '==> %s\n' "$*"; }

# ---------------------------------------------------------------- prerequisites
PG_BIN=/usr/lib/postgresql/15/bin
# Debian's python3 (not a pyenv/venv one) sees the python3-aiosmtpd package.
PY=/usr/bin/python3
SUDO=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); fi
missing=()
{ [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ]; } || missing+=(postgresql)
[ -f /usr/share/postgresql/15/extension/pg_stat_statements.control ] || missing+=(postgresql-contrib)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
{ [ -x "$PY" ] && "$PY" -c 'import aiosmtpd' >/dev/null 2>&1; } || missing+=(python3-aiosmtpd)
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
fi
command -v dotnet >/dev/null 2>&1 || die "dotnet (the .NET 10 SDK) is not on PATH"

# ---------------------------------------------------------------- cleanup
WORK="$(mktemp -d "${TMPDIR:-/tmp}/nolan-bench-outbox.XXXXXX")"
PG_DATA="$WORK/pg/data"
PG_STARTED=0
SINK_PID=""
AS_PG=()

cleanup() {
  local rc=$?
  set +e
  if [ -n "$SINK_PID" ]; then
    kill "$SINK_PID" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$SINK_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SINK_PID" 2>/dev/null
    wait "$SINK_PID" 2>/dev/null
    SINK_PID=""
  fi
  if [ "$PG_STARTED" = 1 ]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
    PG_STARTED=0
  fi
  if [ "$KEEP" = 1 ]; then
    echo "bench: kept the work directory $WORK" >&2
  else
    if [ "$rc" -ge 3 ]; then
      for f in "$WORK"/smtp.log "$WORK"/pg/server.log; do
        [ -s "$f" ] && { echo "---- last lines of $f" >&2; tail -n 25 "$f" >&2; }
      done
    fi
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- build
DRIVER_DIR="$BENCH/Nolan.Bench.Outbox"
DRIVER_DLL="$DRIVER_DIR/bin/Release/net10.0/nolan-bench-outbox.dll"
if [ "$BUILD" = 1 ]; then
  log "dotnet build -c Release: bench/Nolan.Bench.Outbox"
  dotnet build "$DRIVER_DIR/Nolan.Bench.Outbox.csproj" -c Release "${NO_SERVERS[@]}" -v quiet -nologo >"$WORK/build.log" 2>&1 \
    || { tail -n 40 "$WORK/build.log" >&2; die "building bench/Nolan.Bench.Outbox failed"; }
fi
[ -f "$DRIVER_DLL" ] || die "$DRIVER_DLL is missing (run without --no-build)"

free_port() { "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# ---------------------------------------------------------------- SMTP sink (tests/smtp-sink.py: aiosmtpd, one .eml file per message)
log "starting the SMTP sink (tests/smtp-sink.py)"
mkdir -p "$WORK/mail"
"$PY" "$ROOT/tests/smtp-sink.py" "$WORK/mail" --host 127.0.0.1 --port-file "$WORK/smtp.port" >"$WORK/smtp.log" 2>&1 </dev/null &
SINK_PID=$!
for _ in $(seq 150); do
  [ -s "$WORK/smtp.port" ] && break
  kill -0 "$SINK_PID" 2>/dev/null || break
  sleep 0.1
done
[ -s "$WORK/smtp.port" ] || die "the SMTP sink did not start"
SMTP_PORT="$(cat "$WORK/smtp.port")"
echo "    SMTP sink on 127.0.0.1:$SMTP_PORT"

# ---------------------------------------------------------------- PostgreSQL (normal durability)
PG_PID=""
if [[ ",$ONLY," == *",postgres,"* ]]; then
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
  PG_OPTS+=" -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=top -c pg_stat_statements.max=2000"
  PG_OPTS+=" ${BENCH_PG_SETTINGS:-}"
  started=0
  for _ in 1 2 3 4 5; do
    PG_PORT="$(free_port)"
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
  PG_VERSION="$("${PSQL[@]}" -d nolan -Atc 'SHOW server_version')"
  echo "    PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT"
fi

# ---------------------------------------------------------------- measured runs
SECTIONS="$WORK/sections.md"
: >"$SECTIONS"
LOAD_START="$(uptime | sed 's/.*load average: /load average /')"
log "measuring: $MESSAGES messages, $ROUNDS round(s) per database; $LOAD_START"
for db in ${ONLY//,/ }; do
  if [ "$db" = postgres ]; then
    CS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=nolan${BENCH_NPGSQL:+;$BENCH_NPGSQL}"
    CPU=(--cpu "postgres=$PG_PID")
  else
    CS="Data Source=$WORK/nolan.db"
    CPU=()
  fi
  log "$db"
  dotnet "$DRIVER_DLL" --provider "$db" --connection "$CS" --smtp-port "$SMTP_PORT" --messages "$MESSAGES" --rounds "$ROUNDS" \
    --templates "$ROOT/templates" --cpu "sink=$SINK_PID" "${CPU[@]}" --markdown "$SECTIONS" \
    || die "the $db run failed"
  # The sink keeps every message as a file: clear them between databases.
  find "$WORK/mail" -name '*.eml' -delete
done

# ---------------------------------------------------------------- report
BEGIN="<!-- bench/outbox.sh: generated results begin -->"
END="<!-- bench/outbox.sh: generated results end -->"
{
  echo "$BEGIN"
  echo
  echo "## Run of $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "- machine: $(nproc) CPUs ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(uname -sr); shared with other work; $LOAD_START at the start, $(uptime | sed 's/.*load average: /load average /') at the end"
  echo "- command: \`bench/outbox.sh --messages $MESSAGES --rounds $ROUNDS --only $ONLY\`; SMTP server: tests/smtp-sink.py (aiosmtpd, writes each message to a file) on 127.0.0.1"
  [ -n "$PG_PID" ] && echo "- PostgreSQL $PG_VERSION on 127.0.0.1: fsync=on, synchronous_commit=on, full_page_writes=on, shared_buffers=512MB; pg_stat_statements loaded${BENCH_PG_SETTINGS:+; $BENCH_PG_SETTINGS}; Npgsql: ${BENCH_NPGSQL:-defaults}"
  [[ ",$ONLY," == *",sqlite,"* ]] && echo "- SQLite: Nolan's settings (WAL, synchronous=FULL), a file in a temporary directory"
  echo "- per message: from the start of one send to the start of the next (outbox: the send, recording it as sent and, at a batch boundary, the next claim; raw: the send). \"CPU ms/message\": the driver (EF Core, MailKit, the benchmark itself), the sink, PostgreSQL (all its processes)"
  echo
  cat "$SECTIONS"
  echo "$END"
} >"$WORK/generated.md"
cat "$WORK/generated.md"
"$PY" - "$RESULTS" "$WORK/generated.md" "$BEGIN" "$END" <<'EOF'
import os, sys
path, generated, begin, end = sys.argv[1:5]
new = open(generated, encoding="utf-8").read().rstrip("\n") + "\n"
old = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Outbox benchmark results\n\nWritten by `bench/outbox.sh` (see bench/README.md).\n\n"
if begin in old and end in old:
    text = old[:old.index(begin)] + new + old[old.index(end) + len(end):].lstrip("\n")
else:
    text = old.rstrip("\n") + "\n\n" + new
open(path, "w", encoding="utf-8").write(text)
EOF
log "wrote $RESULTS"
