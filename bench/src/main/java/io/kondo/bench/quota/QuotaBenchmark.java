package io.kondo.bench.quota;

import io.kondo.core.policy.TopicPolicy;
import io.kondo.gateway.CapacityLimits;
import io.kondo.gateway.Gateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenant quotas measured with real clients through an in-process gateway on the embedded 3-node
 * cluster: quota accuracy (produce and fetch), fairness of the auto-tuned fair share under a
 * broker-wide limit, and a quiet tenant's p99 produce latency with and without a noisy neighbour.
 * Prints a markdown report and writes it to {@code --out}; exits non-zero if a run could not be
 * completed or records failed (a target missed is reported, not a failure of the run).
 *
 * <p>Options (defaults in brackets): {@code --out} [quota-bench.md], {@code --record-bytes} [1024],
 * {@code --warmup-seconds} [15], {@code --measure-seconds} [30], {@code --accuracy-quota-kib} [1024],
 * {@code --backlog-mib} [96], {@code --fair-tenants} [8], {@code --fair-plan-kib} [2048],
 * {@code --fair-broker-kib} [1024], {@code --fair-warmup-seconds} [20], {@code --quiet-rate} [500],
 * {@code --quiet-plan-kib} [4096], {@code --neighbour-quota-kib} [1024], {@code --neighbour-factor} [10],
 * {@code --rounds} [3], {@code --lead-in-seconds} [15], {@code --gap-seconds} [10].
 */
