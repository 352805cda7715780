package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.gateway.GatewayFixture.Tenant;
import io.kondo.gateway.peers.BackingClusterPeers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * Two gateway instances in front of one cluster, sharing usage through the backing cluster: a
 * tenant producing flat out through both is held to one quota (the {@code tight} plan's 512 KiB/s),
 * not one per instance.
 */
@ExtendWith(SharedGateway.class)
class GatewayInstancesShareQuotaIT {

    private static final double QUOTA_BYTES_PER_SECOND = 512 * 1024;
    /**
     * Until both instances have heard of each other and the first second's double quota has left
     * the 11 s rate window.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(12);
    private static final Duration MEASURED = Duration.ofSeconds(12);
    private static GatewayFixture fixture;

    @BeforeAll
    static void start(GatewayFixture shared) {
        fixture = shared;
    }

    @Test
    void twoGatewayInstancesTogetherHoldOneTenantToOneQuota() throws Exception {
        Tenant tenant = fixture.tenant("two-gateways", "tight");
        try (BackingClusterPeers firstPeers = BackingClusterPeers.start(fixture.kafka.clientProperties(), Clock.systemUTC());
             BackingClusterPeers secondPeers = BackingClusterPeers.start(fixture.kafka.clientProperties(), Clock.systemUTC());
             Gateway first = fixture.anotherGateway(s -> s);
             Gateway second = fixture.anotherGateway(s -> s)) {
            first.usePeers(firstPeers);
            second.usePeers(secondPeers);
            try (Admin admin = Admin.create(fixture.client(first.bootstrapPort(), tenant))) {
                admin.createTopics(List.of(new NewTopic("shared", Optional.empty(), Optional.empty()))).all().get();
            }
            Clients.primePartitions(fixture.client(first.bootstrapPort(), tenant), "shared");
            List<long[]> acks = new ArrayList<>();
            AtomicLong failures = new AtomicLong();
            Thread viaFirst = producing(fixture.client(first.bootstrapPort(), tenant), acks, failures);
            Thread viaSecond = producing(fixture.client(second.bootstrapPort(), tenant), acks, failures);
            viaFirst.join();
            viaSecond.join();

            assertThat(failures).hasValue(0);
            synchronized (acks) {
                long start = acks.stream().mapToLong(a -> a[0]).min().orElseThrow() + WARM_UP.toNanos();
                long end = start + MEASURED.toNanos();
                double rate = acks.stream().filter(a -> a[0] >= start && a[0] < end).mapToLong(a -> a[1]).sum()
                        / (double) MEASURED.toSeconds();
                System.out.println("GatewayInstancesShareQuotaIT rate (B/s) through both: " + rate);
                assertThat(rate).as("bytes/s through both instances together").isCloseTo(QUOTA_BYTES_PER_SECOND, Percentage.withPercentage(15));
            }
        }
    }

    private static Thread producing(Map<String, Object> client, List<long[]> acks, AtomicLong failures) {
        Thread thread = new Thread(() -> {
            String payload = new String(new byte[1024], StandardCharsets.ISO_8859_1);
            try (KafkaProducer<String, String> producer = Clients.producer(client, Clients.THROTTLED_PRODUCER)) {
                long end = System.nanoTime() + WARM_UP.plus(MEASURED).plusSeconds(2).toNanos();
                while (System.nanoTime() < end) {
                    producer.send(new ProducerRecord<>("shared", payload), (metadata, error) -> {
                        if (error != null) {
                            failures.incrementAndGet();
                        } else {
                            synchronized (acks) {
                                acks.add(new long[] {System.nanoTime(), 1024});
                            }
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
