#!/usr/bin/env bash
# Benchmark: the floor of any Spark ingestion of a snapshot on this machine, local[2]. Times the
# operations the data contract cannot do without (start, copy every table, count the rows of
# every key, join the invoices' children to the invoice ids), with none of its rules: see
# scripts/bench/SparkFloor.java. Their sum is what no Spark implementation of issue 3 can go
# under here, however its rules are written.
#
#   scripts/bench-spark-floor.sh SNAPSHOT_ROOT      # the latest snapshot_date=… under it
#
# Environment: BENCH_DIR (scratch, default /tmp/encours-bench-floor), BENCH_OUT (results file,
# default $BENCH_DIR/results.txt), ENCOURS_SPARK_HEAP (default 6g). A fixed Python loop (10^7
# additions) is timed before and after as a ruler of the machine's speed: on this VM it has taken
# from 1.0 to 5.5 s, sometimes within minutes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -eq 1 ]] || { echo "usage: $0 SNAPSHOT_ROOT" >&2; exit 2; }
SNAPSHOT="$(ls -d "$(cd "$1" && pwd)"/snapshot_date=* | sort | tail -1)"
BENCH_DIR="${BENCH_DIR:-/tmp/encours-bench-floor}"
OUT="${BENCH_OUT:-$BENCH_DIR/results.txt}"
export ENCOURS_SPARK_HEAP="${ENCOURS_SPARK_HEAP:-6g}"
JAR="$ROOT/analytics/target/encours-pipeline.jar"
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
# shellcheck source=../bin/lib/spark-jvm-flags.sh
source "$ROOT/bin/lib/spark-jvm-flags.sh"
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$BENCH_DIR"
rm -rf "$BENCH_DIR/copy"
trap 'rm -rf "$BENCH_DIR/copy"' EXIT

# Compiled first: the java source launcher would compile inside the timed JVM.
CP="$JAR:$ROOT/analytics/target/lib/*"
mkdir -p "$BENCH_DIR/classes"
javac -nowarn -d "$BENCH_DIR/classes" -cp "$CP" "$ROOT/scripts/bench/SparkFloor.java"

ruler() {
  /usr/bin/time -f %e /usr/bin/python3 -c 's = 0
for i in range(10**7): s += i' 2>&1
}
# shellcheck source=lib/gnu-time.sh
source "$ROOT/scripts/lib/gnu-time.sh"

before="$(ruler)"
/usr/bin/time -v -o "$BENCH_DIR/floor.time" java "-Xmx$ENCOURS_SPARK_HEAP" "${SPARK_JVM_FLAGS[@]}" \
  -cp "$BENCH_DIR/classes:$CP" SparkFloor "$SNAPSHOT" "$BENCH_DIR/copy" \
  > "$BENCH_DIR/floor.out" 2> "$BENCH_DIR/floor.log" || { tail -20 "$BENCH_DIR/floor.log" >&2; exit 1; }
after="$(ruler)"
{
  echo "spark floor $(date -u +%Y-%m-%dT%H:%M:%SZ) snapshot=$SNAPSHOT local[2] heap=$ENCOURS_SPARK_HEAP"
  cat "$BENCH_DIR/floor.out"
  echo "process wall=$(wall_seconds "$BENCH_DIR/floor.time")s peak_rss_mb=$(rss_mib "$BENCH_DIR/floor.time")"
  echo "ruler (Python loop) before=${before}s after=${after}s"
} | tee -a "$OUT"
