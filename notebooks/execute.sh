#!/usr/bin/env bash
# Executes every notebooks/*.ipynb against a demo API serving WAREHOUSE.
#
#   notebooks/execute.sh WAREHOUSE [--inplace]
#
# Starts api/target/encours-api.jar (demo profile) over WAREHOUSE on a free port, waits for it,
# runs each notebook with Debian's Jupyter (/usr/bin/jupyter nbconvert --execute, kernel
# python3 = /usr/bin/python3), and always stops the server. Executed notebooks go to
# notebooks/target/ (CI leaves the committed files alone), or replace the committed ones with
# --inplace (to refresh the outputs shown on the repository page). One line per notebook;
# exit 1 if any notebook fails, 2 on a bad command line or a missing prerequisite.
#
# Environment: ENCOURS_NOTEBOOK_PORT (default: a free port), ENCOURS_NOTEBOOK_CELL_TIMEOUT
# (seconds per cell, default 300), ENCOURS_NOTEBOOK_START_TIMEOUT (seconds for the API to
# come up, default 180). ENCOURS_USER / ENCOURS_PASSWORD pass through to the notebooks.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
JAR="$ROOT/api/target/encours-api.jar"
NBCONVERT=/usr/bin/jupyter-nbconvert
JUPYTER=/usr/bin/jupyter
KERNEL_PYTHON=/usr/bin/python3
APT_LINE="apt-get install -y python3-pandas python3-matplotlib python3-requests jupyter-nbconvert python3-ipykernel"

usage() {
  sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

refuse() {
  echo "execute.sh: $*" >&2
  exit 2
}

bad_usage() {
  echo "usage: notebooks/execute.sh WAREHOUSE [--inplace]   (--help for more)" >&2
  refuse "$@"
}

WAREHOUSE=""
INPLACE=0
for arg in "$@"; do
  case "$arg" in
    --inplace) INPLACE=1 ;;
    -h|--help) usage; exit 0 ;;
    -*) bad_usage "unknown option $arg" ;;
    *) [[ -z "$WAREHOUSE" ]] || bad_usage "one WAREHOUSE only (got '$WAREHOUSE' and '$arg')"; WAREHOUSE="$arg" ;;
  esac
done
[[ -n "$WAREHOUSE" ]] || bad_usage "WAREHOUSE is required"

# Prerequisites, each with what to do about it.
[[ -x "$NBCONVERT" && -x "$JUPYTER" ]] \
  || refuse "Debian's Jupyter is missing ($NBCONVERT): $APT_LINE"
"$KERNEL_PYTHON" -c 'import pandas, matplotlib, requests, ipykernel' 2>/dev/null \
  || refuse "$KERNEL_PYTHON lacks pandas, matplotlib, requests or ipykernel: $APT_LINE"
[[ -f "$JAR" ]] || refuse "$JAR is missing: build it with ./mvnw -B -pl api -am package -DskipTests"
JAVA="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && JAVA="$JAVA_HOME/bin/java"
command -v "$JAVA" >/dev/null || refuse "no java: set JAVA_HOME or put java on the PATH"
[[ -d "$WAREHOUSE" ]] || refuse "warehouse $WAREHOUSE does not exist (the api module's tests publish the sample into api/target/sample-warehouse; or run bin/encours pipeline)"
[[ -f "$WAREHOUSE/db/CURRENT" ]] || refuse "warehouse $WAREHOUSE has no published run ($WAREHOUSE/db/CURRENT missing)"
WAREHOUSE="$(cd "$WAREHOUSE" && pwd)"

