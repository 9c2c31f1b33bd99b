#!/usr/bin/env bash
# Runs every Nolan test: installs missing prerequisites (Debian 12), starts a
# throw-away PostgreSQL, SMTP sink and OpenID Connect provider, builds once, checks formatting, then runs
# the whole suite once per database (sqlite, postgres) and prints one closing
# line: "N passed, N failed[, N skipped]".
#
# Usage: ./test.sh [--filter EXPR]
#   NOLAN_TEST_DATABASES="sqlite postgres"   passes to run (default both)
#   NOLAN_SKIP_FORMAT=1                      skip the `dotnet format` gate
#
# Tests receive:
#   NOLAN_TEST_DATABASE   sqlite | postgres (the current pass)
#   NOLAN_TEST_POSTGRES   Npgsql connection string (server-level, db "postgres")
#   NOLAN_TEST_SMTP_HOST / NOLAN_TEST_SMTP_PORT / NOLAN_TEST_SMTP_DIR
#   NOLAN_TEST_OIDC_ISSUER  a real OpenID Connect provider (oidc-provider, tests/oidc-provider)
#   NOLAN_CHROMIUM        path of the chromium binary
#   NOLAN_SCREENSHOTS_DIR absolute path of artifacts/screenshots
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

# ---------------------------------------------------------------- arguments
FILTER=""
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) [ $# -ge 2 ] || { echo "test.sh: --filter needs an expression" >&2; exit 2; }
              FILTER="$2"; shift 2 ;;
    --filter=*) FILTER="${1#--filter=}"; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown argument '$1' (usage: ./test.sh [--filter EXPR])" >&2; exit 2 ;;
  esac
done
DATABASES="${NOLAN_TEST_DATABASES:-sqlite postgres}"
for db in $DATABASES; do
  case "$db" in sqlite|postgres) ;; *) echo "test.sh: unknown database '$db' in NOLAN_TEST_DATABASES" >&2; exit 2 ;; esac
done

if [ -f Nolan.sln ]; then SLN=Nolan.sln; else SLN=Nolan.slnx; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Leave no MSBuild node / compiler server running after the script.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
NO_SERVERS=(-nodeReuse:false -p:UseSharedCompilation=false -p:UseRazorBuildServer=false)

log() { printf '==> %s\n' "$*"; }

# ---------------------------------------------------------------- prerequisites
PG_BIN=/usr/lib/postgresql/15/bin
# Debian's python3 (not a pyenv/venv one) sees the python3-aiosmtpd package.
PY=/usr/bin/python3
[ -x "$PY" ] || PY="$(command -v python3 || true)"

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); fi
fi

