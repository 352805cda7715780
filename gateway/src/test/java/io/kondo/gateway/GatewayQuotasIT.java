package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kondo.gateway.GatewayFixture.Tenant;
import io.kondo.protocol.Frames;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ThrottlingQuotaExceededException;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.RequestHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenant quotas through the gateway with real clients, on the {@code tight} plan (512 KiB/s produce
 * and fetch, 5 partition mutations/s) and the {@code few-connections} plan (3 connections): rates
 * held to the quota by throttling, not errors; mutations and connections refused cleanly.
 */
@ExtendWith(SharedGateway.class)
class GatewayQuotasIT {

    private static final int QUOTA_BYTES_PER_SECOND = 512 * 1024;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(10);
    private static GatewayFixture fixture;

    @BeforeAll
    static void start(GatewayFixture shared) {
        fixture = shared;
    }

    @Test
    void aTenantProducingFlatOutGetsItsQuotaAndSeesThrottleTimeNotErrors() throws Exception {
        Tenant tenant = fixture.tenant("flat-out-producer", "tight");
        createTopic(tenant, "flood");
        Clients.primePartitions(fixture.client(tenant, "PLAIN"), "flood");
        AtomicLong failures = new AtomicLong();
        List<long[]> acks = new ArrayList<>();
        byte[] value = new byte[1024];
        try (KafkaProducer<String, String> producer = Clients.producer(fixture.client(tenant, "PLAIN"),
                Clients.THROTTLED_PRODUCER)) {
            long end = System.nanoTime() + WARM_UP.plus(MEASURED).toNanos();
            String payload = new String(value, StandardCharsets.ISO_8859_1);
            while (System.nanoTime() < end) {
                producer.send(new ProducerRecord<>("flood", payload), (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    } else {
                        synchronized (acks) {
                            acks.add(new long[] {System.nanoTime(), value.length});
                        }
                    }
                });
            }
            producer.flush();
            assertThat(failures).as("sends that failed").hasValue(0);
            assertThat(metric(producer.metrics(), "produce-throttle-time-max")).as("throttle seen by the producer").isPositive();
        }
        assertThat(rateAfterWarmUp(acks, WARM_UP)).isCloseTo(QUOTA_BYTES_PER_SECOND, org.assertj.core.data.Percentage.withPercentage(15));

