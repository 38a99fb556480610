#!/usr/bin/env bash
# A real Spark standalone cluster on loopback, started from the project's own Spark jars (the
# pipeline's analytics/target/lib): one Master and N Workers, each a separate JVM.
#
#   scripts/spark-cluster.sh start [--workers 2] [--cores 1] [--memory 3g] [--dir DIR]
#   scripts/spark-cluster.sh stop  [--dir DIR]
#   scripts/spark-cluster.sh status [--dir DIR]
#
# `start` prints the master URL (spark://127.0.0.1:PORT) on stdout, then:
#   bin/encours pipeline --master spark://127.0.0.1:PORT --snapshot-root … --warehouse …
#
# Workers launch executors only with SPARK_HOME set to a folder whose jars/ holds the Spark
# runtime: DIR/spark-home/jars links the pipeline's lib/ minus the application's own jars
# (the driver ships those with spark.jars, as spark-submit would) and minus DuckDB (driver only).
#
# Environment: ENCOURS_CLUSTER_PORT (master, default 7077), ENCOURS_CLUSTER_UI_PORT (master UI,
# default 8090; workers use the next ports), ENCOURS_CLUSTER_DIR (default work/cluster).
set -euo pipefail

ENCOURS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../bin/lib/spark-jvm-flags.sh
source "$ENCOURS_HOME/bin/lib/spark-jvm-flags.sh"
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_SCALA_VERSION=2.13

LIB="$ENCOURS_HOME/analytics/target/lib"
PORT="${ENCOURS_CLUSTER_PORT:-7077}"
UI_PORT="${ENCOURS_CLUSTER_UI_PORT:-8090}"
DIR="${ENCOURS_CLUSTER_DIR:-$ENCOURS_HOME/work/cluster}"
WORKERS=2
CORES=1
MEMORY=3g

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

command="${1:-}"
[[ $# -gt 0 ]] && shift
while [[ $# -gt 0 ]]; do
  case "$1" in
    --workers) WORKERS="$2"; shift 2 ;;
    --cores) CORES="$2"; shift 2 ;;
    --memory) MEMORY="$2"; shift 2 ;;
    --dir) DIR="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "spark-cluster: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
MASTER_URL="spark://127.0.0.1:$PORT"

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for() { # file pattern seconds what
  local deadline=$((SECONDS + $3))
  until grep -q "$2" "$1" 2>/dev/null; do
    if (( SECONDS > deadline )); then
      echo "spark-cluster: $4 did not start within $3 s; see $1" >&2
      tail -20 "$1" >&2 || true
      stop_all
      exit 1
    fi
    sleep 0.5
  done
}

spark_home() {
  rm -rf "$DIR/spark-home"
  mkdir -p "$DIR/spark-home/jars"
  local jar
  for jar in "$LIB"/*.jar; do
    case "$(basename "$jar")" in
      encours-*|duckdb_jdbc-*) ;;
      *) ln -s "$jar" "$DIR/spark-home/jars/" ;;
    esac
  done
}

start_daemon() { # name class args...
  local name="$1" class="$2"; shift 2
  SPARK_HOME="$DIR/spark-home" nohup java -Xmx512m "${SPARK_JVM_FLAGS[@]}" \
    -Dlog4j2.configurationFile="$DIR/log4j2.properties" -cp "$LIB/*" "$class" "$@" \
    >"$DIR/logs/$name.log" 2>&1 &
  echo $! >"$DIR/$name.pid"
}

start_all() {
  if [[ ! -d "$LIB" ]]; then
    echo "spark-cluster: $LIB is missing; build first (./mvnw -DskipTests package)" >&2
    exit 2
  fi
  if alive "$DIR/master.pid"; then
    echo "spark-cluster: already running ($DIR/master.pid); stop it first" >&2
    exit 2
  fi
  mkdir -p "$DIR/logs" "$DIR/work"
  spark_home
  # The daemons log at INFO into their own files (their registration lines are what we wait on).
  cat >"$DIR/log4j2.properties" <<'LOG4J'
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss.SSS} %p %c{1}: %m%n
LOG4J
  start_daemon master org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$PORT" --webui-port "$UI_PORT"
  wait_for "$DIR/logs/master.log" "I have been elected leader" 60 "the master"
  local i
  for ((i = 1; i <= WORKERS; i++)); do
    mkdir -p "$DIR/work/worker-$i"
    start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --cores "$CORES" --memory "$MEMORY" --webui-port "$((UI_PORT + i))" \
      --work-dir "$DIR/work/worker-$i" "$MASTER_URL"
  done
  for ((i = 1; i <= WORKERS; i++)); do
    wait_for "$DIR/logs/worker-$i.log" "Successfully registered with master" 60 "worker $i"
  done
  echo "spark-cluster: master $MASTER_URL, $WORKERS worker(s) × $CORES core(s), $MEMORY each; UI http://127.0.0.1:$UI_PORT; logs in $DIR/logs" >&2
  echo "$MASTER_URL"
}

stop_all() {
  local pidfile
  for pidfile in "$DIR"/worker-*.pid "$DIR"/master.pid; do
    [[ -f "$pidfile" ]] || continue
    if alive "$pidfile"; then
      kill "$(cat "$pidfile")" 2>/dev/null || true
      local waited=0
      while alive "$pidfile" && (( waited < 20 )); do sleep 0.5; waited=$((waited + 1)); done
      alive "$pidfile" && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
  # Executors are children of the workers; a worker killed hard leaves them behind.
  pkill -f "org.apache.spark.executor.*$MASTER_URL" 2>/dev/null || true
  pkill -f "CoarseGrainedExecutorBackend.*--worker-url.*" -P 1 2>/dev/null || true
}

case "$command" in
  start) start_all ;;
  stop) stop_all; echo "spark-cluster: stopped" >&2 ;;
  status)
    for pidfile in "$DIR"/master.pid "$DIR"/worker-*.pid; do
      [[ -f "$pidfile" ]] || continue
      if alive "$pidfile"; then state=running; else state=dead; fi
      echo "$(basename "$pidfile" .pid): $state (pid $(cat "$pidfile"))"
    done ;;
  -h|--help|help|"") usage ;;
  *) echo "spark-cluster: unknown command $command" >&2; usage >&2; exit 2 ;;
esac