missing=()
[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
{ [ -n "$PY" ] && "$PY" -c 'import aiosmtpd' >/dev/null 2>&1; } || missing+=(python3-aiosmtpd)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && [ ${#SUDO[@]} -eq 0 ]; then
    echo "test.sh: missing packages: ${missing[*]}; run as root or install sudo (or install them yourself)" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  log "installing: ${missing[*]}"
  apt_log="$(mktemp)"
  export DEBIAN_FRONTEND=noninteractive
  APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -q -y)
  if ! { "${APT[@]}" update && "${APT[@]}" install "${missing[@]}"; } >"$apt_log" 2>&1; then
    tail -n 40 "$apt_log" >&2
    echo "test.sh: apt-get failed (full log: $apt_log)" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
  rm -f "$apt_log"
  PY=/usr/bin/python3
fi
command -v dotnet >/dev/null 2>&1 || { echo "test.sh: dotnet (the .NET 10 SDK) is not on PATH" >&2; echo "0 passed, 1 failed"; exit 1; }

# ---------------------------------------------------------------- services + cleanup
WORK="$(mktemp -d "${TMPDIR:-/tmp}/nolan-test.XXXXXX")"
PG_DATA="$WORK/pg/data"
PG_STARTED=0
SMTP_PID=""
OIDC_PID=""
AS_PG=()

cleanup() {
  set +e
  if [ -n "$OIDC_PID" ]; then
    kill "$OIDC_PID" 2>/dev/null
    wait "$OIDC_PID" 2>/dev/null
    OIDC_PID=""
  fi
  if [ -n "$SMTP_PID" ]; then
    kill "$SMTP_PID" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$SMTP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SMTP_PID" 2>/dev/null
    wait "$SMTP_PID" 2>/dev/null
    SMTP_PID=""
  fi
  if [ "$PG_STARTED" = 1 ]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
    PG_STARTED=0
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  "$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

case " $DATABASES " in *" postgres "*)
  log "starting PostgreSQL"
  mkdir -p "$WORK/pg"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$WORK/pg"
    chmod 755 "$WORK"   # postgres must reach its data dir
    AS_PG=(runuser -u postgres --)
  fi
  if ! "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1; then
    rm -rf "$PG_DATA"
    "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust -U postgres --encoding=UTF8 --locale=C >"$WORK/initdb.log" 2>&1 \
      || { cat "$WORK/initdb.log" >&2; echo "0 passed, 1 failed"; exit 1; }
  fi
  started=0
  for _ in 1 2 3 4 5; do
    PG_PORT="$(free_port)"
    PG_STARTED=1
    if "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null 2>&1; then
      started=1; break
    fi
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
    PG_STARTED=0
  done
  if [ "$started" != 1 ]; then
    cat "$WORK/pg/server.log" >&2 || true
    echo "test.sh: PostgreSQL did not start" >&2
    echo "0 passed, 1 failed"; exit 1
  fi
  export NOLAN_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"
  log "PostgreSQL on 127.0.0.1:$PG_PORT"
  ;;
esac

log "starting SMTP sink"
SMTP_DIR="$WORK/mail"
mkdir -p "$SMTP_DIR"
"$PY" "$ROOT/tests/smtp-sink.py" "$SMTP_DIR" --host 127.0.0.1 --port-file "$WORK/smtp.port" \
  >"$WORK/smtp.log" 2>&1 </dev/null &
SMTP_PID=$!
for _ in $(seq 150); do
  [ -s "$WORK/smtp.port" ] && break
  kill -0 "$SMTP_PID" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$WORK/smtp.port" ]; then
  cat "$WORK/smtp.log" >&2
  echo "test.sh: SMTP sink did not start" >&2
  echo "0 passed, 1 failed"; exit 1
fi
export NOLAN_TEST_SMTP_HOST=127.0.0.1
export NOLAN_TEST_SMTP_PORT="$(cat "$WORK/smtp.port")"
export NOLAN_TEST_SMTP_DIR="$SMTP_DIR"
log "SMTP sink on 127.0.0.1:$NOLAN_TEST_SMTP_PORT writing to $SMTP_DIR"

log "starting OpenID Connect provider"
OIDC_DIR="$ROOT/tests/oidc-provider"
if [ ! -d "$OIDC_DIR/node_modules/oidc-provider" ]; then
  if ! npm ci --prefix "$OIDC_DIR" --no-audit --no-fund >"$WORK/oidc-npm.log" 2>&1; then
    cat "$WORK/oidc-npm.log" >&2
    echo "test.sh: npm ci in tests/oidc-provider failed" >&2
    echo "0 passed, 1 failed"; exit 1
  fi
fi
node "$OIDC_DIR/server.mjs" --port-file "$WORK/oidc.port" >"$WORK/oidc.log" 2>&1 </dev/null &
OIDC_PID=$!
for _ in $(seq 150); do
  [ -s "$WORK/oidc.port" ] && break
  kill -0 "$OIDC_PID" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$WORK/oidc.port" ]; then
  cat "$WORK/oidc.log" >&2
  echo "test.sh: OpenID Connect provider did not start" >&2
  echo "0 passed, 1 failed"; exit 1
fi
export NOLAN_TEST_OIDC_ISSUER="http://127.0.0.1:$(cat "$WORK/oidc.port")"
log "OpenID Connect provider at $NOLAN_TEST_OIDC_ISSUER"

export NOLAN_CHROMIUM=/usr/bin/chromium
export NOLAN_SCREENSHOTS_DIR="$ROOT/artifacts/screenshots"
mkdir -p "$NOLAN_SCREENSHOTS_DIR"
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# ---------------------------------------------------------------- build
log "dotnet build $SLN -c Release"
if ! dotnet build "$SLN" -c Release "${NO_SERVERS[@]}"; then
  echo "test.sh: build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

extra_passed=0
extra_failed=0
step_failed=0

if [ "${NOLAN_SKIP_FORMAT:-0}" = 1 ]; then
  log "dotnet format: skipped (NOLAN_SKIP_FORMAT=1)"
else
  log "dotnet format --verify-no-changes"
  if dotnet format "$SLN" --verify-no-changes --no-restore --exclude '**/Migrations/**'; then
    extra_passed=$((extra_passed + 1))
  else
    echo "test.sh: dotnet format found changes to make (run: dotnet format $SLN --exclude '**/Migrations/**')" >&2
    extra_failed=$((extra_failed + 1))
  fi
fi

# ---------------------------------------------------------------- test passes
for db in $DATABASES; do
  log "dotnet test with NOLAN_TEST_DATABASE=$db"
  args=(test "$SLN" -c Release --no-build
        --logger "trx;LogFilePrefix=$db"
        --results-directory "$RESULTS/$db"
        --blame-hang-timeout 15m --blame-hang-dump-type none)
  [ -n "$FILTER" ] && args+=(--filter "$FILTER")
  rc=0
  NOLAN_TEST_DATABASE="$db" dotnet "${args[@]}" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "test.sh: dotnet test ($db) exited with $rc" >&2
    step_failed=1
    echo "$db" >>"$WORK/failed-passes"
  fi
done

# ---------------------------------------------------------------- summary
read -r passed failed skipped <<<"$("$PY" - "$RESULTS" <<'EOF'
import glob, os, sys
import xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in sorted(glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"test.sh: unreadable TRX {path}: {e}", file=sys.stderr)
        failed += 1
        continue
    ns = root.tag[:root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    c = root.find(f"{ns}ResultSummary/{ns}Counters")
    if c is not None:
        n = lambda k: int(c.get(k, 0) or 0)
        passed += n("passed")
        failed += n("failed") + n("error") + n("timeout") + n("aborted")
    skipped += sum(1 for r in root.iter(f"{ns}UnitTestResult") if r.get("outcome") == "NotExecuted")
print(passed, failed, skipped)
EOF
)"

ran=$((passed + failed))
total_passed=$((passed + extra_passed))
total_failed=$((failed + extra_failed))
# A dotnet test pass that failed without a failed test in its TRX (crash, hang,
# missing results) still counts as one failure.
if [ "$step_failed" = 1 ] && [ "$failed" -eq 0 ]; then
  total_failed=$((total_failed + $(wc -l <"$WORK/failed-passes")))
fi

status=0
[ "$total_failed" -eq 0 ] || status=1
[ "$step_failed" -eq 0 ] || status=1
if [ "$ran" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi

log "results: $RESULTS"
if [ "$skipped" -gt 0 ]; then
  echo "$total_passed passed, $total_failed failed, $skipped skipped"
else
  echo "$total_passed passed, $total_failed failed"
fi
exit "$status"
