package io.kondo.bench.quota;

import io.kondo.bench.LatencyRecorder;
import static io.kondo.bench.quota.Text.KIB;
import static io.kondo.bench.quota.Text.fixed;
import static io.kondo.bench.quota.Text.verdict;

import io.kondo.bench.quota.NoisyNeighbourRun.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The quota benchmark's markdown report. */
final class QuotaBenchReport {

    /** Achieved over quota within this of 1. */
    static final double ACCURACY_TARGET = 0.05;
    static final double FAIRNESS_TARGET = 0.99;
    static final double NOISY_P99_TARGET = 1.2;

    private QuotaBenchReport() {
    }

    static String render(QuotaBenchmark.Settings s, QuotaBenchmark.Results r, Instant startedAt, long seconds,
                         String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append("# Tenant quota benchmark\n\n");
        out.append("- Started ").append(startedAt).append(", took ").append(seconds).append(" s; load average before ")
                .append(loadBefore).append(", after ").append(loadAfter).append(".\n");
        out.append("- Machine: ").append(Text.machine()).append(".\n");
        out.append("- Records of ").append(s.recordBytes()).append(" B; topics of 1 partition, RF 3, min.insync.replicas=2; ")
                .append("producers acks=all, idempotent, linger.ms=5, 16 KiB batches, 512 KiB buffer.\n\n");
        accuracy(out, s, r);
        fairness(out, s, r.fairness());
        noisy(out, s, r.noisy());
        out.append("## Against the targets\n\n");
        out.append(Text.table(List.of("figure", "target", "measured", "met"), List.of(
                List.of("produce achieved / quota", "1 ± 0.05", fixed(r.produce().ratio(), 3),
                        verdict(r.produce().withinFivePercent())),
                List.of("fetch achieved / quota", "1 ± 0.05", fixed(r.fetch().ratio(), 3),
                        verdict(r.fetch().withinFivePercent())),
                List.of("Jain's index, " + r.fairness().wireRates().length + " equal tenants", "≥ " + FAIRNESS_TARGET,
                        fixed(r.fairness().jainIndex(), 4), verdict(r.fairness().jainIndex() >= FAIRNESS_TARGET)),
                List.of("quiet p99 with / without neighbour", "≤ " + NOISY_P99_TARGET, fixed(r.noisy().p99Ratio(), 2),
                        verdict(r.noisy().p99Ratio() <= NOISY_P99_TARGET)))));
        out.append("\nRecords failed: ").append(r.failures()).append(".\n");
        return out.toString();
    }

    private static void accuracy(StringBuilder out, QuotaBenchmark.Settings s, QuotaBenchmark.Results r) {
        out.append("## Quota accuracy (one tenant flat out, ").append(s.warmUp().toSeconds()).append(" s warm-up, ")
                .append(s.measured().toSeconds()).append(" s measured)\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (QuotaAccuracy.Result a : List.of(r.produce(), r.fetch())) {
            rows.add(List.of(a.kind().label(), kib(a.quota()), kib(a.wireRate()), fixed(a.ratio(), 3),
                    kib(a.payloadRate()), fixed(a.payloadRate() / a.quota(), 3), kib(a.gatewayRate()),
                    Long.toString(a.throttleMs()), verdict(a.withinFivePercent())));
        }
        out.append(Text.table(List.of("quota", "quota KiB/s", "achieved KiB/s (wire)", "achieved / quota",
                "payload KiB/s", "payload / quota", "gateway's measure KiB/s", "throttle ms in window", "±5%"), rows));
        out.append("\nWire: bytes the client sent (produce requests) or received (fetch responses), headers included,")
                .append(" from its `outgoing-byte-total` / `incoming-byte-total`; payload: record values acknowledged or read.")
                .append(" Gateway's measure: the tenant's rate as the gateway measures it (a Kafka `Rate` over its")
                .append(" 11 one-second samples) at the end of the window, a reading at one moment, not the window's average.")
                .append(" Fetch backlog left unread at the end: ").append(r.fetch().backlogLeft()).append(" records.\n\n");
    }

