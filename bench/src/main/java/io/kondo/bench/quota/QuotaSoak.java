package io.kondo.bench.quota;

import io.kondo.core.policy.TopicPolicy;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.gateway.CapacityLimits;
import io.kondo.gateway.Gateway;
import io.kondo.gateway.quota.QuotaKind;
import io.kondo.gateway.quota.QuotaSettings;
import io.kondo.gateway.quota.QuotaUsage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thousand tenants kept over their produce quota for ten minutes through one gateway, while
 * further tenants come and go, to show that quota state does not leak: heap used after full
 * collections at the end must be within 10% of what it was after the first minute. Also follows the
 * gateway's tracked tenants and quota sensors, and checks that every tenant really is over quota
 * (throttled) and that tenants gone for longer than the idle expiry are forgotten.
 *
 * <p>This process holds the embedded cluster's handles, the tenant metadata and the gateway, and
 * its heap is the one measured; the tenants' producers run in a second JVM ({@link SoakLoad}), so
 * that their own state (a thousand Kafka clients' metrics, buffers and per-broker bookkeeping,
 * which grows as each client meets more brokers) is not counted as the gateway's.
 *
 * <p>Exits 0 when the heap stayed within 10%, no tenant gone for longer than the idle expiry (plus
 * slack) was still tracked, and the run was valid (at least 95% of the steady tenants throttled in
 * every interval after the first, tenants forgotten at every point after the first, no failed
 * records); 1 when not; 2 when the run could not complete (including a watchdog time-out).
 *
 * <p>Options (defaults in brackets): {@code --out} [quota-soak.md], {@code --duration-seconds} [600],
 * {@code --first-point-seconds} [60], {@code --interval-seconds} [60], {@code --steady-tenants} [1000],
 * {@code --churn-tenants} [200], {@code --churn-connected} [100], {@code --churn-step-seconds} [5],
 * {@code --churn-per-step} [10], {@code --quota-bytes} [4096], {@code --offered-factor} [1.25],
 * {@code --record-bytes} [1024], {@code --linger-ms} [2000], {@code --unacked-kib} [32],
 * {@code --idle-expiry-seconds} [30], {@code --replication} [3], {@code --min-insync} [2],
 * {@code --open-parallelism} [8], {@code --load-heap-mib} [2048].
 */
