#!/usr/bin/env bash
# Builds the benchmark module (only with -Pbench; mvn verify never builds it) and runs the gateway
# benchmark: an embedded 3-node cluster, a gateway in-process, direct vs gateway, alternating.
#   bench/run-gateway-bench.sh [REPORT.md] [GatewayBenchmark options...]
# Options: --rounds N --produce-seconds S --latency-seconds S --light-rate RECORDS_PER_S --warmup-seconds S
# --gateway-io-threads N --settings rf3,rf1 --broker-cpus CPU_LIST --gateway-cpus CPU_LIST (defaults 4, 15, 10,
# 1000, 45, 1, both settings, processors shared; --broker-cpus 1 pins the brokers to processor 1 and the clients and
# gateway to the others; --gateway-cpus, with --broker-cpus, pins the gateway's threads to its own list, and the
# clients get what neither list names: on four processors, --broker-cpus 2-3 --gateway-cpus 1 leaves 0 to the clients).
# The build uses its own target directory (KONDO_TARGET_DIR, default target-bench) so it does not
# collide with other builds of the same checkout. The report is also printed; a log goes next to it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${KONDO_TARGET_DIR:-target-bench}"
report="$root/bench/$target/gateway-bench.md"
if [[ $# -gt 0 && "$1" != --* ]]; then
  report="$1"
  shift
fi

echo "run-gateway-bench: building (mvn -B -q -Pbench -DskipTests install -pl bench -am) ..." >&2
(cd "$root" && mvn -B -q -Dstyle.color=never -Dkondo.target.dir="$target" -Pbench -DskipTests install -pl bench -am) >&2

mkdir -p "$(dirname "$report")"
log="${report%.md}.log"
{
  echo "uptime before: $(uptime)"
  # -Xmx2g: room for a saturated producer's latency samples and the gateway's buffers.
  java -Xms2g -Xmx2g ${KONDO_BENCH_JAVA_OPTS:-} -jar "$root/bench/$target/kondo-bench.jar" --out "$report" "$@"
  echo "uptime after: $(uptime)"
} 2>&1 | tee "$log"
echo "run-gateway-bench: report $report, log $log" >&2
