package io.kondo.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

class TenantQuotasTest {

    private static final String TENANT = "lkc-abc123";
    /** Produce and fetch 1,000 B/s, 10 % of a thread, 10 partition mutations/s, 3 connections, 5 attempts/s. */
    private static final QuotaLimits LIMITS = new QuotaLimits(1_000, 1_000, 10.0, 10, 3, 5, OptionalLong.empty());
    /** Throttles long enough that the uncapped arithmetic shows. */
    private static final QuotaSettings UNCAPPED = QuotaSettings.defaults().withMaxThrottle(Duration.ofMinutes(5));

    private final FakeTime time = new FakeTime();
    private final Metrics metrics = new Metrics(new MetricConfig(), List.of(), time);

    @AfterEach
    void closeMetrics() {
        metrics.close();
    }

    private TenantQuotas quotas(QuotaLimits limits, QuotaSettings settings) {
        return new TenantQuotas(TENANT, limits, metrics, settings, time.milliseconds());
    }

    private TenantQuotas quotas() {
        return quotas(LIMITS, QuotaSettings.defaults());
    }

    @Test
    void produceWithinQuotaIsNotThrottled() {
        TenantQuotas quotas = quotas();
        for (int i = 0; i < 300; i++) {
            assertThat(quotas.recordProduce(90, time.advance(100))).isZero();
        }
        assertThat(quotas.usage(time.milliseconds()).produceBytesPerSecond()).isCloseTo(900, within(30.0));
        assertThat(quotas.usage(time.milliseconds()).throttleTimeMs(QuotaKind.PRODUCE)).isZero();
    }

    @Test
    void aThrottleHoldsTheTenantBackUntilARateWindowAfterItEnds() {
        TenantQuotas quotas = quotas();
        assertThat(quotas.usage(time.milliseconds()).heldBack(QuotaKind.PRODUCE)).isFalse();
        long throttleMs = 0;
        while (throttleMs == 0) {
            throttleMs = quotas.recordProduce(5_000, time.advance(100));
        }
        long throttleEndsMs = time.milliseconds() + throttleMs;
        assertThat(quotas.usage(time.milliseconds()).heldBack(QuotaKind.PRODUCE)).isTrue();
        assertThat(quotas.usage(time.milliseconds()).heldBack(QuotaKind.FETCH)).isFalse();

        time.advance(throttleEndsMs + 10_999 - time.milliseconds());
        assertThat(quotas.usage(time.milliseconds()).heldBack(QuotaKind.PRODUCE)).as("11 s window not yet over").isTrue();
        time.advance(1);
        assertThat(quotas.usage(time.milliseconds()).heldBack(QuotaKind.PRODUCE)).as("a whole window after the throttle")
                .isFalse();
    }

    @Test
    void produceAtTwiceTheQuotaIsThrottledForTheDebtItRunsUp() {
        TenantQuotas quotas = quotas(LIMITS, UNCAPPED);
        long throttle = 0;
        for (int i = 0; i < 200; i++) {
            throttle = quotas.recordProduce(200, time.advance(100));
        }
        // 40,000 bytes in 20 s against a bucket of 11 s of quota (11,000) refilled at 1,000/s:
        // about 9,000 in debt, repaid in about 9 s.
        assertThat(throttle).isBetween(8_800L, 9_200L);
        assertThat(quotas.usage(time.milliseconds()).produceBytesPerSecond()).isCloseTo(2_000, within(50.0));
    }

    @Test
    void aNewTenantMayFirstSendElevenSecondsOfItsQuotaAtOnce() {
        TenantQuotas quotas = quotas();
        assertThat(quotas.recordProduce(11_000, time.milliseconds())).as("the whole bucket").isZero();
        assertThat(quotas.recordProduce(500, time.milliseconds())).as("500 past it: half a second").isEqualTo(500);
    }

