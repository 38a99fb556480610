#!/usr/bin/env bash
# Benchmark: generate a snapshot of N invoices (N/10 debtors) and run the whole pipeline on it
# in local mode, recording wall time per stage and peak memory (RSS). Then, as the single-machine
# reference, scripts/duckdb/metrics-reference.sql (DuckDB, 2 threads) over the pipeline's curated
# output: its time is printed beside the Spark stages that compute the same metrics, and its
# values are checked (untimed) against the published tables. Results are appended to the file
# named by BENCH_OUT (default: /tmp/encours-bench/results.txt).
#
#   scripts/bench-pipeline.sh 1000000 2000000 5000000 10000000
#
# Environment: BENCH_DIR (default /tmp/encours-bench), ENCOURS_SPARK_HEAP (default 8g),
# BENCH_MASTER (default local[2]; e.g. spark://127.0.0.1:7077 from scripts/spark-cluster.sh),
# BENCH_SPARK_CONF (extra "--conf k=v …" for the pipeline, e.g. executor memory on a cluster),
# BENCH_KEEP_SNAPSHOTS=1 to keep generated snapshots between runs, BENCH_DUCKDB_THREADS (default
# 2), BENCH_DUCKDB_MEMORY (default 6GB), BENCH_DUCKDB=0 to skip the DuckDB reference.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/gnu-time.sh
source "$ROOT/scripts/lib/gnu-time.sh"
BENCH_DIR="${BENCH_DIR:-/tmp/encours-bench}"
OUT="${BENCH_OUT:-$BENCH_DIR/results.txt}"
export ENCOURS_SPARK_HEAP="${ENCOURS_SPARK_HEAP:-8g}"
mkdir -p "$BENCH_DIR"
[[ -f "$ROOT/analytics/target/encours-pipeline.jar" && -f "$ROOT/data-samples/target/encours-generate.jar" ]] \
  || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)

# Seconds of a pipeline stage, from the timings the pipeline prints ("  analytics.dso   14.2 s").
stage_seconds() {
  awk -v stage="$2" '{ line = $0; sub(/^ +/, "", line) }
    index(line, stage " ") == 1 && $NF == "s" { print $(NF - 1); found = 1 } END { if (!found) print 0 }' "$1"
}

