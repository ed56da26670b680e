# Shared by the whole-process scripts in this folder (sourced, not run).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${ORUK_SHARED:-$root/../shared}"

# Stops the script with a message, exit 0: a benchmark whose tool cannot be had is skipped, not failed.
skip() {
  echo "SKIPPED: $*" >&2
  exit 0
}

# Seconds since the epoch, with nanoseconds.
now() {
  date +%s.%N
}

# Seconds since $1 (a value of now), to the hundredth.
since() {
  awk -v from="$1" -v to="$(now)" 'BEGIN { printf "%.2f\n", to - from }'
}

# $1 / $2, to the hundredth.
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", a / b }'
}

# The median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Installs Debian packages when a command is missing and we may (root, apt-get); false when it cannot be had.
have_or_install() {
  local command="$1" package="$2"
  command -v "$command" > /dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing $package from the OS packages ..." >&2
    (apt-get update -qq && apt-get install -y -qq "$package") > /dev/null 2>&1 || return 1
  fi
  command -v "$command" > /dev/null
}

# The generated services every script measures, pinned: seed 1, as of 2026-12-01. Prints the file's path.
generated() {
  local count="$1" dir="$root/benchmarks/target/generated-$1"
  if [ ! -s "$dir/services.ndjson" ]; then
    "$root/oruk" generate --services "$count" --seed 1 --as-of 2026-12-01 --out "$dir" > /dev/null
  fi
  echo "$dir/services.ndjson"
}
