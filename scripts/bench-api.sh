#!/usr/bin/env bash
# API under load: wrk (Debian package `wrk`) on loopback against encours-api.jar serving a
# published warehouse, 32 connections, for the series endpoints of issue 6 and, in the same
# run, a trivial endpoint of the same application as the ceiling.
#
# Usage: scripts/bench-api.sh WAREHOUSE [DURATION_SECONDS]
#   WAREHOUSE  a folder with db/CURRENT (e.g. a 5M-invoice pipeline run)
# Environment: ENCOURS_BENCH_PORT (default 18180), ENCOURS_BENCH_CONNECTIONS (default 32),
#   ENCOURS_BENCH_JAVA_OPTS (extra JVM options of the API, e.g. a GC), ENCOURS_BENCH_WRK_THREADS
#   (default 1: on 2 cores, wrk and the API share the machine),
#   ENCOURS_BENCH_COLLECTOR (default: the smallest collector id the API's /me shows to cfo),
#   ENCOURS_BENCH_JAR (default api/target/encours-api.jar; another build to compare).
# Prints one line per endpoint: requests/s, p50, p99, and non-2xx responses.
set -euo pipefail

HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WAREHOUSE="${1:?usage: scripts/bench-api.sh WAREHOUSE [DURATION_SECONDS]}"
DURATION="${2:-20}"
PORT="${ENCOURS_BENCH_PORT:-18180}"
CONNECTIONS="${ENCOURS_BENCH_CONNECTIONS:-32}"
WRK_THREADS="${ENCOURS_BENCH_WRK_THREADS:-1}"
JAR="${ENCOURS_BENCH_JAR:-$HOME_DIR/api/target/encours-api.jar}"
AUTH="Authorization: Basic $(printf 'cfo:cfo' | base64)"

command -v wrk >/dev/null || { echo "bench-api: wrk is missing (apt-get install wrk)" >&2; exit 2; }
[[ -f "$JAR" ]] || { echo "bench-api: $JAR is missing (./mvnw -pl api package -DskipTests)" >&2; exit 2; }
[[ -f "$WAREHOUSE/db/CURRENT" ]] || { echo "bench-api: no published run in $WAREHOUSE/db" >&2; exit 2; }

LOG="$(mktemp -t encours-bench-api.XXXXXX.log)"
# shellcheck disable=SC2086
java -Xmx1g ${ENCOURS_BENCH_JAVA_OPTS:-} -jar "$JAR" --warehouse "$WAREHOUSE" --port "$PORT" --profile demo >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "bench-api: the API exited; its log:" >&2; cat "$LOG" >&2; exit 1; }
  sleep 0.5
done
curl -fs -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/meta" >/dev/null \
  || { echo "bench-api: /api/v1/meta does not answer 200; log: $LOG" >&2; exit 1; }

COLLECTOR="${ENCOURS_BENCH_COLLECTOR:-$(curl -fs -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/me" \
  | grep -o '"collectorId":"[^"]*"' | head -1 | cut -d'"' -f4 || true)}"
COLLECTOR="${COLLECTOR:-COL-001}"

ENDPOINTS=(
  "/actuator/health"
  "/api/v1/dso"
  "/api/v1/aged-balance?groupBy=debtor&page=0"
  "/api/v1/worklists/$COLLECTOR"
  "/api/v1/forecast"
)

echo "bench-api: $(curl -fs -H "$AUTH" "http://127.0.0.1:$PORT/api/v1/meta" | grep -o '"runId":"[^"]*"'), \
$CONNECTIONS connections, ${DURATION}s per endpoint after 5 s of warm-up of each, wrk -t$WRK_THREADS"
# Every endpoint is warmed up before any is measured: the request path they share (Tomcat, the
# security filters, the response cache) is then compiled by the JIT before the first measurement,
# instead of inside it.
for path in "${ENDPOINTS[@]}"; do
  url="http://127.0.0.1:$PORT$path"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$url")
  [[ "$status" == 200 ]] || { echo "bench-api: $path answers $status" >&2; exit 1; }
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d5s -H "$AUTH" "$url" >/dev/null
done
printf '%-45s %10s %9s %9s %8s\n' endpoint "req/s" p50 p99 non-2xx
for path in "${ENDPOINTS[@]}"; do
  url="http://127.0.0.1:$PORT$path"
  out="$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$AUTH" "$url")"
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses/ {print $NF}' <<<"$out")
  printf '%-45s %10s %9s %9s %8s\n' "$path" "$rps" "$p50" "$p99" "${errors:-0}"
done