public final class QuotaSoak {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaSoak.class);
    private static final String PLAN = "soak";
    private static final String TOPIC = "load";
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(15);
    /**
     * A closed connection may stay muted by a throttle (at most the maximum throttle) before the
     * gateway sees it close; after the idle expiry the tenant goes at the next quota step (1 s). Two
     * steps of slack on top.
     */
    static final Duration EXPIRY_SLACK = QuotaSettings.DEFAULT_MAX_THROTTLE.plusSeconds(3);
    /** The load prints its totals every second; this is how long a point waits for fresh ones. */
    private static final Duration FRESH_STATS_TIMEOUT = Duration.ofSeconds(30);
    static final double HEAP_TOLERANCE = 0.10;
    static final double THROTTLED_SHARE = 0.95;

    private QuotaSoak() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(SoakSettings.from(Options.parse(args, SoakSettings.OPTIONS)));
        } catch (Throwable e) {
            LOG.error("The soak could not complete", e);
            status = 2;
        }
        System.exit(status);
    }

    private static int run(SoakSettings s) throws Exception {
        Duration lifetime = SETUP_TIMEOUT.plus(s.duration()).plus(Duration.ofMinutes(10));
        startWatchdog(lifetime);
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = Load.average();
        Path dataDir = Files.createTempDirectory("kondo-quota-soak-");
        SoakReport report;
        try (QuotaPlatform platform = QuotaPlatform.start(dataDir, new BenchPlans()
                .with(PLAN, s.quotaBytes(), s.quotaBytes()).catalog())) {
            report = soak(platform, s, dataDir, lifetime, startedAt, loadBefore);
        } finally {
            Load.deleteRecursively(dataDir);
        }
        String text = report.render();
        System.out.println(text);
        Path out = s.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        LOG.info("Report written to {}", out);
        return report.passed() ? 0 : 1;
    }

    private static SoakReport soak(QuotaPlatform platform, SoakSettings s, Path dataDir, Duration lifetime,
                                   Instant startedAt, String loadBefore) throws Exception {
        List<String> names = IntStream.range(0, s.steadyTenants() + s.churnTenants())
                .mapToObj(i -> (i < s.steadyTenants() ? "steady-" : "churn-") + i).toList();
        long setupStart = System.nanoTime();
        List<BenchTenant> made = platform.createTenants(names, PLAN, SETUP_TIMEOUT);
        new BackingTopics(platform.backingAdmin(), SETUP_TIMEOUT).create(
                made.stream().map(t -> t.backingTopic(TOPIC)).toList(), (short) s.replication(), s.minInSync());
        List<SoakTenantsFile.Line> lines = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            lines.add(new SoakTenantsFile.Line(made.get(i), i < s.steadyTenants()));
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Gateway gateway = platform.startGateway(g -> g
                .withTopicPolicy(new TopicPolicy(1, (short) s.replication(), s.minInSync()))
                .withCapacity(CapacityLimits.defaults().withAccepts(1_000, 1_000))
                .withQuotas(QuotaSettings.defaults().withIdleExpiry(s.idleExpiry())), meters)) {
            Path tenantsFile = dataDir.resolve("soak-tenants.txt");
            SoakTenantsFile.write(tenantsFile, lines);
            try (SoakLoadProcess load = SoakLoadProcess.start(s, tenantsFile, gateway.bootstrapPort(), s.loadHeapMib(),
                    lifetime)) {
                load.awaitReady(SETUP_TIMEOUT);
                Files.deleteIfExists(tenantsFile);
                long setupSeconds = (System.nanoTime() - setupStart) / 1_000_000_000L;
                LOG.info("Soak set up in {} s; load starts now for {} s", setupSeconds, s.duration().toSeconds());
                SoakWatch watch = new SoakWatch(gateway, meters, lines, load, s, dataDir.resolve("first-histogram.txt"));
                List<SoakPoint> points = watch.follow();
                return new SoakReport(s, startedAt, setupSeconds, loadBefore, Load.average(), points,
                        watch.firstHistogram(), watch.lastHistogram());
            }
        }
    }

    /** Ends the process if the run overruns: every wait is bounded, but not every one of a thousand clients is. */
    private static void startWatchdog(Duration limit) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
                LOG.error("The soak did not finish within {}; stopping", limit);
                Runtime.getRuntime().halt(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "soak-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Takes the soak's points: every interval, with heap after full collections, and class histograms at both ends. */
    static final class SoakWatch {

        private final Gateway gateway;
        private final SimpleMeterRegistry meters;
        private final List<SoakTenantsFile.Line> lines;
        private final SoakLoadProcess load;
        private final SoakSettings settings;
        private final GatewayQuotaState state;
        private final List<LogicalClusterId> everyone = new ArrayList<>();
        private final List<LogicalClusterId> steady = new ArrayList<>();
        private final long[] throttleBefore;
        private SoakLoadStats before = SoakLoadStats.none();
        private final Path firstHistogramFile;
        private HeapHistogram firstHistogram = HeapHistogram.none();
        private HeapHistogram lastHistogram = HeapHistogram.none();

        /**
         * @param firstHistogramFile where the first histogram waits for the end, off the heap being measured
         */
        SoakWatch(Gateway gateway, SimpleMeterRegistry meters, List<SoakTenantsFile.Line> lines, SoakLoadProcess load,
                  SoakSettings settings, Path firstHistogramFile) {
            this.firstHistogramFile = firstHistogramFile;
            this.gateway = gateway;
            this.meters = meters;
            this.lines = lines;
            this.load = load;
            this.settings = settings;
            this.state = new GatewayQuotaState(gateway);
            for (SoakTenantsFile.Line line : lines) {
                everyone.add(line.tenant().id());
                if (line.steady()) {
                    steady.add(line.tenant().id());
                }
            }
            this.throttleBefore = new long[steady.size()];
        }

        /** The heap by class right after the first point (empty until then). */
        HeapHistogram firstHistogram() {
            return firstHistogram;
        }

        /** The heap by class right after the last point (empty until then). */
        HeapHistogram lastHistogram() {
            return lastHistogram;
        }

        /**
         * Takes a point every interval until the end; heap after full collections at every point
         * (a second or two of pauses a minute), a class histogram after the first and the last.
         */
        List<SoakPoint> follow() throws InterruptedException, IOException {
            List<Long> at = new ArrayList<>();
            long end = settings.duration().toSeconds();
            for (long t = settings.firstPoint().toSeconds(); t < end; t += settings.interval().toSeconds()) {
                at.add(t);
            }
            at.add(end);
            long start = System.nanoTime();
            long previous = start;
            List<SoakPoint> points = new ArrayList<>();
            for (int i = 0; i < at.size(); i++) {
                long due = start + at.get(i) * 1_000_000_000L;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                long now = System.nanoTime();
                SoakPoint point = point(at.get(i), (now - previous) / 1e9);
                if (i == 0) {
                    HeapHistogram.take().write(firstHistogramFile);
                } else if (i == at.size() - 1) {
                    lastHistogram = HeapHistogram.take();
                    firstHistogram = HeapHistogram.read(firstHistogramFile);
                }
                previous = now;
                points.add(point);
                LOG.info("Soak point: {}", point);
            }
            return points;
        }

        private SoakPoint point(long atSeconds, double intervalSeconds) throws InterruptedException {
            long checkedAtMs = System.currentTimeMillis();
            Map<Integer, TrackedChurner> tracked = trackedChurners();
            // Totals taken after the check: a tenant they show away since before the check was away
            // at the check (totals from before it may show away a tenant that has reopened since).
            SoakLoadStats stats = load.takenAfter(checkedAtMs, FRESH_STATS_TIMEOUT);
            int throttled = 0;
            int atQuota = 0;
            double lowest = Double.MAX_VALUE;
            double highest = 0;
            for (int i = 0; i < steady.size(); i++) {
                Optional<QuotaUsage> usage = gateway.quotaUsage(steady.get(i));
                if (usage.isEmpty()) {
                    lowest = 0;
                    continue;
                }
                long throttle = usage.get().throttleTimeMs(QuotaKind.PRODUCE);
                if (throttle > throttleBefore[i]) {
                    throttled++;
                }
                throttleBefore[i] = throttle;
                double ratio = usage.get().produceBytesPerSecond() / usage.get().limits().effectiveProduceBytesPerSecond();
                atQuota += ratio >= 0.9 ? 1 : 0;
                lowest = Math.min(lowest, ratio);
                highest = Math.max(highest, ratio);
            }
            int gatewayConnections = 0;
            int quotaConnections = 0;
            for (LogicalClusterId tenant : everyone) {
                gatewayConnections += gateway.connections(tenant);
                quotaConnections += gateway.quotaUsage(tenant).map(QuotaUsage::openConnections).orElse(0);
            }
            long pastExpiryMs = settings.idleExpiry().plus(EXPIRY_SLACK).toMillis();
            int away = 0;
            int awayTracked = 0;
            int awayTrackedConnected = 0;
            for (Map.Entry<Integer, Long> entry : stats.awayMs().entrySet()) {
                long awayAtCheckMs = checkedAtMs - (stats.takenAtMs() - entry.getValue());
                if (awayAtCheckMs > pastExpiryMs) {
                    away++;
                    TrackedChurner churner = tracked.get(entry.getKey());
                    if (churner != null) {
                        awayTracked++;
                        awayTrackedConnected += churner.quotaOpenConnections() > 0 ? 1 : 0;
                        LOG.warn("Tenant gone past the idle expiry still tracked: tenant={} awayMs={} quotaOpenConnections={}"
                                + " gatewayConnections={}", churner.id(), awayAtCheckMs, churner.quotaOpenConnections(),
                                churner.gatewayConnections());
                    }
                }
            }
            double ackedRate = (stats.ackedBytes() - before.ackedBytes()) / intervalSeconds;
            double steadyAckedToQuota = (stats.steadyAckedBytes() - before.steadyAckedBytes()) / intervalSeconds
                    / (steady.size() * (double) settings.quotaBytes());
            double heldBackRate = (stats.heldBackBytes() - before.heldBackBytes()) / intervalSeconds;
            before = stats;
            GatewayQuotaState.Reading reading = state.read(everyone);
            OptionalLong heapAfterGc = OptionalLong.of(HeapProbe.usedAfterFullGc());
            return new SoakPoint(atSeconds, stats.connected(), stats.clientConnections(), gatewayConnections,
                    quotaConnections, throttled, steady.size(), atQuota,
                    lowest == Double.MAX_VALUE ? 0 : lowest, highest, ackedRate, steadyAckedToQuota, heldBackRate,
                    stats.failedRecords(), stats.abortedAtClose(), stats.churnOpened(), stats.churnClosed(),
                    stats.openFailures(), away, awayTracked, awayTrackedConnected, reading, meters.getMeters().size(),
                    HeapProbe.usedNow(), stats.heapUsed(), heapAfterGc);
        }

        /** The churning tenants the gateway tracks now, by line in the tenants file. */
        private Map<Integer, TrackedChurner> trackedChurners() {
            Map<Integer, TrackedChurner> tracked = new HashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).steady()) {
                    continue;
                }
                LogicalClusterId id = lines.get(i).tenant().id();
                Optional<QuotaUsage> usage = gateway.quotaUsage(id);
                if (usage.isPresent()) {
                    tracked.put(i, new TrackedChurner(id, usage.get().openConnections(), gateway.connections(id)));
                }
            }
            return tracked;
        }

        /** A churning tenant the gateway tracks, with the connections its quotas and the gateway count open. */
        private record TrackedChurner(LogicalClusterId id, int quotaOpenConnections, int gatewayConnections) {
        }
    }
}