    private static void fairness(StringBuilder out, QuotaBenchmark.Settings s, FairShareRun.Result f) {
        out.append("## Fairness (").append(f.wireRates().length).append(" equal tenants flat out, ")
                .append(s.fairWarmUp().toSeconds()).append(" s warm-up, ").append(s.measured().toSeconds())
                .append(" s measured)\n\n");
        double fairShare = (double) f.limit() / f.wireRates().length;
        out.append("Plan quota ").append(kib(f.planQuota())).append(" KiB/s each (demand ")
                .append(kib(f.planQuota() * f.wireRates().length)).append(" KiB/s in all); broker-wide limit ")
                .append(kib(f.limit())).append(" KiB/s (").append(kib(f.limit() / 3.0))
                .append(" per broker × 3), so a fair share is ")
                .append(kib(fairShare)).append(" KiB/s.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < f.wireRates().length; i++) {
            rows.add(List.of("fair-" + i, kib(f.wireRates()[i]), fixed(f.wireRates()[i] / fairShare, 3),
                    kib(f.payloadRates()[i]), f.dynamicQuotas()[i] < 0 ? "-" : kib(f.dynamicQuotas()[i])));
        }
        out.append(Text.table(List.of("tenant", "achieved KiB/s (wire)", "/ fair share", "payload KiB/s",
                "quota after the tuner KiB/s"), rows));
        out.append("\nJain's index: **").append(fixed(f.jainIndex(), 4)).append("** on wire rates (")
                .append(fixed(f.jainIndexOfPayload(), 4)).append(" on payload); all together ").append(kib(f.totalWireRate()))
                .append(" KiB/s = ").append(fixed(f.totalWireRate() / f.limit(), 3)).append(" of the limit.\n\n");
    }

    private static void noisy(StringBuilder out, QuotaBenchmark.Settings s, NoisyNeighbourRun.Result n) {
        out.append("## Noisy neighbour (").append(s.rounds()).append(" rounds of ").append(s.measured().toSeconds())
                .append(" s windows, alternating)\n\n");
        out.append("Quiet tenant: ").append(fixed(n.quietRate(), 0)).append(" records/s (")
                .append(kib(n.quietRate() * s.recordBytes())).append(" KiB/s, plan quota ").append(kib(s.quietPlanQuota()))
                .append(" KiB/s). Neighbour: quota ").append(kib(n.neighbourQuota())).append(" KiB/s, paced at ")
                .append(kib(n.neighbourPace())).append(" KiB/s (").append(fixed(s.neighbourFactor(), 0))
                .append("×), started ").append(s.leadIn().toSeconds()).append(" s before its windows and stopped ")
                .append(s.gap().toSeconds()).append(" s before the next.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (NoisyNeighbourRun.Window w : n.windows()) {
            LatencyRecorder.Percentiles p = w.quiet().percentiles();
            boolean with = w.condition() == Condition.WITH_NEIGHBOUR;
            rows.add(List.of(Integer.toString(w.round() + 1), with ? "with neighbour" : "alone", Integer.toString(p.count()),
                    fixed(p.p50Ms(), 2), fixed(p.p99Ms(), 2), fixed(p.p999Ms(), 2), fixed(p.maxMs(), 1),
                    with ? kib(w.neighbourOffered()) : "-", with ? kib(w.neighbourAcked()) : "-",
                    with ? Long.toString(w.neighbourThrottleMs()) : "-"));
        }
        out.append(Text.table(List.of("round", "quiet tenant", "records", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                "neighbour into send() KiB/s", "neighbour acked KiB/s", "neighbour throttle ms"), rows));
        LatencyRecorder.Percentiles alone = n.pooled(Condition.ALONE);
        LatencyRecorder.Percentiles with = n.pooled(Condition.WITH_NEIGHBOUR);
        out.append("\nPooled: alone p50 ").append(fixed(alone.p50Ms(), 2)).append(" / p99 ").append(fixed(alone.p99Ms(), 2))
                .append(" ms; with the neighbour p50 ").append(fixed(with.p50Ms(), 2)).append(" / p99 ")
                .append(fixed(with.p99Ms(), 2)).append(" ms. **p99 with / without: ").append(fixed(n.p99Ratio(), 2))
                .append("** (by round: ").append(n.p99RatiosByRound().stream().map(x -> fixed(x, 2))
                        .collect(Collectors.joining(", "))).append(").\n\n");
    }

    private static String kib(double bytesPerSecond) {
        return fixed(bytesPerSecond / KIB, 1);
    }
}
