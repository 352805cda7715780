package io.kondo.bench.quota;

import static io.kondo.bench.quota.Text.fixed;
import static io.kondo.bench.quota.Text.verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The soak's markdown report and its verdict. */
record SoakReport(SoakSettings settings, Instant startedAt, long setupSeconds, String loadBefore, String loadAfter,
                  List<SoakPoint> points, HeapHistogram firstHistogram, HeapHistogram lastHistogram) {

    private static final int GROWTH_ROWS = 15;
    private static final String NETTY_SOCKET_CHANNEL = "io.netty.channel.socket.nio.NioSocketChannel";

    SoakPoint first() {
        return points.get(0);
    }

    SoakPoint last() {
        return points.get(points.size() - 1);
    }

    /** End heap after full collections over first-minute heap. */
    double heapRatio() {
        return (double) last().heapAfterGc().orElseThrow() / first().heapAfterGc().orElseThrow();
    }

    boolean heapWithinTolerance() {
        return Math.abs(heapRatio() - 1) <= QuotaSoak.HEAP_TOLERANCE;
    }

    /** Every interval after the first had at least 95% of the steady tenants throttled. */
    boolean keptOverQuota() {
        return points.stream().skip(1)
                .allMatch(p -> p.steadyThrottled() >= QuotaSoak.THROTTLED_SHARE * p.steadyTenants());
    }

    /** No churning tenant gone past the idle expiry was still tracked at any point. */
    boolean idleTenantsForgotten() {
        return points.stream().allMatch(p -> p.awayPastExpiryTracked() == 0);
    }

    /**
     * The idle expiry was exercised: at every point after the first, fewer tenants were tracked than
     * exist, that is, tenants that had gone were forgotten.
     */
    boolean idleExpiryExercised() {
        int tenants = settings.steadyTenants() + settings.churnTenants();
        return settings.churnPerStep() > 0 && points.stream().skip(1).allMatch(p -> p.gateway().trackedTenants() < tenants);
    }

    boolean noFailedRecords() {
        return last().failedRecords() == 0;
    }

    /**
     * The run measured what it set out to: every tenant over quota, the idle expiry at work, no
     * records lost. (A tenant forgotten late is a finding about the gateway, not a fault of the run:
     * it fails the soak, not its validity.)
     */
    boolean valid() {
        return keptOverQuota() && idleExpiryExercised() && noFailedRecords();
    }

    /** The heap stayed within 10%, churned tenants were forgotten in time, and the run was valid. */
    boolean passed() {
        return heapWithinTolerance() && idleTenantsForgotten() && valid();
    }

    String render() {
        SoakSettings s = settings;
        StringBuilder out = new StringBuilder();
        out.append("# Tenant quota soak\n\n");
        out.append("- Started ").append(startedAt).append("; set-up took ").append(setupSeconds).append(" s, then ")
                .append(s.duration().toSeconds()).append(" s of load. Load average before ").append(loadBefore)
                .append(", at the end ").append(loadAfter).append(".\n");
        out.append("- Machine: ").append(Text.machine()).append(".\n");
        out.append("- Heap figures are this JVM's (max heap ").append(Text.mib(Runtime.getRuntime().maxMemory()))
                .append("): the gateway, the tenant metadata and the embedded cluster's handles (its brokers are")
                .append(" child processes). The tenants' producers run in a second JVM (").append(s.loadHeapMib())
                .append(" MiB heap), whose heap is shown for information only.\n");
        out.append("- ").append(s.steadyTenants()).append(" steady tenants connected throughout, plus ")
                .append(s.churnTenants()).append(" churning tenants of which ").append(s.churnConnected())
                .append(" are connected at a time: every ").append(s.churnStep().toSeconds()).append(" s the ")
                .append(s.churnPerStep()).append(" connected longest close their producer and the ").append(s.churnPerStep())
                .append(" away longest reopen one (sessions of about ").append(s.churnSession().toSeconds())
                .append(" s, away about ").append(s.churnAway().toSeconds()).append(" s; the gateway's idle expiry is ")
                .append(s.idleExpiry().toSeconds()).append(" s).\n");
        out.append("- Every tenant: plan produce quota ").append(s.quotaBytes()).append(" B/s; demand ")
                .append(fixed(s.offeredFactor(), 2)).append("× quota in ").append(s.recordBytes())
                .append(" B records, at most ").append(s.unackedCapBytes() / 1024)
                .append(" KiB unacknowledged (the rest held back);")
                .append(" one topic of 1 partition, RF ").append(s.replication()).append(", min.insync.replicas=")
                .append(s.minInSync()).append("; producer acks=all, idempotent, linger.ms=").append(s.lingerMs())
                .append(", 16 KiB batches, 256 KiB buffer.\n\n");
        out.append(Text.table(List.of("t s", "connected", "connections: clients / gateway / quotas",
                "steady throttled in interval", "steady at ≥ 90% of quota",
                "rate / quota lowest – highest", "acked KiB/s", "steady acked / quota", "held back KiB/s",
                "churn opened / closed",
                "away past expiry (still tracked)", "tracked tenants", "quota sensors", "quota metrics", "meters",
                "heap now MiB", "heap after full GC MiB", "load process heap now MiB"), rows()));
        out.append("\nFailed records: ").append(last().failedRecords()).append("; records cut off by a churn close: ")
                .append(last().abortedAtClose()).append("; reopen failures: ").append(last().openFailures()).append(".\n\n");
        long firstHeap = first().heapAfterGc().orElseThrow();
        long lastHeap = last().heapAfterGc().orElseThrow();
        out.append(Text.table(List.of("check", "target", "measured", "result"), List.of(
                List.of("heap after full GC, end / t = " + first().atSeconds() + " s", "within ±10%",
                        Text.mib(lastHeap) + " / " + Text.mib(firstHeap) + " = " + fixed(heapRatio(), 3)
                                + " (" + signedPercent(heapRatio() - 1) + ")", pass(heapWithinTolerance())),
                List.of("tracked tenants, t = " + first().atSeconds() + " s → end", "not growing",
                        first().gateway().trackedTenants() + " → " + last().gateway().trackedTenants(), "-"),
                List.of("quota sensors, t = " + first().atSeconds() + " s → end", "not growing",
                        count(first().gateway().sensors()) + " → " + count(last().gateway().sensors()), "-"),
                List.of("steady tenants throttled in every interval after the first", "≥ 95%",
                        lowestThrottledShare(), pass(keptOverQuota())),
                List.of("idle expiry exercised (fewer tenants tracked than exist at every later point)", "yes",
                        idleExpiryExercised() ? "yes" : "no", pass(idleExpiryExercised())),
                List.of("churning tenants away past the idle expiry + " + QuotaSoak.EXPIRY_SLACK.toSeconds()
                        + " s still tracked (most at one point)", "0",
                        points.stream().mapToInt(SoakPoint::awayPastExpiryTracked).max().orElse(0) + " (with a connection"
                                + " still counted open: " + points.stream().mapToInt(SoakPoint::awayPastExpiryTrackedConnected)
                                .max().orElse(0) + ")", pass(idleTenantsForgotten())),
                List.of("failed records", "0", Long.toString(last().failedRecords()), pass(noFailedRecords())))));
        growth(out);
        channels(out);
        out.append("\n**").append(passed() ? "PASS" : "FAIL").append("**: heap ").append(verdict(heapWithinTolerance()))
                .append(" (target within 10%); churned tenants forgotten after the idle expiry ")
                .append(verdict(idleTenantsForgotten())).append("; the run was ").append(valid() ? "valid" : "NOT valid")
                .append(".\n");
        return out.toString();
    }

    /** What grew on the heap between the first point and the end, by class. */
    private void growth(StringBuilder out) {
        if (firstHistogram.isEmpty() || lastHistogram.isEmpty()) {
            out.append("\nNo class histogram could be taken.\n");
            return;
        }
        out.append("\nLive heap by class (class histogram, after a full collection): ")
                .append(Text.mib(firstHistogram.totalBytes())).append(" after the first point, ")
                .append(Text.mib(lastHistogram.totalBytes())).append(" at the end. Largest growth:\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (HeapHistogram.Growth g : lastHistogram.largestGrowthSince(firstHistogram, GROWTH_ROWS)) {
            rows.add(List.of("`" + g.className() + "`", fixed(g.bytes() / Text.KIB, 0), Long.toString(g.instances())));
        }
        out.append(Text.table(List.of("class", "Δ KiB", "Δ instances"), rows));
    }

    /**
     * Netty channels alive after a full collection against the client connections the gateway had
     * open: each client connection has one upstream connection, so twice as many channels (plus
     * those closing) means no channel outlives its connection; more would be a leak.
     */
    private void channels(StringBuilder out) {
        if (firstHistogram.isEmpty() || lastHistogram.isEmpty()) {
            return;
        }
        out.append("\n").append(Text.table(List.of("at", "gateway client connections", "Netty socket channels alive",
                "channels / connections"), List.of(channelRow("t = " + first().atSeconds() + " s", first(), firstHistogram),
                channelRow("end", last(), lastHistogram))));
        out.append("\nEach client connection has an upstream connection: two channels per connection, plus any"
                + " closing at the moment of the histogram.\n");
    }

    private static List<String> channelRow(String at, SoakPoint point, HeapHistogram histogram) {
        long channels = histogram.instances(NETTY_SOCKET_CHANNEL);
        return List.of(at, Integer.toString(point.gatewayConnections()), Long.toString(channels),
                point.gatewayConnections() == 0 ? "-" : fixed((double) channels / point.gatewayConnections(), 2));
    }

    private List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (SoakPoint p : points) {
            rows.add(List.of(Long.toString(p.atSeconds()), Integer.toString(p.connected()),
                    p.clientConnections() + " / " + p.gatewayConnections() + " / " + p.quotaConnections(),
                    p.steadyThrottled() + " / " + p.steadyTenants(), Integer.toString(p.steadyAtQuota()),
                    fixed(p.lowestRateToQuota(), 2) + " – " + fixed(p.highestRateToQuota(), 2),
                    fixed(p.ackedBytesPerSecond() / Text.KIB, 0), fixed(p.steadyAckedToQuota(), 3),
                    fixed(p.heldBackBytesPerSecond() / Text.KIB, 0),
                    p.churnOpened() + " / " + p.churnClosed(), p.awayPastExpiry() + " (" + p.awayPastExpiryTracked() + ")",
                    Integer.toString(p.gateway().trackedTenants()), count(p.gateway().sensors()),
                    count(p.gateway().metrics()), Integer.toString(p.meters()), fixed(p.heapNow() / Text.MIB, 0),
                    p.heapAfterGc().isPresent() ? fixed(p.heapAfterGc().getAsLong() / Text.MIB, 1) : "-",
                    fixed(p.loadHeapNow() / Text.MIB, 0)));
        }
        return rows;
    }

    private String lowestThrottledShare() {
        return points.stream().skip(1).mapToDouble(p -> (double) p.steadyThrottled() / p.steadyTenants()).min()
                .stream().mapToObj(Text::percent).findFirst().orElse("-") + " (lowest)";
    }

    private static String count(int value) {
        return value < 0 ? "unavailable" : Integer.toString(value);
    }

    private static String pass(boolean ok) {
        return ok ? "pass" : "FAIL";
    }

    private static String signedPercent(double ratio) {
        return (ratio >= 0 ? "+" : "") + fixed(ratio * 100, 1) + "%";
    }
}
