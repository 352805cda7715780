#!/usr/bin/env bash
# The classic chaos run: one million messages through the gateway while one of the three backing
# brokers is stopped and started again. Idempotent producers with acks=all; the run must end with
# 0 lost, 0 duplicated, 0 out of order (kondo sim exits 1 otherwise).
#   bench/run-chaos.sh [REPORT_DIR] [extra kondo sim options...]
# Five premium tenants, 8 partitions and 2 consumers each, 1 KiB messages at KONDO_CHAOS_RATE
# messages/s per tenant (default 1,000: about 5,000/s in all, which leaves the 2-core machine some
# headroom, so roughly 200 s of sending); broker 3 is stopped 30 s in and started again 20 s later.
# About 4-5 minutes on 2 cores, build included. KONDO_CHAOS_RATE=2000 runs the machine at its limit.
# The build uses its own target directory (KONDO_TARGET_DIR, default target-sim) so it does not
# collide with other builds of the same checkout.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${KONDO_TARGET_DIR:-target-sim}"
rate="${KONDO_CHAOS_RATE:-1000}"   # messages/s per tenant
report="$root/bench/$target/chaos"
if [[ $# -gt 0 && "$1" != --* ]]; then
  report="$1"
  shift
fi

echo "run-chaos: building (mvn -B -q -DskipTests package -pl app -am) ..." >&2
(cd "$root" && mvn -B -q -Dstyle.color=never -Dkondo.target.dir="$target" -DskipTests package -pl app -am) >&2

mkdir -p "$report"
cat > "$report/chaos-profiles.yaml" <<YAML
profiles:
  - name: chaos
    share: 100
    plan: premium
    rate: ${rate}
    size: 1KiB
    partitions: 8
    producers: 1
    consumers: 2
YAML

{
  echo "uptime before: $(uptime)"
  status=0
  java -Xms1g -Xmx2g ${KONDO_SIM_JAVA_OPTS:-} -jar "$root/app/$target/kondo.jar" sim \
    --tenants 5 --messages 1000000 --max-duration 10m --profiles "$report/chaos-profiles.yaml" \
    --fault broker-restart@30s+20s --drain 3m --report "$report" "$@" || status=$?
  echo "uptime after: $(uptime)"
  exit $status
} 2>&1 | tee "$report/chaos.log"
echo "run-chaos: report $report/report.html, log $report/chaos.log" >&2