public final class QuotaBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaBenchmark.class);
    private static final Set<String> OPTIONS = Set.of("out", "record-bytes", "warmup-seconds", "measure-seconds",
            "accuracy-quota-kib", "backlog-mib", "fair-tenants", "fair-plan-kib", "fair-broker-kib", "fair-warmup-seconds",
            "quiet-rate", "quiet-plan-kib", "neighbour-quota-kib", "neighbour-factor", "rounds", "lead-in-seconds",
            "gap-seconds");
    private static final String TOPIC = "load";
    private static final short REPLICATION = 3;
    private static final int MIN_IN_SYNC = 2;
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(3);

    private QuotaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args, OPTIONS);
        Settings settings = Settings.from(options);
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long start = System.nanoTime();
        String loadBefore = Load.average();
        Path dataDir = Files.createTempDirectory("kondo-quota-bench-");
        Results results;
        try (QuotaPlatform platform = QuotaPlatform.start(dataDir, settings.plans())) {
            results = run(platform, settings);
        } finally {
            Load.deleteRecursively(dataDir);
        }
        String report = QuotaBenchReport.render(settings, results, startedAt, (System.nanoTime() - start) / 1_000_000_000L,
                loadBefore, Load.average());
        System.out.println(report);
        Path out = options.path("out", "quota-bench.md").toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LOG.info("Report written to {}", out);
        long failures = results.failures();
        if (failures > 0) {
            LOG.error("{} records failed: the figures are not trustworthy", failures);
            System.exit(1);
        }
    }

    private static Results run(QuotaPlatform platform, Settings s) throws Exception {
        BenchTenant producing = platform.createTenants(List.of("accuracy-produce"), "accuracy", SETUP_TIMEOUT).get(0);
        BenchTenant consuming = platform.createTenants(List.of("accuracy-fetch"), "accuracy", SETUP_TIMEOUT).get(0);
        List<BenchTenant> fair = platform.createTenants(
                IntStream.range(0, s.fairTenants()).mapToObj(i -> "fair-" + i).toList(), "fair", SETUP_TIMEOUT);
        BenchTenant quiet = platform.createTenants(List.of("quiet"), "quiet", SETUP_TIMEOUT).get(0);
        BenchTenant neighbour = platform.createTenants(List.of("neighbour"), "neighbour", SETUP_TIMEOUT).get(0);

        BackingTopics topics = new BackingTopics(platform.backingAdmin(), SETUP_TIMEOUT);
        List<String> spread = new ArrayList<>(List.of(producing.backingTopic(TOPIC), consuming.backingTopic(TOPIC)));
        fair.forEach(t -> spread.add(t.backingTopic(TOPIC)));
        topics.create(spread, REPLICATION, MIN_IN_SYNC);
        topics.createOn(List.of(quiet.backingTopic(TOPIC), neighbour.backingTopic(TOPIC)), platform.nodeIds(), MIN_IN_SYNC);

        TopicPolicy policy = new TopicPolicy(1, REPLICATION, MIN_IN_SYNC);
        QuotaAccuracy.Result produce;
        QuotaAccuracy.Result fetch;
        NoisyNeighbourRun.Result noisy;
        try (Gateway gateway = platform.startGateway(g -> g.withTopicPolicy(policy))) {
            QuotaAccuracy accuracy = new QuotaAccuracy(gateway, s.warmUp(), s.measured(), s.recordBytes());
            LOG.info("Measuring produce quota accuracy");
            produce = accuracy.produce(producing, TOPIC, s.accuracyQuota());
            LOG.info("Measuring fetch quota accuracy");
            fetch = accuracy.fetch(consuming, TOPIC, s.accuracyQuota(), platform.superuserClient(), s.backlogBytes());
            LOG.info("Measuring a quiet tenant's latency with and without a noisy neighbour");
            noisy = new NoisyNeighbourRun(gateway, s.measured(), s.leadIn(), s.gap(), s.recordBytes())
                    .run(quiet, neighbour, TOPIC, s.quietRate(), s.neighbourQuota(), s.neighbourFactor(), s.rounds());
        }
        FairShareRun.Result fairness;
        long perBroker = s.fairBrokerLimit();
        try (Gateway limited = platform.startGateway(g -> g.withTopicPolicy(policy)
                .withCapacity(CapacityLimits.defaults().withBrokerBytes(perBroker, CapacityLimits.UNLIMITED)))) {
            LOG.info("Measuring fairness of {} tenants under a broker-wide limit", fair.size());
            fairness = new FairShareRun(limited, s.fairWarmUp(), s.measured(), s.recordBytes())
                    .run(fair, TOPIC, perBroker * platform.nodeIds().size(), s.fairPlanQuota());
        }
        return new Results(produce, fetch, fairness, noisy);
    }

    /** What the runs measured. */
    record Results(QuotaAccuracy.Result produce, QuotaAccuracy.Result fetch, FairShareRun.Result fairness,
                   NoisyNeighbourRun.Result noisy) {
        long failures() {
            return produce.failures() + fetch.failures() + fairness.failures() + noisy.failures();
        }
    }

    /** The options, in bytes and durations. */
    record Settings(int recordBytes, Duration warmUp, Duration measured, long accuracyQuota, long backlogBytes,
                    int fairTenants, long fairPlanQuota, long fairBrokerLimit, Duration fairWarmUp, double quietRate,
                    long quietPlanQuota, long neighbourQuota, double neighbourFactor, int rounds, Duration leadIn,
                    Duration gap) {

        static Settings from(Options o) {
            return new Settings(o.integer("record-bytes", 1024), o.seconds("warmup-seconds", 15),
                    o.seconds("measure-seconds", 30), o.integer("accuracy-quota-kib", 1024) * 1024L,
                    o.integer("backlog-mib", 96) * 1024L * 1024, o.integer("fair-tenants", 8),
                    o.integer("fair-plan-kib", 2048) * 1024L, o.integer("fair-broker-kib", 1024) * 1024L,
                    o.seconds("fair-warmup-seconds", 20), o.decimal("quiet-rate", 500),
                    o.integer("quiet-plan-kib", 4096) * 1024L, o.integer("neighbour-quota-kib", 1024) * 1024L,
                    o.decimal("neighbour-factor", 10), o.integer("rounds", 3), o.seconds("lead-in-seconds", 15),
                    o.seconds("gap-seconds", 10));
        }

        /** Consume quotas not under test are set far above what the runs read. */
        io.kondo.core.plan.PlanCatalog plans() {
            long plenty = 1L << 30;
            return new BenchPlans()
                    .with("accuracy", accuracyQuota, accuracyQuota)
                    .with("fair", fairPlanQuota, plenty)
                    .with("quiet", quietPlanQuota, plenty)
                    .with("neighbour", neighbourQuota, plenty)
                    .catalog();
        }
    }
}
