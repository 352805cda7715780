#!/usr/bin/env bash
# Builds the benchmark module (only with -Pbench; mvn verify never builds it) and runs the tenant
# quota benchmark: an embedded 3-node cluster and in-process gateways; quota accuracy (produce and
# fetch), fairness of equal tenants under a broker-wide limit, and a quiet tenant's p99 latency with
# and without a noisy neighbour. About 8 minutes on 2 cores, build excluded.
#   bench/run-quota-bench.sh [REPORT.md] [QuotaBenchmark options...]
# Options (see io.kondo.bench.quota.QuotaBenchmark): --warmup-seconds 15 --measure-seconds 30
# --accuracy-quota-kib 1024 --backlog-mib 96 --fair-tenants 8 --fair-plan-kib 2048 --fair-broker-kib 1024
# --fair-warmup-seconds 20 --quiet-rate 500 --quiet-plan-kib 4096 --neighbour-quota-kib 1024
# --neighbour-factor 10 --rounds 3 --lead-in-seconds 15 --gap-seconds 10 --record-bytes 1024
# The build uses its own target directory (KONDO_TARGET_DIR, default target-qbench); set
# KONDO_SKIP_BUILD=1 to run what is already built. The report is also printed; a log goes next to it,
# with the machine (nproc, CPU model, memory, Java) and uptime before and after.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${KONDO_TARGET_DIR:-target-qbench}"
report="$root/bench/$target/quota-bench.md"
if [[ $# -gt 0 && "$1" != --* ]]; then
  report="$1"
  shift
fi

if [[ "${KONDO_SKIP_BUILD:-}" != 1 ]]; then
  echo "run-quota-bench: building (mvn -B -q -Pbench -DskipTests install -pl bench -am) ..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -Dkondo.target.dir="$target" -Pbench -DskipTests install -pl bench -am) >&2
fi

mkdir -p "$(dirname "$report")"
log="${report%.md}.log"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "nproc: $(nproc)"
  echo "cpu: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p')"
  free -h
  java -version 2>&1
  echo "uptime before: $(uptime)"
  status=0
  # -Xmx2g: room for the consumers' fetch buffers and the gateway's.
  java -Xms2g -Xmx2g ${KONDO_BENCH_JAVA_OPTS:-} -cp "$root/bench/$target/kondo-bench.jar" \
    io.kondo.bench.quota.QuotaBenchmark --out "$report" "$@" || status=$?
  echo "uptime after: $(uptime)"
  exit $status
} 2>&1 | tee "$log"
echo "run-quota-bench: report $report, log $log" >&2
