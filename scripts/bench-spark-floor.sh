#!/usr/bin/env bash
# Benchmark: the floor of any Spark ingestion of a snapshot on this machine, local[2]. Times the
# operations the data contract cannot do without (start, copy every table, count the rows of
# every key, join the invoices' children to the invoice ids), with none of its rules: see
# scripts/bench/SparkFloor.java. Their sum is what no Spark implementation of issue 3 can go
# under here, however its rules are written.
#
#   scripts/bench-spark-floor.sh SNAPSHOT_ROOT      # the latest snapshot_date=… under it
#
# Environment: BENCH_DIR (scratch and results, default /tmp/encours-bench-floor),
# ENCOURS_SPARK_HEAP (default 6g). A fixed Python loop is timed before and after, as a ruler
# of the machine's speed (this VM's speed varies by up to 4× within minutes).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -eq 1 ]] || { echo "usage: $0 SNAPSHOT_ROOT" >&2; exit 2; }
SNAPSHOT="$(ls -d "$(cd "$1" && pwd)"/snapshot_date=* | sort | tail -1)"
BENCH_DIR="${BENCH_DIR:-/tmp/encours-bench-floor}"
JAR="$ROOT/analytics/target/encours-pipeline.jar"
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)
# shellcheck source=lib/spark-jvm-flags.sh
source "$ROOT/bin/lib/spark-jvm-flags.sh"
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$BENCH_DIR"
rm -rf "$BENCH_DIR/copy"

# Compiled first: the java source launcher would compile inside the timed JVM.
CP="$JAR:$ROOT/analytics/target/lib/*"
mkdir -p "$BENCH_DIR/classes"
javac -nowarn -d "$BENCH_DIR/classes" -cp "$CP" "$ROOT/scripts/bench/SparkFloor.java"

ruler() {
  /usr/bin/time -f %e /usr/bin/python3 -c 's = 0
for i in range(10**7): s += i' 2>&1
}
{
  echo "spark floor $(date -u +%Y-%m-%dT%H:%M:%SZ) snapshot=$SNAPSHOT heap=${ENCOURS_SPARK_HEAP:-6g}"
  echo "ruler before: $(ruler) s"
  /usr/bin/time -v -o "$BENCH_DIR/floor.time" java "-Xmx${ENCOURS_SPARK_HEAP:-6g}" "${SPARK_JVM_FLAGS[@]}" \
    -cp "$BENCH_DIR/classes:$CP" SparkFloor "$SNAPSHOT" "$BENCH_DIR/copy" \
    2> "$BENCH_DIR/floor.log"
  echo "wall $(grep 'Elapsed (wall clock)' "$BENCH_DIR/floor.time" | awk '{print $NF}')," \
       "peak RSS $(grep 'Maximum resident set size' "$BENCH_DIR/floor.time" | awk '{printf "%d", $NF / 1024}') MiB"
  echo "ruler after: $(ruler) s"
} | tee -a "$BENCH_DIR/results.txt"
rm -rf "$BENCH_DIR/copy"