    @Test
    void aProducerThatWaitsItsThrottleAveragesItsQuota() {
        TenantQuotas quotas = quotas();
        long start = time.milliseconds();
        long sent = 0;
        // The producer would send 2,000 B/s: 200 bytes every 100 ms, unless told to wait longer.
        while (time.milliseconds() - start < 600_000) {
            long throttle = quotas.recordProduce(200, time.milliseconds());
            sent += 200;
            assertThat(throttle).isLessThanOrEqualTo(5_000);
            time.advance(Math.max(100, throttle));
        }
        double average = sent * 1000.0 / (time.milliseconds() - start);
        assertThat(average).isCloseTo(1_000, within(50.0));
        assertThat(quotas.usage(time.milliseconds()).throttleTimeMs(QuotaKind.PRODUCE)).isGreaterThan(200_000);
    }

    @Test
    void aProduceCapBelowTheQuotaIsWhatIsEnforced() {
        TenantQuotas capped = quotas(LIMITS.withProduceCap(500), QuotaSettings.defaults());
        long throttle = 0;
        // 700 B/s for 30 s: within the quota of 1,000, over the cap of 500 once its bucket (5,500) is spent.
        for (int i = 0; i < 300; i++) {
            throttle = capped.recordProduce(70, time.advance(100));
        }
        assertThat(throttle).isPositive();
        assertThat(LIMITS.withProduceCap(500).effectiveProduceBytesPerSecond()).isEqualTo(500);
        assertThat(LIMITS.withProduceCap(5_000).effectiveProduceBytesPerSecond()).isEqualTo(1_000);
    }

    @Test
    void throttleIsCappedAtTheMaximum() {
        TenantQuotas quotas = quotas();
        assertThat(quotas.recordProduce(1_000_000, time.milliseconds())).isEqualTo(5_000);
    }

    @Test
    void theMaximumThrottleIsConfigurable() {
        TenantQuotas quotas = quotas(LIMITS, QuotaSettings.defaults().withMaxThrottle(Duration.ofSeconds(2)));
        assertThat(quotas.recordProduce(1_000_000, time.milliseconds())).isEqualTo(2_000);
        assertThat(quotas.admitFetch(1_000_000, time.milliseconds()).throttleMs()).isEqualTo(2_000);
    }

    @Test
    void aFetchArrivingOverQuotaIsAnsweredEmptyAndItsBytesAreNotCounted() {
        TenantQuotas quotas = quotas(LIMITS, UNCAPPED);
        long now = time.milliseconds();
        assertThat(quotas.admitFetch(5_000, now)).isEqualTo(new TenantQuotas.FetchAdmission(true, 0));
        // 13,000 bytes against a bucket of 11,000: 2,000 in debt, repaid at 1,000 B/s in 2 s.
        assertThat(quotas.admitFetch(8_000, now)).isEqualTo(new TenantQuotas.FetchAdmission(true, 2_000));
        assertThat(quotas.admitFetch(1_000, now)).isEqualTo(new TenantQuotas.FetchAdmission(false, 2_000));
        // The rate over the minimum window of 10 s counts only what was delivered.
        assertThat(quotas.usage(now).fetchBytesPerSecond()).isCloseTo(1_300, within(0.001));
        assertThat(quotas.usage(now).throttleTimeMs(QuotaKind.FETCH)).isEqualTo(4_000);
    }

    @Test
    void aFetchResponseLargerThanTheBucketIsDeliveredThenThrottled() {
        TenantQuotas quotas = quotas();
        TenantQuotas.FetchAdmission large = quotas.admitFetch(11_001, time.milliseconds());
        assertThat(large.deliver()).isTrue();
        assertThat(large.throttleMs()).isPositive();
    }

    @Test
    void fetchesAskForOneWindowOfTheQuotaAndNeverLessThan64KiB() {
        TenantQuotas quotas = quotas();
        assertThat(quotas.maxFetchBytes()).as("1,000 B/s is below the floor").isEqualTo(64 * 1024);
        quotas.update(new QuotaLimits(1_000, 1_000_000, 10.0, 10, 3, 5, OptionalLong.empty()));
        assertThat(quotas.maxFetchBytes()).isEqualTo(1_000_000);
    }

