#!/usr/bin/env bash
# Builds the benchmark module (only with -Pbench) and runs the tenant quota soak: 1,000 tenants kept
# over their produce quota through one in-process gateway (plus 200 tenants coming and going), for
# 10 minutes by default; heap used after full GC at the end must be within 10% of after the first
# minute. Exit status: 0 pass, 1 fail (heap, idle expiry or validity), 2 the run could not complete.
#   bench/run-quota-soak.sh [REPORT.md] [QuotaSoak options...]
# Options (see io.kondo.bench.quota.QuotaSoak): --duration-seconds 600 --first-point-seconds 60
# --interval-seconds 60 --steady-tenants 1000 --churn-tenants 200 --churn-connected 100
# --churn-step-seconds 5 --churn-per-step 10 --quota-bytes 4096 --offered-factor 1.25 --record-bytes 1024
# --linger-ms 2000 --unacked-kib 32 --idle-expiry-seconds 30 --replication 3 --min-insync 2
# --open-parallelism 8 --load-heap-mib 2048
# Set-up (cluster, 1,200 tenants and topics, 1,100 producers) takes a few minutes before the load starts.
# The build uses KONDO_TARGET_DIR (default target-qbench); KONDO_SKIP_BUILD=1 runs what is built.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${KONDO_TARGET_DIR:-target-qbench}"
report="$root/bench/$target/quota-soak.md"
if [[ $# -gt 0 && "$1" != --* ]]; then
  report="$1"
  shift
fi

if [[ "${KONDO_SKIP_BUILD:-}" != 1 ]]; then
  echo "run-quota-soak: building (mvn -B -q -Pbench -DskipTests install -pl bench -am) ..." >&2
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
  echo "open files limit: $(ulimit -n)"
  echo "uptime before: $(uptime)"
  status=0
  # A fixed 2 GiB heap and G1 (System.gc() is then a full collection) for the heap readings of
  # this JVM (gateway, tenant metadata); the producers run in a second JVM it starts
  # (io.kondo.bench.quota.SoakLoad, --load-heap-mib 2048 by default, about 1,100 producer threads).
  java -Xms2g -Xmx2g -XX:+UseG1GC ${KONDO_SOAK_JAVA_OPTS:-} -cp "$root/bench/$target/kondo-bench.jar" \
    io.kondo.bench.quota.QuotaSoak --out "$report" "$@" || status=$?
  echo "uptime after: $(uptime)"
  exit $status
} 2>&1 | tee "$log"
echo "run-quota-soak: report $report, log $log" >&2
