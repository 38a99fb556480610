#!/usr/bin/env bash
# Checks the DuckDB SQL references (scripts/duckdb/*.sql, docs/BENCHMARKS.md "DuckDB SQL
# references") against the Spark pipeline, on the committed sample and on a dirty variant of it
# (generated: --dirty 0.02, seed 42). For each snapshot: the Spark pipeline, then
#   - ingestion-reference.sql, checked by check-ingestion.sql: counts per table and reason equal to
#     Spark's report.json and to the generator's manifest, accepted and rejected rows equal;
#   - metrics-reference.sql over Spark's curated run, checked by check-metrics.sql: DSO, monthly
#     delays and aged balance at T equal to the published fin_dso, fin_delays, fin_aged_balance.
# Exits non-zero at the first mismatch (or failure).
#
#   scripts/check-duckdb-references.sh            # ~5-10 min on 2 cores (two pipeline runs)
#   scripts/check-duckdb-references.sh --reuse    # keep the warehouses of a previous run
#
# Environment: CHECK_DIR (default /tmp/encours-duckdb-check), ENCOURS_SPARK_HEAP (default 6g).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHECK_DIR="${CHECK_DIR:-/tmp/encours-duckdb-check}"
JAR="$ROOT/analytics/target/encours-pipeline.jar"
REUSE=0
[[ "${1:-}" == "--reuse" ]] && REUSE=1
mkdir -p "$CHECK_DIR"
[[ -f "$JAR" && -f "$ROOT/data-samples/target/encours-generate.jar" ]] || (cd "$ROOT" && ./mvnw -q -B -DskipTests package)

reference() {
  java -Xmx512m -cp "$JAR" io.encours.analytics.reference.DuckDbReference --threads 2 "$@"
}

check_snapshot() {
  local name="$1" snapshot_root="$2"
  local snapshot wh run db out
  snapshot="$(ls -d "$snapshot_root"/snapshot_date=* | sort | tail -1)"
  wh="$CHECK_DIR/wh-$name"
  if [[ "$REUSE" == 0 || ! -f "$wh/db/CURRENT" ]]; then
    rm -rf "$wh"
    echo "== $name: Spark pipeline on $snapshot (log: $CHECK_DIR/pipeline-$name.log)"
    "$ROOT/bin/encours" pipeline --snapshot-root "$snapshot_root" --warehouse "$wh" --master 'local[2]' \
      > "$CHECK_DIR/pipeline-$name.log" 2>&1 || { tail -20 "$CHECK_DIR/pipeline-$name.log"; exit 1; }
  fi
  run="$wh/curated/runs/$(cat "$wh/curated/CURRENT")"
  db="$wh/db/$(cat "$wh/db/CURRENT")"

  out="$CHECK_DIR/ingest-$name"
  rm -rf "$out" && mkdir -p "$out"
  echo "== $name: ingestion-reference.sql, checked against $run and the manifest"
  reference --sql "$ROOT/scripts/duckdb/ingestion-reference.sql" --verify "$ROOT/scripts/duckdb/check-ingestion.sql" \
    --set "snapshot=$snapshot" --set "out=$out" --set "spark_run=$run" --set "manifest=$snapshot/_generator.json" \
    > "$CHECK_DIR/ingest-$name.log" 2>&1 || { cat "$CHECK_DIR/ingest-$name.log"; echo "MISMATCH: ingestion ($name)"; exit 1; }
  grep -E '^total_seconds' "$CHECK_DIR/ingest-$name.log"
  sed -n '/^-- verification/,$p' "$CHECK_DIR/ingest-$name.log" | tail -n +2

  out="$CHECK_DIR/metrics-$name"
  rm -rf "$out" && mkdir -p "$out"
  echo "== $name: metrics-reference.sql over the curated run, checked against $db"
  reference --sql "$ROOT/scripts/duckdb/metrics-reference.sql" --verify "$ROOT/scripts/duckdb/check-metrics.sql" \
    --set "curated=$run" --set "out=$out" --set "published=$db" \
    > "$CHECK_DIR/metrics-$name.log" 2>&1 || { cat "$CHECK_DIR/metrics-$name.log"; echo "MISMATCH: metrics ($name)"; exit 1; }
  grep -E '^total_seconds' "$CHECK_DIR/metrics-$name.log"
  sed -n '/^-- verification/,$p' "$CHECK_DIR/metrics-$name.log" | tail -n +2
}

check_snapshot clean "$ROOT/data-samples/sample"

dirty="$CHECK_DIR/dirty-sample"
if [[ "$REUSE" == 0 || ! -d "$dirty" ]]; then
  rm -rf "$dirty"
  java -jar "$ROOT/data-samples/target/encours-generate.jar" --debtors 1200 --invoices 20000 --months 24 \
    --as-of 2025-06-30 --seed 42 --dirty 0.02 --out "$dirty" > "$CHECK_DIR/generate-dirty.log" 2>&1
fi
check_snapshot dirty "$dirty"

echo "DuckDB references: all checks passed (clean and dirty samples)"
