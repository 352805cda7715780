package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.gateway.GatewayFixture.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Broker-wide limits and the fair-share tuner with real clients: four tenants on the same plan,
 * each producing flat out through a gateway whose cluster may take 256 KiB/s per broker (768 KiB/s
 * on three), end within 10% of equal shares and within the limit.
 */
@ExtendWith(SharedGateway.class)
class FairShareIT {

    private static final long PER_BROKER = 256 * 1024;
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    /** Long enough to average out throttles of up to 5 s on each tenant's connections. */
    private static final Duration MEASURED = Duration.ofSeconds(25);
    private static GatewayFixture fixture;

    @BeforeAll
    static void start(GatewayFixture shared) {
        fixture = shared;
    }

    @Test
    void fourTenantsOverABrokerWideLimitEndWithinTenPercentOfEqualShares() throws Exception {
        try (Gateway limited = fixture.anotherGateway(s -> s.withCapacity(
                CapacityLimits.defaults().withBrokerBytes(PER_BROKER, CapacityLimits.UNLIMITED)))) {
            List<Tenant> tenants = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Tenant tenant = fixture.tenant("fair-" + i, "standard");
                try (Admin admin = Admin.create(fixture.client(limited.bootstrapPort(), tenant))) {
                    admin.createTopics(List.of(new NewTopic("load", Optional.empty(), Optional.empty()))).all().get();
                }
                Clients.primePartitions(fixture.client(limited.bootstrapPort(), tenant), "load");
                tenants.add(tenant);
            }
            AtomicLong failures = new AtomicLong();
            long measureFrom = System.nanoTime() + WARM_UP.toNanos();
            long measureTo = measureFrom + MEASURED.toNanos();
            List<AtomicLong> measuredBytes = new ArrayList<>();
            List<Thread> producers = new ArrayList<>();
            for (Tenant tenant : tenants) {
                AtomicLong bytes = new AtomicLong();
                measuredBytes.add(bytes);
                producers.add(producing(fixture.client(limited.bootstrapPort(), tenant), measureFrom, measureTo, bytes, failures));
            }
            for (Thread producer : producers) {
                producer.join();
            }

            assertThat(failures).hasValue(0);
            double[] rates = measuredBytes.stream().mapToDouble(b -> b.get() / (double) MEASURED.toSeconds()).toArray();
            double mean = java.util.Arrays.stream(rates).average().orElseThrow();
            System.out.println("FairShareIT rates (B/s): " + java.util.Arrays.toString(rates));
            for (double rate : rates) {
                assertThat(rate).as("each tenant's rate, against the mean of %s", java.util.Arrays.toString(rates))
                        .isCloseTo(mean, Percentage.withPercentage(10));
            }
            assertThat(mean * 4).as("all four together").isLessThanOrEqualTo(3 * PER_BROKER * 1.15);
        }
    }

    private static Thread producing(Map<String, Object> client, long from, long to, AtomicLong measured, AtomicLong failures) {
        Thread thread = new Thread(() -> {
            String payload = new String(new byte[1024], StandardCharsets.ISO_8859_1);
            try (KafkaProducer<String, String> producer = Clients.producer(client, Clients.THROTTLED_PRODUCER)) {
                while (System.nanoTime() < to + Duration.ofSeconds(1).toNanos()) {
                    producer.send(new ProducerRecord<>("load", payload), (metadata, error) -> {
                        long now = System.nanoTime();
                        if (error != null) {
                            failures.incrementAndGet();
                        } else if (now >= from && now < to) {
                            measured.addAndGet(1024);
                        }
                    });
                }
                producer.flush();
            }
        });
        thread.start();
        return thread;
    }
}
