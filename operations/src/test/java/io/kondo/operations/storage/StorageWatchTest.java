package io.kondo.operations.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.kondo.core.plan.Plan;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.quota.StorageQuota.State;
import io.kondo.core.tenant.ClusterState;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StorageWatchTest {

    private static final long TRICKLE = 64 * 1024;
    private static final LogicalClusterId PAYMENTS = new LogicalClusterId("lkc-pay001");
    private static final LogicalClusterId SHIPPING = new LogicalClusterId("lkc-shp002");
    /** 1,000 bytes, fixed. */
    private static final Plan FIXED = new Plan("fixed", "", limits(1_000, 1_000, false));
    /** 1,000 bytes growing by steps of 250 up to 2,000. */
    private static final Plan GROWING = new Plan("growing", "", limits(1_000, 2_000, true));
    private static final PlanCatalog PLANS = new PlanCatalog(List.of(FIXED, GROWING));

    private final TestClock clock = new TestClock(1_700_000_000_000L);
    private final MeterRegistry metrics = new SimpleMeterRegistry();
    private final List<LogicalCluster> tenants = new CopyOnWriteArrayList<>();
    private final Map<LogicalClusterId, Long> stored = new ConcurrentHashMap<>();
    private final List<Map.Entry<LogicalClusterId, OptionalLong>> capsSent = new CopyOnWriteArrayList<>();
    private volatile RuntimeException measurementFailure;
    private StorageWatch watch;
    private HttpServer receiver;

    @AfterEach
    void stop() {
        if (watch != null) {
            watch.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void warnsOnceWhenATenantCrossesEightyPercentOfAFixedQuota() {
        watch = watch(StorageWatchSettings.defaults());
        tenant(PAYMENTS, FIXED);

        checkAt(PAYMENTS, 500);
        assertThat(watch.latest(PAYMENTS)).map(StorageStanding::state).contains(State.NORMAL);
        assertThat(events(PAYMENTS, "warning")).isZero();

        checkAt(PAYMENTS, 850);
        checkAt(PAYMENTS, 870);
        checkAt(PAYMENTS, 860);

        StorageStanding standing = watch.latest(PAYMENTS).orElseThrow();
        assertThat(standing.state()).isEqualTo(State.WARNING);
        assertThat(standing.storedBytes()).isEqualTo(860);
        assertThat(standing.quotaBytes()).isEqualTo(1_000);
        assertThat(standing.checkedAtMs()).isEqualTo(clock.millis());
        assertThat(events(PAYMENTS, "warning")).isEqualTo(1);
        assertThat(gauge(StorageWatch.STORED, PAYMENTS)).isEqualTo(860);
        assertThat(capsSent).isEmpty();
    }

    @Test
    void expandsTheQuotaOfAPlanThatAllowsItUpToTheHardCap() {
        watch = watch(StorageWatchSettings.defaults());
        tenant(PAYMENTS, GROWING);

        checkAt(PAYMENTS, 900);

        StorageStanding standing = watch.latest(PAYMENTS).orElseThrow();
        assertThat(standing.state()).isEqualTo(State.EXPANDED);
        assertThat(standing.quotaBytes()).isEqualTo(1_250);
        assertThat(events(PAYMENTS, "expanded")).isEqualTo(1);
        assertThat(gauge(StorageWatch.QUOTA, PAYMENTS)).isEqualTo(1_250);

        checkAt(PAYMENTS, 1_900);

        assertThat(watch.latest(PAYMENTS).orElseThrow().quotaBytes()).isEqualTo(2_000);
        assertThat(watch.latest(PAYMENTS).orElseThrow().state()).isEqualTo(State.WARNING);
        assertThat(events(PAYMENTS, "expanded")).isEqualTo(2);
        assertThat(events(PAYMENTS, "warning")).isEqualTo(1);
        assertThat(capsSent).isEmpty();
    }

    @Test
    void capsProduceToATricklePastTheHardCapUntilStorageIsBackWithinIt() {
        watch = watch(StorageWatchSettings.defaults());
        tenant(PAYMENTS, FIXED);

        checkAt(PAYMENTS, 1_200);

        assertThat(watch.latest(PAYMENTS).orElseThrow().state()).isEqualTo(State.TRICKLE);
        assertThat(watch.latest(PAYMENTS).orElseThrow().produceCapBytesPerSecond()).hasValue(TRICKLE);
        assertThat(capsSent).containsExactly(Map.entry(PAYMENTS, OptionalLong.of(TRICKLE)));
        assertThat(events(PAYMENTS, "trickle_started")).isEqualTo(1);

        checkAt(PAYMENTS, 1_100);
        assertThat(capsSent).as("a cap is sent again while it holds").hasSize(2);

        checkAt(PAYMENTS, 700);
        checkAt(PAYMENTS, 600);

        assertThat(capsSent).containsExactly(Map.entry(PAYMENTS, OptionalLong.of(TRICKLE)),
                Map.entry(PAYMENTS, OptionalLong.of(TRICKLE)), Map.entry(PAYMENTS, OptionalLong.empty()));
        assertThat(watch.latest(PAYMENTS).orElseThrow().state()).isEqualTo(State.NORMAL);
        assertThat(events(PAYMENTS, "trickle_ended")).isEqualTo(1);
    }

    @Test
    void aCapTheGatewayCouldNotTakeIsTriedAgainAtTheNextCheck() {
        AtomicInteger refusals = new AtomicInteger(1);
        watch = new StorageWatch(StorageWatchSettings.defaults(), () -> tenants, PLANS, () -> Map.copyOf(stored),
                (tenant, cap) -> {
                    if (refusals.getAndDecrement() > 0) {
                        throw new IllegalStateException("gateway restarting");
                    }
                    capsSent.add(Map.entry(tenant, cap));
                }, metrics, clock);
        tenant(PAYMENTS, FIXED);

        checkAt(PAYMENTS, 1_200);
        assertThat(capsSent).isEmpty();
        assertThat(metrics.counter("kondo.storage.produce.cap.failures").count()).isEqualTo(1);

        checkAt(PAYMENTS, 1_200);
        assertThat(capsSent).containsExactly(Map.entry(PAYMENTS, OptionalLong.of(TRICKLE)));
    }

    @Test
    void postsEachEventToTheWebhookAsJson() throws IOException {
        BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
        URI url = webhookReceiver(200, bodies);
        watch = watch(new StorageWatchSettings(Duration.ofSeconds(30), TRICKLE, Optional.of(url)));
        tenant(PAYMENTS, FIXED);

        checkAt(PAYMENTS, 1_500);

        await().atMost(Duration.ofSeconds(10)).until(() -> !bodies.isEmpty());
        JsonNode event = new ObjectMapper().readTree(bodies.peek());
        assertThat(event.get("kind").asText()).isEqualTo("trickle_started");
        assertThat(event.get("cluster_id").asText()).isEqualTo(PAYMENTS.value());
        assertThat(event.get("plan").asText()).isEqualTo("fixed");
        assertThat(event.get("state").asText()).isEqualTo("trickle");
        assertThat(event.get("stored_bytes").asLong()).isEqualTo(1_500);
        assertThat(event.get("quota_bytes").asLong()).isEqualTo(1_000);
        assertThat(event.get("hard_cap_bytes").asLong()).isEqualTo(1_000);
        assertThat(event.get("produce_cap_bytes_per_second").asLong()).isEqualTo(TRICKLE);
        assertThat(event.get("message").asText()).contains("produce throttled to a trickle");
        assertThat(event.get("occurred_at").asText()).isEqualTo(Instant.ofEpochMilli(clock.millis()).toString());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries("delivered")).isEqualTo(1));
    }

    @Test
    void aFailingWebhookIsCountedAndDoesNotHoldUpChecks() {
        URI url = webhookReceiver(500, new LinkedBlockingQueue<>());
        watch = watch(new StorageWatchSettings(Duration.ofSeconds(30), TRICKLE, Optional.of(url)));
        tenant(PAYMENTS, FIXED);
        tenant(SHIPPING, FIXED);

        checkAt(PAYMENTS, 900);
        checkAt(SHIPPING, 900);

        assertThat(watch.latest(SHIPPING).orElseThrow().state()).isEqualTo(State.WARNING);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deliveries("failed")).isEqualTo(2));
        assertThat(deliveries("delivered")).isZero();
    }

    @Test
    void forgetsADeletedTenantLiftingItsCapAndRemovingItsMeters() {
        watch = watch(StorageWatchSettings.defaults());
        tenant(PAYMENTS, FIXED);
        tenant(SHIPPING, FIXED);
        checkAt(PAYMENTS, 1_200);
        assertThat(metrics.find(StorageWatch.STORED).tag("tenant", PAYMENTS.value()).gauge()).isNotNull();

        tenants.removeIf(c -> c.id().equals(PAYMENTS));
        stored.remove(PAYMENTS);
        watch.check();

        assertThat(watch.latest(PAYMENTS)).isEmpty();
        assertThat(watch.latest(SHIPPING)).isPresent();
        assertThat(capsSent).last().isEqualTo(Map.entry(PAYMENTS, OptionalLong.empty()));
        assertThat(metrics.find(StorageWatch.STORED).tag("tenant", PAYMENTS.value()).meters()).isEmpty();
        assertThat(metrics.find(StorageWatch.QUOTA).tag("tenant", PAYMENTS.value()).meters()).isEmpty();
        assertThat(metrics.find(StorageWatch.EVENTS).tag("tenant", PAYMENTS.value()).meters()).isEmpty();
        assertThat(metrics.find(StorageWatch.STORED).tag("tenant", SHIPPING.value()).gauge()).isNotNull();
    }

    @Test
    void aTenantBeingDeletedIsNoLongerJudged() {
        watch = watch(StorageWatchSettings.defaults());
        tenant(PAYMENTS, FIXED);
        checkAt(PAYMENTS, 100);

        tenants.replaceAll(c -> c.withState(ClusterState.DELETING));
        watch.check();

        assertThat(watch.latest(PAYMENTS)).isEmpty();
    }

    @Test
    void aFailedMeasurementKeepsEveryDecisionAndIsRetriedAtTheNextCheck() {
        watch = watch(StorageWatchSettings.defaults());
        tenant(PAYMENTS, FIXED);
        checkAt(PAYMENTS, 1_200);
        StorageStanding before = watch.latest(PAYMENTS).orElseThrow();

        measurementFailure = new IllegalStateException("the backing cluster did not describe log dirs within 10 s");
        clock.advance(Duration.ofSeconds(30));
        watch.check();

        assertThat(watch.latest(PAYMENTS)).contains(before);
        assertThat(metrics.counter("kondo.storage.measurement.failures").count()).isEqualTo(1);
        assertThat(capsSent).hasSize(1);

        measurementFailure = null;
        checkAt(PAYMENTS, 200);
        assertThat(watch.latest(PAYMENTS).orElseThrow().state()).isEqualTo(State.NORMAL);
    }

    @Test
    void aTenantWithoutDataStoresNothingAndATenantOnARemovedPlanIsHeldToTheDefault() {
        watch = watch(StorageWatchSettings.defaults());
        tenants.add(cluster(PAYMENTS, "retired"));

        watch.check();

        StorageStanding standing = watch.latest(PAYMENTS).orElseThrow();
        assertThat(standing.storedBytes()).isZero();
        assertThat(standing.plan()).isEqualTo("fixed");
        assertThat(standing.state()).isEqualTo(State.NORMAL);
    }

    @Test
    void keepsCheckingOnItsScheduleAfterAFailedCheck() {
        AtomicInteger measurements = new AtomicInteger();
        watch = new StorageWatch(new StorageWatchSettings(Duration.ofMillis(20), TRICKLE, Optional.empty()),
                () -> tenants, PLANS, () -> {
                    if (measurements.incrementAndGet() == 1) {
                        throw new IllegalStateException("backing cluster unreachable");
                    }
                    return Map.of(PAYMENTS, 900L);
                }, ProduceCaps.NONE, metrics, Clock.systemUTC());
        tenant(PAYMENTS, FIXED);

        watch.start();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(watch.latest(PAYMENTS)).map(StorageStanding::state).contains(State.WARNING));
        assertThat(metrics.counter("kondo.storage.measurement.failures").count()).isEqualTo(1);
    }

    private StorageWatch watch(StorageWatchSettings settings) {
        return new StorageWatch(settings, () -> tenants, PLANS, () -> {
            RuntimeException failure = measurementFailure;
            if (failure != null) {
                throw failure;
            }
            return Map.copyOf(stored);
        }, (tenant, cap) -> capsSent.add(Map.entry(tenant, cap)), metrics, clock);
    }

    private void tenant(LogicalClusterId id, Plan plan) {
        tenants.add(cluster(id, plan.name()));
    }

    private static LogicalCluster cluster(LogicalClusterId id, String plan) {
        return new LogicalCluster(id, "tenant-" + id.value().substring(4), plan, "cell-0", ClusterState.ACTIVE, 0);
    }

    private void checkAt(LogicalClusterId tenant, long bytes) {
        stored.put(tenant, bytes);
        clock.advance(Duration.ofSeconds(30));
        watch.check();
    }

    private double events(LogicalClusterId tenant, String kind) {
        Counter counter = metrics.find(StorageWatch.EVENTS).tag("tenant", tenant.value()).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name, LogicalClusterId tenant) {
        return metrics.get(name).tag("tenant", tenant.value()).gauge().value();
    }

    private double deliveries(String outcome) {
        Counter counter = metrics.find("kondo.storage.webhook.deliveries").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A webhook receiver on a free loopback port answering {@code status} and keeping each body. */
    private URI webhookReceiver(int status, BlockingQueue<String> bodies) {
        try {
            receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiver.createContext("/hooks/storage", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/storage?token=s3cret");
    }

    private static PlanLimits limits(long storage, long hardCap, boolean autoExpand) {
        return new PlanLimits(1_000_000, 1_000_000, storage, 10, 10, 10, 10.0, 10, 1_000_000, hardCap, autoExpand);
    }

    /** A clock tests move by hand. */
    private static final class TestClock extends Clock {
        private volatile long millis;

        TestClock(long millis) {
            this.millis = millis;
        }

        void advance(Duration duration) {
            millis += duration.toMillis();
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
