#!/usr/bin/env bash
# Load benchmark of issue 6: raw Netty vs Netty+Gatehouse and raw Jetty vs Jetty+GatehouseFilter, each with a
# light and a security pipeline (see jmh/src/main/java/io/gatehouse/jmh/load/LoadPipelines.java), driven by wrk on
# 127.0.0.1. Run by hand (never by the test command); results and method: bench/README.md.
#
#   mvn -B -o -q -pl jmh -am package -DskipTests     # builds jmh/target/benchmarks.jar
#   bench/load.sh                                    # defaults below; override with environment variables
#
# Every configuration runs in a fresh server JVM per round: start, wait for READY, check one request answers 200,
# one warm-up wrk run (discarded), one measured wrk run with the server's utime+stime read from /proc/PID/stat
# before and after, and the whole machine's busy time (what is not the server's is wrk's, mostly: "other" CPU per
# request). Rounds interleave the configurations so that drift (other jobs on the machine) hits all alike.
# Every request carries the same headers (subscription key, bearer token, Origin), raw servers included.
set -euo pipefail

ROUNDS="${ROUNDS:-3}"                 # fresh JVM per configuration and round
WARMUP="${WARMUP:-30s}"               # discarded wrk run before each measured run (JIT: C2 needs ~30 s here)
DURATION="${DURATION:-10s}"           # measured wrk run
THREADS="${THREADS:-2}"               # wrk -t
CONNECTIONS="${CONNECTIONS:-64}"      # wrk -c
SERVERS="${SERVERS:-netty jetty}"
MODES="${MODES:-raw light security}"  # raw must come first: ratios are to raw of the same round; also bare,
                                      # handwritten and spin-NANOS (Netty only): reference points, bench/README.md
BASE_PORT="${BASE_PORT:-18180}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:-}"            # e.g. -XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="${JAR:-$ROOT/jmh/target/benchmarks.jar}"
OUT="${OUT:-$(mktemp -d /tmp/gatehouse-load.XXXXXX)}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[[ -f "$JAR" ]] || { echo "$JAR is missing: mvn -B -o -q -pl jmh -am package -DskipTests" >&2; exit 1; }
[[ "${MODES%% *}" == raw ]] || { echo "MODES must start with raw" >&2; exit 1; }

SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CLK_TCK="$(getconf CLK_TCK)"
TOKEN="$("$JAVA" -cp "$JAR" io.gatehouse.jmh.load.LoadPipelines token)"
KEY="$("$JAVA" -cp "$JAR" io.gatehouse.jmh.load.LoadPipelines key)"
ORIGIN="$("$JAVA" -cp "$JAR" io.gatehouse.jmh.load.LoadPipelines origin)"
URL_PATH="$("$JAVA" -cp "$JAR" io.gatehouse.jmh.load.LoadPipelines path)"
HEADERS=(-H "Ocp-Apim-Subscription-Key: $KEY" -H "Authorization: Bearer $TOKEN" -H "Origin: $ORIGIN")

# utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat; the command may hold spaces).
cpu_ticks() {
  local stat
  stat="$(cat "/proc/$1/stat")"
  stat="${stat##*) }"
  awk '{ print $12 + $13 }' <<<"$stat"
}

# Busy ticks of the whole machine (user, nice, system, irq, softirq, steal of /proc/stat's "cpu" line): minus the
# server's, what wrk (and anything else) used.
machine_busy_ticks() {
  awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat
}

# wrk latency value ("812.00us", "1.20ms", "2.01s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000
    printf "%.3f", n }'
}

start_server() { # server mode port log
  local class
  case "$1" in
    netty) class=io.gatehouse.jmh.load.NettyHelloServer ;;
    jetty) class=io.gatehouse.jmh.load.JettyHelloServer ;;
    *) echo "unknown server $1" >&2; exit 1 ;;
  esac
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  "$JAVA" $JAVA_OPTS -cp "$JAR" "$class" "$3" "$2" >"$4" 2>&1 &
  SERVER_PID=$!
  local i
  for i in $(seq 150); do
    grep -q '^READY' "$4" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  echo "server $1 $2 did not start; log: $4" >&2
  cat "$4" >&2
  exit 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

RESULTS="$OUT/results.tsv"
printf 'round\tserver\tmode\treq_s\tp50_ms\tp99_ms\trequests\tcpu_us_req\tother_cpu_us_req\terrors\n' >"$RESULTS"
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up $WARMUP), $ROUNDS rounds; logs in $OUT"
echo "machine: $(nproc) CPUs, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo);" \
  "$("$JAVA" -version 2>&1 | head -1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"

