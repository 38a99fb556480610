#!/usr/bin/env bash
# Benchmark: the Spark ingestion of a snapshot against its single-machine reference written in
# DuckDB SQL (scripts/duckdb/ingestion-reference.sql: the same rules, counts and writes), on the
# same files, one after the other, each under /usr/bin/time -v. Prints the wall time and peak
# RSS of each and the ratio Spark / DuckDB, then checks (untimed) that both produced the same
# counts per table and reason and the same rows (scripts/duckdb/check-ingestion.sql).
#
#   scripts/bench-ingestion.sh SNAPSHOT_ROOT        # the latest snapshot_date=… under it
#
# Spark: bin/encours ingest --master 'local[2]' with ENCOURS_SPARK_HEAP (default 6g).
# DuckDB: 2 threads (BENCH_DUCKDB_THREADS), memory_limit BENCH_DUCKDB_MEMORY (default 6GB), spills
# to BENCH_DIR. Both times include the JVM start, reading, validating and writing Parquet.
# Environment: BENCH_DIR (default /tmp/encours-bench-ingest), BENCH_OUT (results file, default
# $BENCH_DIR/results.txt), BENCH_VERIFY=0 to skip the check.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ $# -eq 1 ]] || { echo "usage: $0 SNAPSHOT_ROOT" >&2; exit 2; }
SNAPSHOT_ROOT="$(cd "$1" && pwd)"
SNAPSHOT="$(ls -d "$SNAPSHOT_ROOT"/snapshot_date=* | sort | tail -1)"
BENCH_DIR="${BENCH_DIR:-/tmp/encours-bench-ingest}"
OUT="${BENCH_OUT:-$BENCH_DIR/results.txt}"
THREADS="${BENCH_DUCKDB_THREADS:-2}"
MEMORY="${BENCH_DUCKDB_MEMORY:-6GB}"
export ENCOURS_SPARK_HEAP="${ENCOURS_SPARK_HEAP:-6g}"
JAR="$ROOT/analytics/target/encours-pipeline.jar"
mkdir -p "$BENCH_DIR"
[[ -f "$JAR" ]] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)

# shellcheck source=lib/gnu-time.sh
source "$ROOT/scripts/lib/gnu-time.sh"

wh="$BENCH_DIR/spark-wh"
duck="$BENCH_DIR/duckdb-out"
rm -rf "$wh" "$duck" "$BENCH_DIR/duckdb-tmp"
mkdir -p "$duck" "$BENCH_DIR/duckdb-tmp"

echo "== Spark ingestion of $SNAPSHOT (local[2], heap $ENCOURS_SPARK_HEAP)" >&2
/usr/bin/time -v -o "$BENCH_DIR/spark.time" "$ROOT/bin/encours" ingest \
  --snapshot-root "$SNAPSHOT_ROOT" --snapshot-date "${SNAPSHOT##*snapshot_date=}" --warehouse "$wh" \
  --master 'local[2]' > "$BENCH_DIR/spark.log" 2>&1 || { tail -20 "$BENCH_DIR/spark.log"; exit 1; }

echo "== DuckDB ingestion reference of $SNAPSHOT ($THREADS threads, memory_limit $MEMORY)" >&2
/usr/bin/time -v -o "$BENCH_DIR/duckdb.time" java -Xmx512m -cp "$JAR" \
  io.encours.analytics.reference.DuckDbReference --sql "$ROOT/scripts/duckdb/ingestion-reference.sql" \
  --set "snapshot=$SNAPSHOT" --set "out=$duck" --threads "$THREADS" --memory-limit "$MEMORY" \
  --temp-directory "$BENCH_DIR/duckdb-tmp" > "$BENCH_DIR/duckdb.log" 2>&1 || { tail -20 "$BENCH_DIR/duckdb.log"; exit 1; }

spark_wall="$(wall_seconds "$BENCH_DIR/spark.time")"
duck_wall="$(wall_seconds "$BENCH_DIR/duckdb.time")"
run="$wh/curated/runs/$(cat "$wh/curated/CURRENT")"
{
  echo "ingestion benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ) snapshot=$SNAPSHOT"
  echo "  spark   local[2] heap=$ENCOURS_SPARK_HEAP  wall=${spark_wall}s  peak_rss_mb=$(rss_mib "$BENCH_DIR/spark.time")" \
       " (job's own $(grep -o 'timings (ms): .*' "$BENCH_DIR/spark.log" | tail -1))"
  echo "  duckdb  threads=$THREADS memory_limit=$MEMORY  wall=${duck_wall}s  peak_rss_mb=$(rss_mib "$BENCH_DIR/duckdb.time")" \
       " (statements: $(grep '^total_seconds=' "$BENCH_DIR/duckdb.log" | cut -d= -f2)s)"
  awk -v s="$spark_wall" -v d="$duck_wall" 'BEGIN { printf "  ratio   spark/duckdb wall = %.2f\n", s / d }'
  echo "  slowest DuckDB statements:"
  grep -E '^ +[0-9]+\.[0-9]+ s  \[' "$BENCH_DIR/duckdb.log" | sort -rn | head -5 | sed 's/^/  /'
} | tee -a "$OUT"

if [[ "${BENCH_VERIFY:-1}" == 1 ]]; then
  echo "== check (untimed): same counts per table and reason, same rows" >&2
  java -Xmx512m -cp "$JAR" io.encours.analytics.reference.DuckDbReference --sql /dev/null \
    --verify "$ROOT/scripts/duckdb/check-ingestion.sql" --threads "$THREADS" \
    --set "out=$duck" --set "spark_run=$run" --set "manifest=$SNAPSHOT/_generator.json" \
    > "$BENCH_DIR/check.log" 2>&1 || { cat "$BENCH_DIR/check.log"; echo "  check: MISMATCH" | tee -a "$OUT"; exit 1; }
  echo "  check: $(tail -1 "$BENCH_DIR/check.log")" | tee -a "$OUT"
fi
