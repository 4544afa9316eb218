#!/usr/bin/env bash
# Deployment smoke test: build the image, run the Compose stack against a fake Bot API on
# 127.0.0.1, prove the containerised bot answers a forwarded article with the checklist, restart
# it and prove the database survived, check the health status, tear everything down.
# Exits non-zero on any failure. Needs Docker with compose v2 and the repository's venv (for
# `python -m testkit.fake_telegram`). On a machine without registry access run
# `sudo shared/tools/docker-offline start` first.
#   deploy/smoke.sh      env: SMOKE_PYTHON (default .venv/bin/python), SMOKE_REPLY_TIMEOUT (120 s)
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${SMOKE_PYTHON:-.venv/bin/python}
PROJECT=sourcecheck-smoke
TOKEN="123456789:smoke-test-token-not-real"
# What a careful reader finds in the sample: the outlet and the original it republishes.
EXPECT=("Global Research" "InfoBrics")
REPLIES=(--method sendMessage --method editMessageText)
TMP=$(mktemp -d)
FAKE_PID=""
STARTED=$SECONDS
COMPOSE=(docker compose --ansi never -p "$PROJECT" -f deploy/compose.yaml -f deploy/compose.smoke.yaml)
export SOURCECHECK_ENV_FILE="$TMP/smoke.env"

step() { printf 'smoke: [%3ss] %s\n' "$((SECONDS - STARTED))" "$*"; }
fail() { echo "smoke: FAILED: $*" >&2; exit 1; }

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ "$status" -ne 0 ]; then
    echo "smoke: --- container logs (last 60 lines) ---" >&2
    "${COMPOSE[@]}" logs --no-color --tail 60 >&2 2>/dev/null || true
    if [ -s "$TMP/fake-api.log" ]; then
      echo "smoke: --- fake Bot API log (last 20 lines) ---" >&2
      tail -20 "$TMP/fake-api.log" >&2
    fi
  fi
  "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  if [ -n "$FAKE_PID" ]; then kill "$FAKE_PID" 2>/dev/null || true; wait "$FAKE_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
  if [ "$status" -eq 0 ]; then
    echo "smoke: PASSED in $((SECONDS - STARTED))s"
  else
    echo "smoke: FAILED after $((SECONDS - STARTED))s (exit $status)" >&2
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

client() { "$PY" deploy/smoke_client.py --api "$API" "$@"; }
calls() { client count "$@"; }

health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$1"; }

wait_healthy() {  # container, seconds
  local deadline=$((SECONDS + $2)) status=starting
  while [ "$SECONDS" -lt "$deadline" ]; do
    status=$(health "$1")
    [ "$status" = healthy ] && return 0
    [ "$(docker inspect -f '{{.State.Running}}' "$1")" = true ] || fail "the container stopped"
    sleep 1
  done
  docker inspect -f '{{range .State.Health.Log}}{{.ExitCode}} {{.Output}}{{end}}' "$1" >&2 || true
  fail "health status is '$status' after $2s, not healthy"
}

# One line of JSON: every table in the bot's database and its row count.
db_tables() {
  "${COMPOSE[@]}" exec -T bot python3 -c '
import json, os, sqlite3
path = os.environ["SOURCECHECK_DB"]
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
names = [r[0] for r in db.execute("select name from sqlite_master where type = \"table\"")]
print(json.dumps({n: db.execute(f"select count(*) from \"{n}\"").fetchone()[0] for n in names}))'
}

# Every table that had rows before still has at least as many (nothing was lost).
compare_tables() {  # before-json after-json
  "$PY" -c '
import json, sys
before, after = json.loads(sys.argv[1]), json.loads(sys.argv[2])
lost = {n: (c, after.get(n)) for n, c in before.items() if c and (after.get(n) or 0) < c}
sys.exit(f"rows lost: {lost}" if lost else 0)' "$1" "$2"
}

# Rows in the tables whose name says "cache" (the stored checklists).
cache_rows() {
  "$PY" -c '
import json, sys
tables = json.loads(sys.argv[1])
print(sum(c for n, c in tables.items() if "cache" in n.lower()))' "$1"
}

send_and_expect_checklist() {  # message-id
  local before
  before=$(calls)
  client send --message-id "$1"
  client wait "${REPLIES[@]}" --after "$before" --token "$TOKEN" --timeout "${SMOKE_REPLY_TIMEOUT:-120}" \
    --contains "${EXPECT[0]}" --contains "${EXPECT[1]}" >"$TMP/reply.txt" \
    || fail "no checklist naming ${EXPECT[*]} in the bot's reply to message $1"
}

