#!/usr/bin/env bash
# Two API builds side by side on one warehouse, wrk alternating between them in short rounds, so
# that both see the same machine (this VM's speed varies from one minute to the next).
#
# Usage: scripts/bench-api-compare.sh WAREHOUSE BEFORE_JAR AFTER_JAR [ROUND_SECONDS] [ROUNDS]
# Prints, per endpoint, each round's requests/s and p99 of both builds (32 connections, wrk -t1,
# 5 s of warm-up of each build per endpoint). Ports 18190 and 18191.
set -euo pipefail

WAREHOUSE="${1:?usage: scripts/bench-api-compare.sh WAREHOUSE BEFORE_JAR AFTER_JAR [ROUND_SECONDS] [ROUNDS]}"
BEFORE="${2:?before jar}"
AFTER="${3:?after jar}"
SECONDS_PER_ROUND="${4:-8}"
ROUNDS="${5:-3}"
AUTH="Authorization: Basic $(printf 'cfo:cfo' | base64)"
command -v wrk >/dev/null || { echo "bench-api-compare: wrk is missing (apt-get install wrk)" >&2; exit 2; }

java -Xmx1g -jar "$BEFORE" --warehouse "$WAREHOUSE" --port 18190 --profile demo >/dev/null 2>&1 &
FIRST=$!
java -Xmx1g -jar "$AFTER" --warehouse "$WAREHOUSE" --port 18191 --profile demo >/dev/null 2>&1 &
SECOND=$!
trap 'kill $FIRST $SECOND 2>/dev/null || true' EXIT
for port in 18190 18191; do
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
done

for path in /actuator/health /api/v1/dso "/api/v1/aged-balance?groupBy=debtor&page=0" \
    /api/v1/worklists/COL-001 /api/v1/forecast; do
  for port in 18190 18191; do
    wrk -t1 -c32 -d5s -H "$AUTH" "http://127.0.0.1:$port$path" >/dev/null
  done
  line="$path"
  for _ in $(seq 1 "$ROUNDS"); do
    for port in 18190 18191; do
      out="$(wrk -t1 -c32 -d"${SECONDS_PER_ROUND}s" --latency -H "$AUTH" "http://127.0.0.1:$port$path")"
      label=$([[ $port == 18190 ]] && echo before || echo after)
      line="$line | $label $(awk '/^Requests\/sec/ {printf "%d", $2}' <<<"$out") req/s p99 $(awk '$1 == "99%" {print $2}' <<<"$out")"
    done
  done
  echo "$line"
done
