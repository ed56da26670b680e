#!/usr/bin/env bash
# The live-feed strict check of a 5,000-service feed (every page, every id, the filter probes) against a plain
# walk that makes the same requests and schema-checks each answer: FeedValidationBenchmark, services pinned to
# seed 1 as of 2026-12-01 and checked as of that day. Issue #19, goal 3.
#   bash benchmarks/scripts/live-check.sh [SERVICES=5000] [ROUNDS=5]
set -euo pipefail
source "$(dirname "$0")/common.sh"
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -q -B -ntp -DskipTests -pl benchmarks -am package)
fi
exec java -cp "$jar" io.github.oruk.benchmarks.FeedValidationBenchmark --services "${1:-5000}" --rounds "${2:-5}"