shopt -s nullglob
NOTEBOOKS=("$HERE"/*.ipynb)
shopt -u nullglob
(( ${#NOTEBOOKS[@]} > 0 )) || refuse "no notebook in $HERE"

PORT="${ENCOURS_NOTEBOOK_PORT:-$("$KERNEL_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')}"
[[ "$PORT" =~ ^[0-9]+$ ]] || refuse "bad port '$PORT'"
# A port already taken would send the notebooks to someone else's server: refuse it.
"$KERNEL_PYTHON" -c 'import socket, sys; s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.close()' "$PORT" 2>/dev/null \
  || refuse "port $PORT is already in use (choose another with ENCOURS_NOTEBOOK_PORT, or leave it unset for a free one)"
CELL_TIMEOUT="${ENCOURS_NOTEBOOK_CELL_TIMEOUT:-300}"
START_TIMEOUT="${ENCOURS_NOTEBOOK_START_TIMEOUT:-180}"
OUT="$HERE/target"
mkdir -p "$OUT/logs"
SERVER_LOG="$OUT/logs/api-server.log"
URL="http://127.0.0.1:$PORT"

SERVER_PID=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "execute.sh: starting the API on $URL over $WAREHOUSE (log: $SERVER_LOG)"
"$JAVA" -XX:TieredStopAtLevel=1 -Xmx512m -jar "$JAR" --warehouse "$WAREHOUSE" --port "$PORT" --profile demo \
  >"$SERVER_LOG" 2>&1 </dev/null &
SERVER_PID=$!

# Up means: health answers UP and a run is served (/meta is 200 for the analyst).
if ! "$KERNEL_PYTHON" - "$URL" "$START_TIMEOUT" "$SERVER_PID" <<'PY'
import base64, json, os, sys, time, urllib.error, urllib.request
url, timeout, pid = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
deadline, last = time.monotonic() + timeout, "no answer"
auth = base64.b64encode(b"analyst:analyst").decode()
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        print("execute.sh: the API process exited during start-up", file=sys.stderr)
        sys.exit(1)
    try:
        with urllib.request.urlopen(url + "/actuator/health", timeout=5) as r:
            if json.load(r).get("status") == "UP":
                req = urllib.request.Request(url + "/api/v1/meta", headers={"Authorization": "Basic " + auth})
                with urllib.request.urlopen(req, timeout=10) as m:
                    meta = json.load(m)
                    os.kill(pid, 0)   # still ours: the answer did not come from another server
                    print(f"execute.sh: API up, serving run {meta['runId']} (snapshot {meta['snapshotDate']})")
                    sys.exit(0)
    except urllib.error.HTTPError as e:
        last = f"HTTP {e.code}: {e.read()[:300].decode(errors='replace')}"
    except (OSError, ValueError) as e:
        last = str(e)
    time.sleep(1)
print(f"execute.sh: the API did not come up within {timeout:.0f} s (last: {last})", file=sys.stderr)
sys.exit(1)
PY
then
  echo "----- last lines of $SERVER_LOG -----" >&2
  tail -n 40 "$SERVER_LOG" >&2 || true
  exit 1
fi

# The kernel is Debian's python3 (/usr/share/jupyter/kernels/python3); keep any other Python's
# paths out of it.
run_env=(env -u PYTHONPATH -u PYTHONHOME PYTHONNOUSERSITE=1 PYTHONDONTWRITEBYTECODE=1 PYDEVD_DISABLE_FILE_VALIDATION=1
         ENCOURS_API_URL="$URL" ENCOURS_EXPORT_DIR="$OUT/exports")
if (( INPLACE )); then
  where=(--inplace)
else
  where=(--output-dir "$OUT")
fi

failed=0
for nb in "${NOTEBOOKS[@]}"; do
  name="$(basename "$nb")"
  log="$OUT/logs/${name%.ipynb}.log"
  start=$(date +%s.%N)
  if (cd "$HERE" && "${run_env[@]}" "$JUPYTER" nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name=python3 \
        --ExecutePreprocessor.timeout="$CELL_TIMEOUT" \
        --ExecutePreprocessor.record_timing=False \
        "${where[@]}" "$nb") >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed=$((failed + 1))
  fi
  secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  printf '%-6s %-40s %6s s\n' "$status" "$name" "$secs"
  if [[ "$status" == FAILED ]]; then
    # The failing line and the error, as nbconvert reports them (colours stripped).
    sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
      /^-+> / && at == "" { at = $0 } NF { last = $0 }
      END { if (at != "") print "    " at; print "    " last; }'
  fi
done

stop_server
if (( failed )); then
  echo "execute.sh: $failed of ${#NOTEBOOKS[@]} notebook(s) failed (logs in $OUT/logs)" >&2
  exit 1
fi
echo "execute.sh: ${#NOTEBOOKS[@]} notebook(s) executed against $WAREHOUSE$( (( INPLACE )) && echo ' (in place)' || echo " into $OUT")"
