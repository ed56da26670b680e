#!/usr/bin/env bash
# Serving pages: `oruk serve --data` over 10,000 generated services (seed 1, as of 2026-12-01) against nginx
# serving the very same page bytes as static files; wrk asks both for /services?page=k&per_page=50, k random
# over the 200 pages, with 2 threads and 32 connections, the servers taking turns, RUNS rounds of SECONDS each
# after a warm-up of each. nginx and wrk come from the OS packages (installed when missing and run as root);
# the script skips with a message when they cannot be had. Issue #19, goal 2.
#   bash benchmarks/scripts/pages-vs-nginx.sh [RUNS=3] [SECONDS=10]
# With BEFORE_JAR=path/to/an/older/oruk.jar, `serve` from that jar takes turns too (the same data, its own port),
# for the ratio of a change measured in the same run.
set -euo pipefail
source "$(dirname "$0")/common.sh"
runs="${1:-3}"
seconds="${2:-10}"
have_or_install wrk wrk || skip "wrk is not installed and could not be (apt-get install wrk)"
have_or_install nginx nginx || skip "nginx is not installed and could not be (apt-get install nginx)"
command -v curl > /dev/null || skip "the script fetches the pages with curl"
work="$root/benchmarks/target/pages-vs-nginx"
rm -rf "$work" && mkdir -p "$work/root/pages" "$work/tmp"
data="$(generated 10000)"

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}
oruk_port="$(free_port)"
nginx_port="$(free_port)"
before_port="$(free_port)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2> /dev/null || true
}
trap cleanup EXIT

"$root/oruk" serve --data "$data" --port "$oruk_port" > "$work/oruk.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q 'listening on' "$work/oruk.log" && break; sleep 0.5; done
grep -q 'listening on' "$work/oruk.log" || { cat "$work/oruk.log"; echo "oruk serve did not start" >&2; exit 1; }
if [ -n "${BEFORE_JAR:-}" ]; then
  java -jar "$BEFORE_JAR" serve --data "$data" --port "$before_port" > "$work/before.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do grep -q 'listening on' "$work/before.log" && break; sleep 0.5; done
  grep -q 'listening on' "$work/before.log" || { cat "$work/before.log"; echo "the before jar did not start" >&2; exit 1; }
fi

# The very bytes oruk serves, one file per page.
for page in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$oruk_port/services?page=$page&per_page=50" -o "$work/root/pages/$page.json"
done
echo "pages: 200 files, median $(median $(stat -c %s "$work"/root/pages/*.json)) bytes"

cat > "$work/nginx.conf" <<CONF
worker_processes 2;
user root root;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path $work/tmp/body;
  proxy_temp_path $work/tmp/proxy;
  fastcgi_temp_path $work/tmp/fastcgi;
  uwsgi_temp_path $work/tmp/uwsgi;
  scgi_temp_path $work/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/root;
    location = /services {
      default_type application/json;
      try_files /pages/\$arg_page.json =404;
    }
  }
}
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon on;' 2> "$work/nginx-start.log" \
  || { cat "$work/nginx-start.log"; echo "nginx did not start" >&2; exit 1; }
for _ in $(seq 1 20); do [ -f "$work/nginx.pid" ] && break; sleep 0.25; done
cmp -s <(curl -sf "http://127.0.0.1:$nginx_port/services?page=7&per_page=50") "$work/root/pages/7.json" \
  || { echo "nginx does not serve the page bytes" >&2; exit 1; }

# One wrk run: prints "REQUESTS_PER_SECOND P99_MS".
measure() {
  wrk -t2 -c32 -d"$1"s --latency -s "$root/benchmarks/scripts/pages.lua" "http://127.0.0.1:$2" > "$work/wrk.out" 2>&1
  awk '/Requests\/sec:/ { rps = $2 }
       $1 == "99%" { v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v);
                     ms = (unit == "us") ? v / 1000 : (unit == "s") ? v * 1000 : v }
       /Non-2xx/ { bad = $NF }
       END { if (bad) { print "non-2xx answers: " bad > "/dev/stderr"; exit 1 } printf "%.0f %.2f\n", rps, ms }' \
    "$work/wrk.out"
}

echo "warming up (${seconds} s each) ..."
measure "$seconds" "$oruk_port" > /dev/null
measure "$seconds" "$nginx_port" > /dev/null
[ -n "${BEFORE_JAR:-}" ] && measure "$seconds" "$before_port" > /dev/null
oruk_rps=(); oruk_p99=(); nginx_rps=(); nginx_p99=(); before_rps=(); before_p99=()
sides="oruk nginx"
[ -n "${BEFORE_JAR:-}" ] && sides="oruk nginx before"
for round in $(seq 1 "$runs"); do
  order="$sides"
  [ $((round % 2)) = 0 ] && order="$(echo "$sides" | tr ' ' '\n' | tac | tr '\n' ' ')"
  for side in $order; do
    if [ "$side" = before ]; then
      read -r rps p99 < <(measure "$seconds" "$before_port"); before_rps+=("$rps"); before_p99+=("$p99")
    elif [ "$side" = oruk ]; then
      read -r rps p99 < <(measure "$seconds" "$oruk_port"); oruk_rps+=("$rps"); oruk_p99+=("$p99")
    else
      read -r rps p99 < <(measure "$seconds" "$nginx_port"); nginx_rps+=("$rps"); nginx_p99+=("$p99")
    fi
  done
  echo "round $round: oruk ${oruk_rps[-1]} req/s (p99 ${oruk_p99[-1]} ms), nginx ${nginx_rps[-1]} req/s" \
    "(p99 ${nginx_p99[-1]} ms)${before_rps[*]:+, before ${before_rps[-1]} req/s (p99 ${before_p99[-1]} ms)}"
done
o="$(median "${oruk_rps[@]}")"; n="$(median "${nginx_rps[@]}")"
op="$(median "${oruk_p99[@]}")"; np="$(median "${nginx_p99[@]}")"
echo "median: oruk serve $o req/s, p99 $op ms; nginx $n req/s, p99 $np ms"
echo "oruk / nginx: throughput $(ratio "$o" "$n"), p99 $(ratio "$op" "$np")"
if [ -n "${BEFORE_JAR:-}" ]; then
  b="$(median "${before_rps[@]}")"; bp="$(median "${before_p99[@]}")"
  echo "before ($BEFORE_JAR): $b req/s, p99 $bp ms; before / nginx $(ratio "$b" "$n"); now / before $(ratio "$o" "$b")"
fi