    @Test
    void requestTimeIsAShareOfOneThreadAndItsThrottleIsCappedAtOneWindow() {
        TenantQuotas quotas = quotas();
        long throttle = 0;
        // 20 ms of thread time every 100 ms is 20 % of a thread, twice the quota of 10 %.
        for (int i = 0; i < 200; i++) {
            throttle = quotas.recordRequestTime(TimeUnit.MILLISECONDS.toNanos(20), time.advance(100));
        }
        assertThat(quotas.usage(time.milliseconds()).requestTimePercent()).isCloseTo(20, within(0.5));
        assertThat(throttle).isEqualTo(1_000);
    }

    @Test
    void requestTimeWithinQuotaIsNotThrottled() {
        TenantQuotas quotas = quotas();
        for (int i = 0; i < 200; i++) {
            assertThat(quotas.recordRequestTime(TimeUnit.MILLISECONDS.toNanos(5), time.advance(100))).isZero();
        }
        assertThat(quotas.usage(time.milliseconds()).requestTimePercent()).isCloseTo(5, within(0.3));
    }

    @Test
    void requestTimeJustOverQuotaIsThrottledByKafkasFormula() {
        TenantQuotas quotas = quotas();
        long now = time.milliseconds();
        // 1.1 s of thread time within the minimum window of 10 s is 11 %: (11 − 10) / 10 × 10 s = 1 s.
        assertThat(quotas.recordRequestTime(TimeUnit.MILLISECONDS.toNanos(1_000), now)).isZero();
        assertThat(quotas.recordRequestTime(TimeUnit.MILLISECONDS.toNanos(50), now)).isEqualTo(500);
    }

    @Test
    void partitionMutationsFollowTheStrictRule() {
        TenantQuotas quotas = quotas();
        // The bucket holds 11 s × 10/s = 110 tokens. A request is refused only when it is already empty.
        assertThat(quotas.tryMutatePartitions(150, time.milliseconds())).isZero();
        assertThat(quotas.usage(time.milliseconds()).partitionMutationTokens()).isCloseTo(-40, within(0.001));
        // −40 tokens refill at 10/s: 4 s.
        assertThat(quotas.tryMutatePartitions(1, time.milliseconds())).isEqualTo(4_000);
        assertThat(quotas.usage(time.milliseconds()).partitionMutationTokens()).isCloseTo(-40, within(0.001));
        assertThat(quotas.tryMutatePartitions(1, time.advance(3_000))).isEqualTo(1_000);
        assertThat(quotas.tryMutatePartitions(5, time.advance(1_000))).isZero();
        assertThat(quotas.usage(time.milliseconds()).partitionMutationTokens()).isCloseTo(-5, within(0.001));
        assertThat(quotas.usage(time.milliseconds()).throttleTimeMs(QuotaKind.PARTITION_MUTATIONS)).isEqualTo(5_000);
    }

    @Test
    void partitionMutationsWithinTheBucketAreAccepted() {
        TenantQuotas quotas = quotas();
        for (int i = 0; i < 11; i++) {
            assertThat(quotas.tryMutatePartitions(10, time.milliseconds())).isZero();
        }
        assertThat(quotas.tryMutatePartitions(0, time.milliseconds())).isZero();
        assertThat(quotas.tryMutatePartitions(1, time.milliseconds())).isZero();
        assertThat(quotas.tryMutatePartitions(1, time.milliseconds())).isPositive();
    }

    @Test
    void aPartitionMutationRefusalIsCappedButNeverZero() {
        TenantQuotas quotas = quotas();
        assertThat(quotas.tryMutatePartitions(1_000, time.milliseconds())).isZero();
        // −890 tokens at 10/s would be 89 s.
        assertThat(quotas.tryMutatePartitions(1, time.milliseconds())).isEqualTo(5_000);
        assertThat(quotas.tryMutatePartitions(1, time.advance(88_000))).isEqualTo(1_000);
    }

