#!/usr/bin/env bash
# Benchmark: generate a snapshot of N invoices (N/10 debtors) and run the whole pipeline on it
# in local mode, recording wall time per stage and peak memory (RSS). Results are appended to
# the file named by BENCH_OUT (default: /tmp/encours-bench/results.txt).
#
#   scripts/bench-pipeline.sh 1000000 2000000 5000000 10000000
#
# Environment: BENCH_DIR (default /tmp/encours-bench), ENCOURS_SPARK_HEAP (default 8g),
# BENCH_KEEP_SNAPSHOTS=1 to keep generated snapshots between runs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/encours-bench}"
OUT="${BENCH_OUT:-$BENCH_DIR/results.txt}"
export ENCOURS_SPARK_HEAP="${ENCOURS_SPARK_HEAP:-8g}"
mkdir -p "$BENCH_DIR"
[[ -f "$ROOT/analytics/target/encours-pipeline.jar" && -f "$ROOT/data-samples/target/encours-generate.jar" ]] \
  || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)

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
  echo "== pipeline on $invoices invoices (heap $ENCOURS_SPARK_HEAP, local[2])" >&2
  /usr/bin/time -v -o "$BENCH_DIR/pipe-$invoices.time" "$ROOT/bin/encours" pipeline \
    --snapshot-root "$snap" --warehouse "$wh" --master 'local[2]' > "$BENCH_DIR/pipe-$invoices.log"
  wall=$(grep 'Elapsed (wall clock)' "$BENCH_DIR/pipe-$invoices.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$BENCH_DIR/pipe-$invoices.time" | awk '{print $NF}')
  {
    echo "invoices=$invoices debtors=$debtors wall=$wall peak_rss_mb=$((rss / 1024))"
    sed -n '/Published run/,$p' "$BENCH_DIR/pipe-$invoices.log"
  } | tee -a "$OUT"
  [[ "${BENCH_KEEP_SNAPSHOTS:-0}" == 1 ]] || rm -rf "$snap"
done
