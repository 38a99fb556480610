#!/usr/bin/env bash
# Rebuilds the committed sample snapshot data-samples/sample/snapshot_date=2025-06-30.
# SampleTest fails until this is rerun after any change to the generator's output.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
./mvnw -q -B -f data-samples/pom.xml package -DskipTests
java -jar data-samples/target/encours-generate.jar \
  --debtors 1200 --invoices 20000 --months 24 --as-of 2025-06-30 --seed 42 \
  --out data-samples/sample --force
