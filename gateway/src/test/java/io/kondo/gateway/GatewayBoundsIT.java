package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import io.kondo.core.tenant.LogicalCluster;
import io.kondo.gateway.GatewayFixture.Tenant;
import java.time.Duration;
import org.apache.kafka.common.errors.PolicyViolationException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every input is bounded: what is not allowed closes that connection and harms no other. */
@ExtendWith(SharedGateway.class)
class GatewayBoundsIT {

    static GatewayFixture fixture;

    @BeforeAll
    static void start(GatewayFixture shared) throws Exception {
        fixture = shared;
    }

    @Test
    void aRequestBeforeAuthenticationClosesTheConnection() throws IOException {
        // Metadata v1 for all topics: length, api key 3, version 1, correlation id 1, null client id, null topics.
        byte[] metadata = {0, 0, 0, 14, 0, 3, 0, 1, 0, 0, 0, 1, -1, -1, -1, -1, -1, -1};
        assertThat(sendAndReadUntilClosed(metadata)).isZero();
    }

    @Test
    void anOversizedFrameBeforeAuthenticationIsRefusedUnread() throws IOException {
        byte[] header = {0, (byte) 0xA0, 0, 0, 0, 18, 0, 3};
        assertThat(sendAndReadUntilClosed(header)).isZero();
    }

    @Test
    void garbageClosesOnlyItsOwnConnection() throws Exception {
        Tenant tenant = fixture.tenant("bystander");
        try (Admin admin = Admin.create(fixture.client(tenant, "PLAIN"))) {
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(tenant.id().value());

            byte[] garbage = {0, 0, 0, 8, 0x7f, 0x7f, 1, 2, 3, 4, 5, 6};
            assertThat(sendAndReadUntilClosed(garbage)).isZero();
            byte[] negative = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xf0};
            assertThat(sendAndReadUntilClosed(negative)).isZero();

            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();
        }
    }

    @Test
    void topicNamesMayUseKafkasLimitLessTheTenantPrefix() throws Exception {
        Tenant tenant = fixture.tenant("long-names");
        int longest = 249 - tenant.prefix().length();
        try (Admin admin = Admin.create(fixture.client(tenant, "PLAIN"))) {
            admin.createTopics(List.of(new NewTopic("t".repeat(longest), 1, (short) 3))).all().get(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("t".repeat(longest + 1), 1, (short) 3)))
                    .all().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(InvalidTopicException.class)
                    .hasMessageContaining("longer than " + longest);
        }
    }

    @Test
    void aPlanChangeAppliesToOpenConnections() throws Exception {
        Tenant tenant = fixture.tenant("growing", "basic");
        try (Admin admin = Admin.create(fixture.client(tenant, "PLAIN"))) {
            admin.createTopics(List.of(new NewTopic("big", 100, (short) 3))).all().get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThatThrownBy(() -> admin.createTopics(
                    List.of(new NewTopic("one-more", 1, (short) 3))).all().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PolicyViolationException.class)
                    .hasMessageContaining("limit of 100 partitions"));

            LogicalCluster cluster = fixture.metadata.current().cluster(tenant.id()).orElseThrow();
            fixture.metadata.putCluster(cluster.withPlan("standard"));

            admin.createTopics(List.of(new NewTopic("one-more", 1, (short) 3))).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("big", "one-more"));
        }
    }

    @Test
    void requestsAreCountedPerTenant() throws Exception {
        Tenant tenant = fixture.tenant("counted");
        try (Admin admin = Admin.create(fixture.client(tenant, "PLAIN"))) {
            admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
        assertThat(fixture.meters.get("kondo.gateway.requests").tag("tenant", tenant.id().value()).counter().count()).isPositive();
        assertThat(fixture.meters.get("kondo.gateway.bytes.out").tag("tenant", tenant.id().value()).counter().count()).isPositive();
    }

    /** Sends {@code bytes} on a new connection and returns how many bytes came back before the gateway closed it. */
    private static int sendAndReadUntilClosed(byte[] bytes) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", fixture.bootstrapPort)) {
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            int received = 0;
            try {
                while (in.read() != -1) {
                    received++;
                }
            } catch (java.net.SocketException reset) {
                // A reset is as closed as an end of stream.
            }
            return received;
        }
    }
}