port="$BASE_PORT"
for round in $(seq "$ROUNDS"); do
  for server in $SERVERS; do
    for mode in $MODES; do
      # Netty handlers, no Jetty counterpart
      [[ "$server" == jetty && ( "$mode" == handwritten || "$mode" == spin-* ) ]] && continue
      port=$((port + 1))  # a fresh port: the previous server's socket may linger
      log="$OUT/$server-$mode-$round"
      url="http://127.0.0.1:$port$URL_PATH"
      start_server "$server" "$mode" "$port" "$log.server.log"
      status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${HEADERS[@]}" "$url" || true)"
      [[ "$status" == 200 ]] || { echo "$server $mode: check request got $status, not 200" >&2; exit 1; }
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 5s "${HEADERS[@]}" "$url" >"$log.warmup.txt"
      before="$(cpu_ticks "$SERVER_PID")"
      busy_before="$(machine_busy_ticks)"
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 5s --latency "${HEADERS[@]}" "$url" >"$log.wrk.txt"
      after="$(cpu_ticks "$SERVER_PID")"
      busy_after="$(machine_busy_ticks)"
      stop_server
      rps="$(awk '/^Requests\/sec:/ { print $2 }' "$log.wrk.txt")"
      requests="$(awk '/requests in/ { print $1 }' "$log.wrk.txt")"
      p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' "$log.wrk.txt")")"
      p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$log.wrk.txt")")"
      errors="$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s; ", $0 }' "$log.wrk.txt")"
      cpu="$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN { printf "%.2f", t / hz * 1e6 / n }')"
      other="$(awk -v t=$((busy_after - busy_before - (after - before))) -v hz="$CLK_TCK" -v n="$requests" \
        'BEGIN { printf "%.2f", t / hz * 1e6 / n }')"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$server" "$mode" "$rps" "$p50" "$p99" \
        "$requests" "$cpu" "$other" "${errors:-none}" >>"$RESULTS"
      printf 'round %s  %-5s %-11s %10s req/s  p50 %7s ms  p99 %7s ms  server CPU %6s µs/req  other %6s  %s\n' \
        "$round" "$server" "$mode" "$rps" "$p50" "$p99" "$cpu" "$other" "${errors:-}"
    done
  done
done

# Summary: medians over rounds; the ratio and the extra CPU are taken against raw of the same round and server.
echo
awk -F'\t' '
  NR == 1 { next }
  { k = $2 SUBSEP $3; n[k]++; rps[k, n[k]] = $4; p50[k, n[k]] = $5; p99[k, n[k]] = $6; cpu[k, n[k]] = $8
    oth[k, n[k]] = $9
    if (!(k in seen)) { seen[k] = 1; order[++m] = k }
    if ($3 == "raw") { rawRps[$1, $2] = $4; rawCpu[$1, $2] = $8 }
    else { ratio[k, n[k]] = $4 / rawRps[$1, $2]; extra[k, n[k]] = $8 - rawCpu[$1, $2] }
    if ($10 != "none") bad[k] = 1 }
  function median(a, k, c,    i, j, t, v) {
    for (i = 1; i <= c; i++) v[i] = a[k, i]
    for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    lo = v[1]; hi = v[c]
    return c % 2 ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2 }
  BEGIN {
    printf "%-6s %-11s %10s %18s %8s %8s %8s %8s %16s %9s\n", "server", "pipeline", "req/s", "(range)", "p50 ms", \
      "p99 ms", "CPU µs", "other µs", "ratio (range)", "+CPU µs"
  }
  END {
    for (i = 1; i <= m; i++) {
      k = order[i]; split(k, parts, SUBSEP); c = n[k]
      r = median(rps, k, c); rlo = lo; rhi = hi
      line = sprintf("%-6s %-11s %10.0f %8.0f-%-9.0f %8.3f %8.3f %8.2f %8.2f", parts[1], parts[2], r, rlo, rhi, \
        median(p50, k, c), median(p99, k, c), median(cpu, k, c), median(oth, k, c))
      if (parts[2] == "raw") line = line sprintf(" %16s %9s", "1.00", "-")
      else {
        q = median(ratio, k, c); line = line sprintf(" %5.2f (%.2f-%.2f)", q, lo, hi)
        line = line sprintf(" %9.2f", median(extra, k, c))
      }
      print line (k in bad ? "  (errors: see results.tsv)" : "")
    }
  }' "$RESULTS" | tee "$OUT/summary.txt"
echo
echo "per-run results: $RESULTS"