# The DuckDB SQL reference of three metrics over the run's curated Parquet (docs/BENCHMARKS.md,
# "DuckDB SQL references"), timed alone, then checked against the published DuckDB (untimed).
duckdb_metrics() {
  local invoices="$1" wh="$2" jar="$ROOT/analytics/target/encours-pipeline.jar"
  local run="$wh/curated/runs/$(cat "$wh/curated/CURRENT")" db="$wh/db/$(cat "$wh/db/CURRENT")"
  local out="$BENCH_DIR/metrics-ref-$invoices" log="$BENCH_DIR/metrics-ref-$invoices.log"
  local threads="${BENCH_DUCKDB_THREADS:-2}" memory="${BENCH_DUCKDB_MEMORY:-6GB}"
  rm -rf "$out" "$out.tmp" && mkdir -p "$out" "$out.tmp"
  echo "== DuckDB metrics reference on $invoices invoices ($threads threads, memory_limit $memory)" >&2
  /usr/bin/time -v -o "$BENCH_DIR/metrics-ref-$invoices.time" java -Xmx512m -cp "$jar" \
    io.encours.analytics.reference.DuckDbReference --sql "$ROOT/scripts/duckdb/metrics-reference.sql" \
    --set "curated=$run" --set "out=$out" --threads "$threads" --memory-limit "$memory" \
    --temp-directory "$out.tmp" > "$log" 2>&1 || { tail -20 "$log"; return 1; }
  local plog="$BENCH_DIR/pipe-$invoices.log"
  local shared dso delays aged duck
  shared="$(stage_seconds "$plog" 'analytics.shared intermediates')"
  dso="$(stage_seconds "$plog" analytics.dso)"
  delays="$(stage_seconds "$plog" 'analytics.delays, cei, unpaid rate')"
  aged="$(stage_seconds "$plog" 'analytics.aged balance')"
  duck="$(grep '^total_seconds=' "$log" | cut -d= -f2)"
  {
    echo "metrics, DuckDB SQL reference (scripts/duckdb/metrics-reference.sql, threads=$threads):" \
      "statements=${duck}s wall=$(wall_clock "$BENCH_DIR/metrics-ref-$invoices.time")" \
      "peak_rss_mb=$(rss_mib "$BENCH_DIR/metrics-ref-$invoices.time")"
    echo "  computes: standard DSO (windows 30/60/90/180/365) at every month end, monthly payment delays," \
      "aged balance at T; group level (aged balance also per entity), from curated Parquet to Parquet"
    awk -v h="$shared" -v a="$dso" -v b="$delays" -v c="$aged" -v d="$duck" 'BEGIN {
      s = h + a + b + c
      printf "  Spark stages compared: analytics.shared intermediates %.1f s + analytics.dso %.1f s + analytics.delays, cei, unpaid rate %.1f s + analytics.aged balance %.1f s = %.1f s\n", h, a, b, c, s
      printf "  ratio Spark stages / DuckDB statements = %.2f\n", (d > 0 ? s / d : 0) }'
    echo "  (not like for like: the Spark stages compute every cube cell (8 grouping sets of entity ×" \
      "segment × collector) at every date, countback and per-debtor DSO, CEI, unpaid rate, monthly sales" \
      "and the per-debtor aged balance; the shared intermediates (open balances, aging and sales" \
      "cubes, documents) also feed the collection tables and the benchmarks, so the sum overstates these three)"
  } | tee -a "$OUT"
  java -Xmx512m -cp "$jar" io.encours.analytics.reference.DuckDbReference --sql /dev/null \
    --verify "$ROOT/scripts/duckdb/check-metrics.sql" --threads "$threads" --set "out=$out" --set "published=$db" \
    > "$log.check" 2>&1 || { cat "$log.check"; echo "  check: MISMATCH" | tee -a "$OUT"; return 1; }
  echo "  check against the published tables: $(tail -1 "$log.check")" | tee -a "$OUT"
}

for invoices in "$@"; do
  debtors=$((invoices / 10))
  snap="$BENCH_DIR/snap-$invoices"
  if [[ ! -d "$snap" ]]; then
    echo "== generating $invoices invoices / $debtors debtors" >&2
    /usr/bin/time -v -o "$BENCH_DIR/gen-$invoices.time" "$ROOT/bin/encours" generate \
      --debtors "$debtors" --invoices "$invoices" --months 24 --as-of 2025-06-30 --seed 42 --out "$snap" >&2
  fi
  wh="$BENCH_DIR/wh-$invoices"
  rm -rf "$wh"
  master="${BENCH_MASTER:-local[2]}"
  echo "== pipeline on $invoices invoices (heap $ENCOURS_SPARK_HEAP, $master ${BENCH_SPARK_CONF:-})" >&2
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$BENCH_DIR/pipe-$invoices.time" "$ROOT/bin/encours" pipeline \
    --snapshot-root "$snap" --warehouse "$wh" --master "$master" ${BENCH_SPARK_CONF:-} > "$BENCH_DIR/pipe-$invoices.log"
  {
    echo "invoices=$invoices debtors=$debtors master=$master" \
      "wall=$(wall_clock "$BENCH_DIR/pipe-$invoices.time") peak_rss_mb=$(rss_mib "$BENCH_DIR/pipe-$invoices.time")"
    sed -n '/Published run/,$p' "$BENCH_DIR/pipe-$invoices.log"
  } | tee -a "$OUT"
  [[ "${BENCH_KEEP_SNAPSHOTS:-0}" == 1 ]] || rm -rf "$snap"
  if [[ "${BENCH_DUCKDB:-1}" == 1 ]]; then
    duckdb_metrics "$invoices" "$wh"
  fi
done