# --- preflight ----------------------------------------------------------------------------
docker info >/dev/null 2>&1 || fail "no Docker engine answers (try: sudo shared/tools/docker-offline start)"
docker compose version >/dev/null 2>&1 || fail "docker compose v2 is missing"
"$PY" -c 'import testkit.fake_telegram' 2>/dev/null || fail "$PY cannot import testkit.fake_telegram (set SMOKE_PYTHON)"
"${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true

# --- build ----------------------------------------------------------------------------------
step "building the image"
build_started=$SECONDS
FAKE_API_PORT=0 "${COMPOSE[@]}" build >"$TMP/build.log" 2>&1 || { tail -40 "$TMP/build.log" >&2; fail "docker compose build"; }
size=$(docker image inspect -f '{{.Size}}' sourcecheck:smoke)
step "image sourcecheck:smoke built in $((SECONDS - build_started))s, $((size / 1000000)) MB"

# --- fake Bot API on 127.0.0.1 ----------------------------------------------------------------
FAKE_API_PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export FAKE_API_PORT
API="http://127.0.0.1:$FAKE_API_PORT"
"$PY" -m testkit.fake_telegram --host 127.0.0.1 --port "$FAKE_API_PORT" --token "$TOKEN" >"$TMP/fake-api.log" 2>&1 &
FAKE_PID=$!
for _ in $(seq 100); do grep -q "listening on" "$TMP/fake-api.log" && break; sleep 0.1; done
grep -q "listening on" "$TMP/fake-api.log" || fail "the fake Bot API did not start"
step "fake Bot API listening on $API"

# --- up -------------------------------------------------------------------------------------
printf 'TELEGRAM_BOT_TOKEN=%s\nSOURCECHECK_LOG_LEVEL=DEBUG\n' "$TOKEN" >"$SOURCECHECK_ENV_FILE"
"${COMPOSE[@]}" up -d --no-build >"$TMP/up.log" 2>&1 || { cat "$TMP/up.log" >&2; fail "docker compose up"; }
CID=$("${COMPOSE[@]}" ps -q bot)
[ -n "$CID" ] || fail "no bot container"
[ "$(docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$CID")" = true ] || fail "root filesystem is writable"
[ "$(docker inspect -f '{{.Config.User}}' "$CID")" = sourcecheck ] || fail "the bot does not run as user sourcecheck"
client wait --method getUpdates --token "$TOKEN" --timeout 90 >/dev/null \
  || fail "the bot never polled the fake Bot API"
step "the bot is polling (read-only root filesystem, user sourcecheck)"

# --- a forwarded article gets its checklist -------------------------------------------------
send_and_expect_checklist 1
step "the bot answered the forwarded sample with the checklist ($(wc -c <"$TMP/reply.txt") bytes)"
wait_healthy "$CID" 90
step "health status: healthy"
before=$(db_tables)
[ "$(cache_rows "$before")" -ge 1 ] || fail "no cached result in the database: $before"
step "database: $before"

# --- restart: the database survives ---------------------------------------------------------
getme=$(calls --method getMe)
"${COMPOSE[@]}" restart bot >/dev/null 2>&1 || fail "docker compose restart"
for _ in $(seq 300); do [ "$(calls --method getMe)" -gt "$getme" ] && break; sleep 0.3; done
[ "$(calls --method getMe)" -gt "$getme" ] || fail "the restarted bot never called getMe"
after=$(db_tables)
compare_tables "$before" "$after" || fail "the database lost rows across the restart"
step "restarted; the database kept its rows: $after"
send_and_expect_checklist 2
again=$(db_tables)
[ "$(cache_rows "$again")" -eq "$(cache_rows "$before")" ] \
  || fail "the same article was stored again instead of answered from the cache: $again"
step "the same article was answered from the cache after the restart"
wait_healthy "$CID" 90
step "health status after the restart: healthy"

# --- recreate (what an upgrade does): the volume survives a new container -------------------
getme=$(calls --method getMe)
"${COMPOSE[@]}" up -d --no-build --force-recreate >/dev/null 2>&1 || fail "docker compose up --force-recreate"
for _ in $(seq 300); do [ "$(calls --method getMe)" -gt "$getme" ] && break; sleep 0.3; done
[ "$(calls --method getMe)" -gt "$getme" ] || fail "the recreated bot never called getMe"
compare_tables "$again" "$(db_tables)" || fail "the database lost rows when the container was recreated"
step "recreated the container; the volume kept the database"

# --- down -----------------------------------------------------------------------------------
"${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || fail "docker compose down -v"
step "torn down; image sourcecheck:smoke is $((size / 1000000)) MB"