    @Test
    void aPartitionMutationRefusalIsNeverZero() {
        TenantQuotas quotas = quotas(new QuotaLimits(1_000, 1_000, 10.0, 3, 3, 5, OptionalLong.empty()),
                QuotaSettings.defaults());
        // 33 tokens; 34 leaves −1; 333 ms at 3/s later −0.001 is left, 0.33 ms of refill, which rounds
        // to 0 — but 0 means accepted, so a refusal says at least 1 ms.
        assertThat(quotas.tryMutatePartitions(34, time.milliseconds())).isZero();
        assertThat(quotas.tryMutatePartitions(1, time.advance(333))).isEqualTo(1);
        assertThat(quotas.tryMutatePartitions(1, time.advance(1))).isZero();
    }

    @Test
    void connectionAttemptsOverTheRateAreDelayedByAtMostOneWindow() {
        TenantQuotas quotas = quotas();
        long now = time.milliseconds();
        // 5 attempts/s over the minimum window of 10 s: 50 attempts at once are within the rate.
        for (int i = 0; i < 50; i++) {
            assertThat(quotas.connectionAttemptDelayMs(now)).isZero();
        }
        assertThat(quotas.connectionAttemptDelayMs(now)).isEqualTo(200);
        assertThat(quotas.connectionAttemptDelayMs(now)).isEqualTo(400);
        for (int i = 0; i < 50; i++) {
            quotas.connectionAttemptDelayMs(now);
        }
        assertThat(quotas.connectionAttemptDelayMs(now)).isEqualTo(1_000);
    }

    @Test
    void connectionsAreCountedUpToTheMaximum() {
        TenantQuotas quotas = quotas();
        long now = time.milliseconds();
        for (int i = 0; i < 3; i++) {
            assertThat(quotas.tryOpenConnection(now)).isEmpty();
        }
        assertThat(quotas.tryOpenConnection(now)).contains("logical cluster lkc-abc123 has reached its limit of 3 connections");
        quotas.connectionClosed(now);
        assertThat(quotas.openConnections()).isEqualTo(2);
        assertThat(quotas.tryOpenConnection(now)).isEmpty();
    }

