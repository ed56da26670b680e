#!/usr/bin/env bash
# Whole-process bulk validation: `oruk validate FILE` (the launcher's flags, every rule of the engine) against
# ajv 8 with ajv-formats (strict: false; the schema only) on the same NDJSON file of generated services, taking
# turns, RUNS rounds. ajv and its formats are installed from the npm registry into benchmarks/target; the script
# skips with a message when Node.js, npm or the registry cannot be had. Issue #19, goal 1.
#   bash benchmarks/scripts/validate-vs-ajv.sh [SERVICES=20000] [RUNS=5]
# With BEFORE_JAR=path/to/an/older/oruk.jar, that jar (launcher flags, no class-data archive) takes turns too,
# for the ratio of a change measured in the same run. BEFORE_JAVA_OPTS adds JVM flags to that side only: with
# BEFORE_JAR=oruk-cli/target/oruk.jar BEFORE_JAVA_OPTS=-Doruk.validation.payload=networknt and ORUK_CDS=off, the
# two sides differ only in the payload checker.
set -euo pipefail
source "$(dirname "$0")/common.sh"
services="${1:-20000}"
runs="${2:-5}"
work="$root/benchmarks/target/validate-vs-ajv"
schemas="$shared/oruk-standard/3.0/schema"
[ -d "$schemas" ] || skip "the ORUK 3.0 schemas are not at $schemas (set ORUK_SHARED to the shared folder)"
command -v node > /dev/null && command -v npm > /dev/null || skip "ajv needs Node.js and npm"
mkdir -p "$work"
if [ ! -d "$work/ajv/node_modules/ajv-formats" ]; then
  npm install --prefix "$work/ajv" --no-audit --no-fund --silent ajv@8 ajv-formats@3 > /dev/null \
    || skip "ajv could not be installed from the npm registry"
fi
export AJV_PREFIX="$work/ajv"
data="$(generated "$services")"
echo "file: $data ($(wc -l < "$data") services, $(du -m "$data" | cut -f1) MB)"
echo "ajv $(node -p "require('$work/ajv/node_modules/ajv/package.json').version"), ajv-formats" \
  "$(node -p "require('$work/ajv/node_modules/ajv-formats/package.json').version"), node $(node --version);" \
  "$(java -version 2>&1 | head -1)"
"$root/oruk" --version > /dev/null # builds the jar once, outside the timings

oruk_times=()
ajv_times=()
ajv_loops=()
before_times=()
sides="oruk ajv"
[ -n "${BEFORE_JAR:-}" ] && sides="oruk ajv before"
for round in $(seq 1 "$runs"); do
  # Take turns, in the other order every other round, so load that comes and goes hits every side.
  order="$sides"
  [ $((round % 2)) = 0 ] && order="$(echo "$sides" | tr ' ' '\n' | tac | tr '\n' ' ')"
  for side in $order; do
    start="$(now)"
    if [ "$side" = before ]; then
      # shellcheck disable=SC2086 # the options are words
      java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${BEFORE_JAVA_OPTS:-} -jar "$BEFORE_JAR" validate --as-of 2026-12-01 "$data" \
        > "$work/before.out" 2>&1 || true
      before_times+=("$(since "$start")")
    elif [ "$side" = oruk ]; then
      "$root/oruk" validate --as-of 2026-12-01 "$data" > "$work/oruk.out" 2>&1 || true # exit 1 on a fail verdict
      oruk_times+=("$(since "$start")")
    else
      result="$(node "$root/benchmarks/scripts/ajv-validate.mjs" "$schemas" "$data")"
      ajv_times+=("$(since "$start")")
      ajv_loops+=("$(echo "$result" | sed 's/.*"perSecond":\([0-9]*\).*/\1/')")
    fi
  done
  echo "round $round: oruk ${oruk_times[-1]} s, ajv ${ajv_times[-1]} s (loop ${ajv_loops[-1]} services/s)" \
    "${before_times[*]:+, before ${before_times[-1]} s}"
done
echo "oruk validate: $(head -1 "$work/oruk.out"); $(grep -m1 'documents and' "$work/oruk.out")"
echo "ajv: $result"
oruk_median="$(median "${oruk_times[@]}")"
ajv_median="$(median "${ajv_times[@]}")"
echo "median: oruk validate ${oruk_median} s, ajv ${ajv_median} s (loop $(median "${ajv_loops[@]}") services/s)"
echo "speed relative to ajv (ajv time / oruk time): $(ratio "$ajv_median" "$oruk_median")"
if [ -n "${BEFORE_JAR:-}" ]; then
  before_median="$(median "${before_times[@]}")"
  echo "before ($BEFORE_JAR): median $before_median s; now / before: $(ratio "$oruk_median" "$before_median");" \
    "before relative to ajv: $(ratio "$ajv_median" "$before_median")"
fi
