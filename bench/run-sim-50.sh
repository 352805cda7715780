#!/usr/bin/env bash
# Fifty simulated tenants with the default profile mix (10% quiet, 20% bulk, 70% mixed), added ten
# at a time every 30 s, then two minutes at fifty: throughput against quota, latency percentiles,
# throttle, Jain's fairness index, and the ramp step (if any) where the platform degraded.
#   bench/run-sim-50.sh [REPORT_DIR] [extra kondo sim options...]
# About 5-6 minutes on 2 cores, build included. Builds into KONDO_TARGET_DIR (default target-sim).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${KONDO_TARGET_DIR:-target-sim}"
report="$root/bench/$target/sim-50"
if [[ $# -gt 0 && "$1" != --* ]]; then
  report="$1"
  shift
fi

echo "run-sim-50: building (mvn -B -q -DskipTests package -pl app -am) ..." >&2
(cd "$root" && mvn -B -q -Dstyle.color=never -Dkondo.target.dir="$target" -DskipTests package -pl app -am) >&2

mkdir -p "$report"
{
  echo "uptime before: $(uptime)"
  status=0
  java -Xms1g -Xmx3g ${KONDO_SIM_JAVA_OPTS:-} -jar "$root/app/$target/kondo.jar" sim \
    --tenants 50 --ramp +10/30s --duration 4m --report "$report" "$@" || status=$?
  echo "uptime after: $(uptime)"
  exit $status
} 2>&1 | tee "$report/sim-50.log"
echo "run-sim-50: report $report/report.html, log $report/sim-50.log" >&2