    @Test
    void closingAConnectionThatIsNotOpenIsAContractViolation() {
        TenantQuotas quotas = quotas();
        assertThatThrownBy(() -> quotas.connectionClosed(time.milliseconds()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("logical cluster lkc-abc123 has no open connection to close");
    }

    @Test
    void aLiveUpdateChangesTheQuotaWithoutForgivingDebtOrResettingTheRate() {
        TenantQuotas quotas = quotas(LIMITS, UNCAPPED);
        long throttle = 0;
        // 1,500 B/s for 30 s: 45,000 against 11,000 + 30,000 refilled, about 4,000 in debt (4 s at 1,000/s).
        for (int i = 0; i < 300; i++) {
            throttle = quotas.recordProduce(150, time.advance(100));
        }
        assertThat(throttle).isBetween(3_800L, 4_200L);
        double measured = quotas.usage(time.milliseconds()).produceBytesPerSecond();

        // A higher quota repays the same debt faster; the measured rate is untouched.
        quotas.update(new QuotaLimits(2_000, 1_000, 10.0, 10, 3, 5, OptionalLong.empty()));
        assertThat(quotas.usage(time.milliseconds()).produceBytesPerSecond()).isEqualTo(measured);
        long faster = quotas.recordProduce(150, time.advance(100));
        assertThat(faster).isBetween(1_800L, 2_100L);

        // A lower one repays it slower.
        quotas.update(new QuotaLimits(500, 1_000, 10.0, 10, 3, 5, OptionalLong.empty()));
        assertThat(quotas.recordProduce(150, time.advance(100))).isBetween(7_500L, 8_500L);
        assertThat(quotas.limits().produceBytesPerSecond()).isEqualTo(500);
    }

    @Test
    void aLiveUpdateChangesTheConnectionLimitButClosesNothing() {
        TenantQuotas quotas = quotas();
        long now = time.milliseconds();
        for (int i = 0; i < 3; i++) {
            quotas.tryOpenConnection(now);
        }
        quotas.update(new QuotaLimits(1_000, 1_000, 10.0, 10, 1, 5, OptionalLong.empty()));
        assertThat(quotas.openConnections()).isEqualTo(3);
        quotas.connectionClosed(now);
        quotas.connectionClosed(now);
        assertThat(quotas.tryOpenConnection(now)).contains("logical cluster lkc-abc123 has reached its limit of 1 connections");
    }

    @Test
    void aLiveUpdateChangesThePartitionMutationRefillRate() {
        TenantQuotas quotas = quotas();
        quotas.tryMutatePartitions(150, time.milliseconds());
        quotas.update(new QuotaLimits(1_000, 1_000, 10.0, 20, 3, 5, OptionalLong.empty()));
        // −40 tokens at the new 20/s: 2 s.
        assertThat(quotas.tryMutatePartitions(1, time.milliseconds())).isEqualTo(2_000);
    }

    @Test
    void connectionsOfOneTenantShareItsQuota() {
        TenantQuotas quotas = quotas();
        long throttleA = 0;
        long throttleB = 0;
        // Two connections at 800 B/s each for 30 s: each within the quota, together over it once the
        // bucket is spent (48,000 against 11,000 + 30,000).
        for (int i = 0; i < 300; i++) {
            throttleA = quotas.recordProduce(80, time.advance(50));
            throttleB = quotas.recordProduce(80, time.advance(50));
        }
        assertThat(throttleA).isPositive();
        assertThat(throttleB).isPositive();
        assertThat(quotas.usage(time.milliseconds()).produceBytesPerSecond()).isCloseTo(1_600, within(50.0));
    }

    @Test
    void connectionsOnDifferentThreadsRecordIntoOneRateWithoutLosingAny() throws Exception {
        TenantQuotas quotas = quotas(new QuotaLimits(1_000_000_000, 1_000, 10.0, 10, 3, 5, OptionalLong.empty()),
                QuotaSettings.defaults());
        long now = time.milliseconds();
        int threads = 4;
        int records = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < records; i++) {
                        quotas.recordProduce(10, now);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // All bytes at one instant, over the minimum window of 10 s.
        assertThat(quotas.usage(now).produceBytesPerSecond()).isCloseTo(threads * records * 10 / 10.0, within(0.001));
    }

    @Test
    void oneTenantHasOneSetOfSensorsPerMetrics() {
        quotas();
        assertThatThrownBy(this::quotas)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("quota sensors of logical cluster lkc-abc123 already exist in this Metrics: only one TenantQuotas per tenant");
    }

    @Test
    void negativeAmountsAreRefused() {
        TenantQuotas quotas = quotas();
        assertThatThrownBy(() -> quotas.recordProduce(-1, time.milliseconds()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("produce bytes must not be negative, got -1");
        assertThatThrownBy(() -> quotas.tryMutatePartitions(-2, time.milliseconds()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("partition mutations must not be negative, got -2");
    }

    @Test
    void aFetchResponseThatCrossesTheQuotaIsDeliveredAndThrottledAndTheNextIsAnsweredEmpty() {
        TenantQuotas quotas = quotas();
        long now = time.milliseconds();

        TenantQuotas.FetchAdmission crossing = quotas.admitFetch(20_000, now);
        TenantQuotas.FetchAdmission over = quotas.admitFetch(5_000, now);

        assertThat(crossing.deliver()).isTrue();
        assertThat(crossing.throttleMs()).isPositive();
        assertThat(over.deliver()).as("already over: answered empty").isFalse();
        assertThat(over.throttleMs()).isPositive();
        assertThat(quotas.usage(now).fetchBytesPerSecond()).as("only the delivered response counts").isEqualTo(2_000.0);
    }

    @Test
    void aConsumerThatWaitsItsThrottlesAveragesItsFetchQuota() {
        TenantQuotas quotas = quotas();
        long start = time.milliseconds();
        long delivered = 0;
        while (time.milliseconds() - start < 600_000) {
            TenantQuotas.FetchAdmission admission = quotas.admitFetch(3_000, time.milliseconds());
            if (admission.deliver()) {
                delivered += 3_000;
            }
            time.advance(Math.max(100, admission.throttleMs()));
        }
        assertThat(delivered * 1000.0 / (time.milliseconds() - start)).isCloseTo(1_000, within(50.0));
    }
}
