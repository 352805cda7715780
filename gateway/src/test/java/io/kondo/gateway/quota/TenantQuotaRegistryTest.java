package io.kondo.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantQuotaRegistryTest {

    /** Rates of the five quotas, the produce and fetch buckets, and the partition mutation bucket. */
    private static final int METRICS_PER_TENANT = 8;

    private static final QuotaLimits LIMITS = new QuotaLimits(1_000, 1_000, 10.0, 10, 3, 5, OptionalLong.empty());
    private static final long IDLE_MS = QuotaSettings.DEFAULT_IDLE_EXPIRY.toMillis();

    private final FakeTime time = new FakeTime();
    private final Metrics metrics = new Metrics(new MetricConfig(), List.of(), time);
    private final int baseline = metrics.metrics().size();
    private final TenantQuotaRegistry registry = new TenantQuotaRegistry(metrics, QuotaSettings.defaults());

    @AfterEach
    void closeMetrics() {
        metrics.close();
    }

    private TenantQuotas admitted(String tenant) {
        ConnectionAdmission admission = registry.connect(tenant, LIMITS, time.milliseconds());
        assertThat(admission).isInstanceOf(ConnectionAdmission.Admitted.class);
        return ((ConnectionAdmission.Admitted) admission).quotas();
    }

    @Test
    void allConnectionsOfATenantShareOneTenantQuotas() {
        TenantQuotas first = admitted("lkc-aaaaaa");
        TenantQuotas second = admitted("lkc-aaaaaa");
        TenantQuotas other = admitted("lkc-bbbbbb");
        assertThat(second).isSameAs(first);
        assertThat(other).isNotSameAs(first);
        assertThat(first.openConnections()).isEqualTo(2);
        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.find("lkc-aaaaaa")).containsSame(first);
    }

    @Test
    void aConnectionOverTheTenantsLimitIsRefusedWithAClearMessage() {
        for (int i = 0; i < 3; i++) {
            admitted("lkc-aaaaaa");
        }
        assertThat(registry.connect("lkc-aaaaaa", LIMITS, time.milliseconds()))
                .isEqualTo(new ConnectionAdmission.Refused("logical cluster lkc-aaaaaa has reached its limit of 3 connections"));
        registry.find("lkc-aaaaaa").orElseThrow().connectionClosed(time.milliseconds());
        admitted("lkc-aaaaaa");
    }

    @Test
    void connectionsOverTheAttemptRateAreAdmittedWithADelay() {
        TenantQuotas quotas = admitted("lkc-aaaaaa");
        long now = time.milliseconds();
        for (int i = 1; i < 50; i++) {
            quotas.connectionClosed(now);
            assertThat(registry.connect("lkc-aaaaaa", LIMITS, now))
                    .isEqualTo(new ConnectionAdmission.Admitted(quotas, 0));
        }
        quotas.connectionClosed(now);
        // The 51st attempt within the minimum window of 10 s at 5/s: (5.1 − 5) / 5 × 10 s.
        assertThat(registry.connect("lkc-aaaaaa", LIMITS, now)).isEqualTo(new ConnectionAdmission.Admitted(quotas, 200));
    }

    @Test
    void refusedAttemptsCountTowardsTheAttemptRate() {
        for (int i = 0; i < 3; i++) {
            admitted("lkc-aaaaaa");
        }
        for (int i = 0; i < 47; i++) {
            assertThat(registry.connect("lkc-aaaaaa", LIMITS, time.milliseconds()))
                    .isInstanceOf(ConnectionAdmission.Refused.class);
        }
        TenantQuotas quotas = registry.find("lkc-aaaaaa").orElseThrow();
        quotas.connectionClosed(time.milliseconds());
        assertThat(registry.connect("lkc-aaaaaa", LIMITS, time.milliseconds()))
                .isEqualTo(new ConnectionAdmission.Admitted(quotas, 200));
    }

    @Test
    void limitsOfAKnownTenantChangeOnlyThroughUpdate() {
        TenantQuotas quotas = admitted("lkc-aaaaaa");
        QuotaLimits larger = new QuotaLimits(5_000, 5_000, 50.0, 50, 30, 50, OptionalLong.empty());
        registry.connect("lkc-aaaaaa", larger, time.milliseconds());
        assertThat(quotas.limits()).isEqualTo(LIMITS);

        assertThat(registry.update("lkc-aaaaaa", larger)).isTrue();
        assertThat(quotas.limits()).isEqualTo(larger);
        assertThat(registry.update("lkc-unknown", larger)).isFalse();
    }

    @Test
    void aThousandTenantsComingAndGoingLeaveNoMetricsBehind() {
        for (int i = 0; i < 1_000; i++) {
            String tenant = "lkc-" + i;
            TenantQuotas quotas = admitted(tenant);
            quotas.recordProduce(100, time.milliseconds());
            quotas.admitFetch(100, time.milliseconds());
            quotas.recordRequestTime(1_000, time.milliseconds());
            quotas.tryMutatePartitions(1, time.milliseconds());
            quotas.connectionClosed(time.milliseconds());
        }
        assertThat(metrics.metrics().size()).isEqualTo(baseline + 1_000 * METRICS_PER_TENANT);

        assertThat(registry.expireIdle(time.advance(IDLE_MS - 1))).isEmpty();
        assertThat(registry.expireIdle(time.advance(1))).hasSize(1_000);

        assertThat(registry.size()).isZero();
        assertThat(metrics.metrics()).hasSize(baseline);
        assertThat(metrics.getSensor("kondo-quota:produce:lkc-0")).isNull();
    }

    @Test
    void aTenantWithAnOpenConnectionIsKept() {
        admitted("lkc-aaaaaa");
        assertThat(registry.expireIdle(time.advance(10 * IDLE_MS))).isEmpty();
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void activityWithoutConnectionsPostponesExpiry() {
        TenantQuotas quotas = admitted("lkc-aaaaaa");
        quotas.connectionClosed(time.milliseconds());
        // A response arriving after the connection closed still counts as activity.
        quotas.admitFetch(100, time.advance(IDLE_MS - 1_000));
        assertThat(registry.expireIdle(time.advance(2_000))).isEmpty();
        assertThat(registry.expireIdle(time.advance(IDLE_MS))).containsExactly("lkc-aaaaaa");
    }

    @Test
    void aTenantInPartitionMutationDebtIsKeptUntilTheBucketHasRefilled() {
        TenantQuotas quotas = admitted("lkc-aaaaaa");
        // 110 tokens at 10/s; 10,000 mutations leave −9,890, refilled in 989 s.
        assertThat(quotas.tryMutatePartitions(10_000, time.milliseconds())).isZero();
        quotas.connectionClosed(time.milliseconds());
        assertThat(registry.expireIdle(time.advance(IDLE_MS))).isEmpty();
        assertThat(registry.expireIdle(time.advance(989_000 - IDLE_MS))).containsExactly("lkc-aaaaaa");
    }

    @Test
    void aForgottenTenantThatComesBackStartsAfreshWithTheLimitsItBrings() {
        TenantQuotas before = admitted("lkc-aaaaaa");
        before.recordProduce(5_000, time.milliseconds());
        before.connectionClosed(time.milliseconds());
        registry.expireIdle(time.advance(IDLE_MS));

        QuotaLimits larger = new QuotaLimits(5_000, 5_000, 50.0, 50, 30, 50, OptionalLong.empty());
        ConnectionAdmission again = registry.connect("lkc-aaaaaa", larger, time.milliseconds());
        TenantQuotas after = ((ConnectionAdmission.Admitted) again).quotas();
        assertThat(after).isNotSameAs(before);
        assertThat(after.limits()).isEqualTo(larger);
        assertThat(after.usage(time.milliseconds()).produceBytesPerSecond()).isZero();
        assertThat(metrics.metrics()).hasSize(baseline + METRICS_PER_TENANT);
    }

    @Test
    void concurrentConnectionsOfOneTenantAreAdmittedExactlyUpToTheLimit() throws Exception {
        QuotaLimits limits = new QuotaLimits(1_000, 1_000, 10.0, 10, 25, 1_000_000, OptionalLong.empty());
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<ConnectionAdmission> admissions = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<ConnectionAdmission>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<ConnectionAdmission> mine = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        mine.add(registry.connect("lkc-aaaaaa", limits, time.milliseconds()));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<ConnectionAdmission>> result : results) {
                admissions.addAll(result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admissions).filteredOn(a -> a instanceof ConnectionAdmission.Admitted).hasSize(25);
        assertThat(admissions).filteredOn(a -> a instanceof ConnectionAdmission.Refused).hasSize(55);
        assertThat(registry.find("lkc-aaaaaa").orElseThrow().openConnections()).isEqualTo(25);
    }

    @Test
    void theIdleExpiryIsConfigurable() {
        TenantQuotaRegistry quick = new TenantQuotaRegistry(metrics,
                QuotaSettings.defaults().withIdleExpiry(Duration.ofSeconds(30)));
        ConnectionAdmission admission = quick.connect("lkc-quick1", LIMITS, time.milliseconds());
        ((ConnectionAdmission.Admitted) admission).quotas().connectionClosed(time.milliseconds());
        assertThat(quick.expireIdle(time.advance(30_000))).containsExactly("lkc-quick1");
    }
}