        String id = tenant.id().value();
        assertThat(fixture.meters.get("kondo.gateway.throttle.time").tag("tenant", id).tag("quota", "produce")
                .functionCounter().count()).as("produce throttle time on /metrics").isPositive();
        for (String gauge : List.of("kondo.gateway.quota.plan", "kondo.gateway.quota.dynamic", "kondo.gateway.quota.enforced")) {
            assertThat(fixture.meters.get(gauge).tag("tenant", id).tag("quota", "produce").gauge().value())
                    .as(gauge).isEqualTo(QUOTA_BYTES_PER_SECOND);
        }
    }

    /**
     * A new consumer may take a burst first: the quota's bucket holds 11 s of quota, which goes
     * through at once; from then on the consumer is held to the rate the bucket refills at. The
     * steady rate is measured well after the burst.
     */
    @Test
    void aTenantConsumingFlatOutGetsItsFetchQuota() throws Exception {
        Tenant tenant = fixture.tenant("flat-out-consumer", "tight");
        createTopic(tenant, "backlog");
        Duration warmUp = Duration.ofSeconds(15);
        int records = 24 * 1024;
        try (KafkaProducer<String, String> direct = Clients.producer(fixture.kafka.clientProperties(), Map.of("linger.ms", 5))) {
            String payload = "x".repeat(1024);
            for (int i = 0; i < records; i++) {
                direct.send(new ProducerRecord<>(tenant.prefix() + "backlog", payload));
            }
            direct.flush();
        }
        List<long[]> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = Clients.consumer(fixture.client(tenant, "PLAIN"), Map.of())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                partitions.add(new TopicPartition("backlog", p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = System.nanoTime() + warmUp.plus(MEASURED).toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(new long[] {System.nanoTime(), record.value().length()});
                }
            }
            assertThat(metric(consumer.metrics(), "fetch-throttle-time-max")).as("throttle seen by the consumer").isPositive();
        }
        assertThat(received.size()).as("the backlog outlasts the measurement").isLessThan(records);
        assertThat(rateAfterWarmUp(received, warmUp)).isCloseTo(QUOTA_BYTES_PER_SECOND, org.assertj.core.data.Percentage.withPercentage(15));
    }

    @Test
    void partitionMutationsPastTheQuotaAreRefusedWithAThrottleTime() throws Exception {
        Tenant tenant = fixture.tenant("busy-admin", "tight");
        try (Admin admin = Admin.create(fixture.client(tenant, "PLAIN"))) {
            CreateTopicsOptions noRetry = new CreateTopicsOptions().retryOnQuotaViolation(false);
            Optional<ThrottlingQuotaExceededException> refusal = Optional.empty();
            // The bucket holds 11 s × 5 mutations/s = 55 partitions and refills at 5/s while the test
            // runs: within 12 topics of 8 partitions (96, under the plan's 100) one is refused.
            for (int i = 0; i < 12 && refusal.isEmpty(); i++) {
                try {
                    admin.createTopics(List.of(new NewTopic("t" + i, 8, (short) -1)), noRetry).all().get();
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ThrottlingQuotaExceededException.class);
                    refusal = Optional.of((ThrottlingQuotaExceededException) e.getCause());
                }
            }
            assertThat(refusal).as("a create refused by the mutation quota").isPresent();
            assertThat(refusal.get().throttleTimeMs()).isPositive();
            assertThat(refusal.get().getMessage()).contains("partition mutation rate of 5 per second");

            // The admin client's own retry (the default) waits out the throttle and gets through.
            admin.createTopics(List.of(new NewTopic("patient", 1, (short) -1))).all().get();
        }
    }

    @Test
    void connectionsPastThePlansLimitAreRefusedWithAClearErrorAndAdmittedAgainOnceOneCloses() throws Exception {
        Tenant tenant = fixture.tenant("many-connections", "few-connections");
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket("127.0.0.1", fixture.bootstrapPort);
                open.add(socket);
                assertThat(login(socket, tenant).errorCode()).isEqualTo(Errors.NONE.code());
            }
            try (Socket fourth = new Socket("127.0.0.1", fixture.bootstrapPort)) {
                SaslAuthenticateResponseData refused = login(fourth, tenant);
                assertThat(refused.errorCode()).isEqualTo(Errors.POLICY_VIOLATION.code());
                assertThat(refused.errorMessage()).contains(tenant.id().value()).contains("limit of 3 connections");
                assertThat(fourth.getInputStream().read()).as("closed after the refusal").isEqualTo(-1);
            }
            open.remove(0).close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                try (Socket again = new Socket("127.0.0.1", fixture.bootstrapPort)) {
                    assertThat(login(again, tenant).errorCode()).isEqualTo(Errors.NONE.code());
                }
            });
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    private static void createTopic(Tenant tenant, String name) throws Exception {
        try (Admin admin = Admin.create(fixture.client(tenant, "PLAIN"))) {
            admin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty()))).all().get();
        }
    }

    /** Bytes per second of the events (nanoTime, bytes) after the warm-up, over the measured window. */
    private static double rateAfterWarmUp(List<long[]> events, Duration warmUp) {
        synchronized (events) {
            long start = events.get(0)[0] + warmUp.toNanos();
            long end = start + MEASURED.toNanos();
            long bytes = events.stream().filter(e -> e[0] >= start && e[0] < end).mapToLong(e -> e[1]).sum();
            return bytes / (double) MEASURED.toSeconds();
        }
    }

    private static double metric(Map<org.apache.kafka.common.MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream().filter(e -> e.getKey().name().equals(name))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .filter(v -> !Double.isNaN(v)).max().orElse(0);
    }

    /** SaslHandshake (PLAIN) and SaslAuthenticate on a raw socket; the gateway's answer to the latter. */
    private static SaslAuthenticateResponseData login(Socket socket, Tenant tenant) throws IOException {
        socket.setSoTimeout(10_000);
        exchange(socket, ApiKeys.SASL_HANDSHAKE, (short) 1, new SaslHandshakeRequestData().setMechanism("PLAIN"));
        byte[] plain = ("\0" + tenant.key() + "\0" + tenant.secret()).getBytes(StandardCharsets.UTF_8);
        return (SaslAuthenticateResponseData) exchange(socket, ApiKeys.SASL_AUTHENTICATE, (short) 2,
                new SaslAuthenticateRequestData().setAuthBytes(plain));
    }

    private static ApiMessage exchange(Socket socket, ApiKeys api, short version, ApiMessage request) throws IOException {
        RequestHeader header = new RequestHeader(new RequestHeaderData().setRequestApiKey(api.id).setRequestApiVersion(version)
                .setCorrelationId(1).setClientId("raw"), api.requestHeaderVersion(version));
        ByteBuffer frame = Frames.encodeRequest(header, request);
        OutputStream out = socket.getOutputStream();
        out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] response = new byte[in.readInt()];
        in.readFully(response);
        return Frames.decodeResponse(ByteBuffer.wrap(response), api, version);
    }
}
