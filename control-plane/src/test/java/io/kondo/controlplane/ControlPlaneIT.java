package io.kondo.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kondo.controlplane.ControlPlaneFixture.Response;
import io.kondo.controlplane.tenants.TenantStorage;
import io.kondo.controlplane.tenants.TenantTraffic;
import io.kondo.core.quota.StorageQuota;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.embedded.EmbeddedClusterConfig;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.metadata.TenantMetadataStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API of the control plane against a real 3-node embedded cluster. */
class ControlPlaneIT {

    private static final String TOPIC = TenantMetadataStore.DEFAULT_TOPIC;

    @TempDir
    static Path dataDir;
    private static EmbeddedKafkaCluster kafka;
    private static Admin admin;
    private ControlPlaneFixture controlPlane;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaCluster.start(EmbeddedClusterConfig.ephemeralPorts(dataDir));
        admin = Admin.create(kafka.clientProperties());
    }

    @AfterAll
    static void stopKafka() {
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @BeforeEach
    void startControlPlane() {
        controlPlane = new ControlPlaneFixture(kafka.clientProperties(), TOPIC);
    }

    @AfterEach
    void stopControlPlane() {
        controlPlane.close();
    }

    @Test
    void createsListsGetsAndDeletesALogicalCluster() {
        Response created = controlPlane.call("POST", "/v1/clusters", "{\"name\":\"orders\",\"plan\":\"standard\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode cluster = created.body();
        String id = cluster.get("id").asText();
        assertThat(id).matches("lkc-[0-9a-z]{6}");
        assertThat(cluster.get("name").asText()).isEqualTo("orders");
        assertThat(cluster.get("plan").asText()).isEqualTo("standard");
        assertThat(cluster.get("bootstrap").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(cluster.get("cell").asText()).isEqualTo("cell-0");
        assertThat(cluster.get("limits").get("produce_bytes_per_second").asLong()).isEqualTo(10L * 1024 * 1024);

        assertThat(ids(controlPlane.call("GET", "/v1/clusters", null))).contains(id);
        assertThat(controlPlane.call("GET", "/v1/clusters/" + id, null).body().get("name").asText()).isEqualTo("orders");

        assertThat(controlPlane.call("DELETE", "/v1/clusters/" + id, null).status()).isEqualTo(204);
        assertThat(controlPlane.call("GET", "/v1/clusters/" + id, null).status()).isEqualTo(404);
        assertThat(ids(controlPlane.call("GET", "/v1/clusters", null))).doesNotContain(id);
    }

    @Test
    void refusesBadRequestsWithClearJsonErrors() {
        String existing = createCluster("dup-name", "basic");

        assertError(controlPlane.call("POST", "/v1/clusters", "{\"name\":\"x1\",\"plan\":\"gold\"}"), 422, "unknown_plan", "gold");
        assertError(controlPlane.call("POST", "/v1/clusters", "{\"name\":\"bad name!\"}"), 400, "invalid", "may contain");
        assertError(controlPlane.call("POST", "/v1/clusters", "{\"name\":\"dup-name\"}"), 409, "conflict", "dup-name");
        assertError(controlPlane.call("POST", "/v1/clusters", "{\"name\":"), 400, "invalid_request", "malformed JSON");
        assertError(controlPlane.call("POST", "/v1/clusters", "{\"name\":\"x2\",\"color\":\"red\"}"), 400, "invalid_request", "color");
        assertError(controlPlane.call("POST", "/v1/clusters", null), 400, "invalid_request", "name");
        assertError(controlPlane.call("GET", "/v1/clusters/lkc-zzzzzz", null), 404, "not_found", "lkc-zzzzzz");
        assertError(controlPlane.call("GET", "/v1/clusters/../etc", null), 404, "not_found", "");
        assertError(controlPlane.call("PATCH", "/v1/clusters/" + existing, "{\"plan\":\"gold\"}"), 422, "unknown_plan", "gold");
        assertError(controlPlane.call("GET", "/v1/clusters", null, null), 401, "unauthorized", "Bearer");
        assertError(controlPlane.call("GET", "/v1/clusters", null, "wrong-token-wrong-token"), 401, "unauthorized", "not valid");
        assertError(controlPlane.call("GET", "/metrics", null, null), 401, "unauthorized", "Bearer");
        String huge = "{\"name\":\"" + "x".repeat(100_000) + "\"}";
        assertThat(controlPlane.call("POST", "/v1/clusters", huge).status()).isEqualTo(413);
    }

    @Test
    void issuesListsAndRevokesApiKeysKeepingOnlyHashes() {
        String id = createCluster("keys", "basic");

        Response issued = controlPlane.call("POST", "/v1/clusters/" + id + "/api-keys", "{\"description\":\"ci\"}");

        assertThat(issued.status()).isEqualTo(201);
        String key = issued.body().get("key").asText();
        String secret = issued.body().get("secret").asText();
        assertThat(key).matches("[A-Z2-7]{16}");
        assertThat(secret).hasSize(48);

        Response listed = controlPlane.call("GET", "/v1/clusters/" + id + "/api-keys", null);
        assertThat(listed.body().get("api_keys")).hasSize(1);
        assertThat(listed.text()).contains(key).doesNotContain(secret);

        var stored = controlPlane.store.current().apiKey(key).orElseThrow();
        assertThat(stored.verifies(secret)).isTrue();
        assertThat(stored.verifies(secret.substring(1) + "x")).isFalse();

        assertThat(controlPlane.call("DELETE", "/v1/clusters/" + id + "/api-keys/" + key, null).status()).isEqualTo(204);
        assertThat(controlPlane.call("GET", "/v1/clusters/" + id + "/api-keys", null).body().get("api_keys")).isEmpty();
        assertThat(controlPlane.store.current().apiKey(key)).isEmpty();
        assertError(controlPlane.call("DELETE", "/v1/clusters/" + id + "/api-keys/" + key, null), 404, "not_found", key);
    }

    @Test
    void aPlanChangeIsVisibleToEveryProcessFollowingTheMetadata() {
        String id = createCluster("growing", "basic");
        try (TenantMetadataStore otherProcess = TenantMetadataStore.open(kafka.clientProperties(), TOPIC, Duration.ofSeconds(8))) {
            assertThat(otherProcess.current().cluster(new LogicalClusterId(id)).orElseThrow().plan()).isEqualTo("basic");

            Response patched = controlPlane.call("PATCH", "/v1/clusters/" + id, "{\"plan\":\"premium\"}");

            assertThat(patched.status()).isEqualTo(200);
            assertThat(patched.body().get("plan").asText()).isEqualTo("premium");
            assertThat(patched.body().get("limits").get("max_partitions").asInt()).isEqualTo(2000);
            assertThat(controlPlane.call("GET", "/v1/clusters/" + id, null).body().get("plan").asText()).isEqualTo("premium");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    otherProcess.current().cluster(new LogicalClusterId(id)).orElseThrow().plan()).isEqualTo("premium"));
        }
    }

    @Test
    void metadataSurvivesARestartOfTheControlPlane() {
        String id = createCluster("durable", "standard");
        String key = controlPlane.call("POST", "/v1/clusters/" + id + "/api-keys", null).body().get("key").asText();

        controlPlane.close();
        controlPlane = new ControlPlaneFixture(kafka.clientProperties(), TOPIC);

        Response cluster = controlPlane.call("GET", "/v1/clusters/" + id, null);
        assertThat(cluster.status()).isEqualTo(200);
        assertThat(cluster.body().get("plan").asText()).isEqualTo("standard");
        assertThat(controlPlane.call("GET", "/v1/clusters/" + id + "/api-keys", null).text()).contains(key);
    }

    @Test
    void deletingAClusterRemovesItsTopicsGroupsAndKeysButNoOtherTenants() throws Exception {
        String doomed = createCluster("doomed", "basic");
        String survivor = createCluster("survivor", "basic");
        controlPlane.call("POST", "/v1/clusters/" + doomed + "/api-keys", null);
        admin.createTopics(List.of(new NewTopic(doomed + "_orders", 2, (short) 3),
                new NewTopic(survivor + "_orders", 2, (short) 3))).all().get(30, TimeUnit.SECONDS);
        commitOffset(doomed + "_billing", doomed + "_orders");
        commitOffset(survivor + "_billing", survivor + "_orders");

        assertThat(controlPlane.call("DELETE", "/v1/clusters/" + doomed, null).status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.listTopics().names().get()).doesNotContain(doomed + "_orders").contains(survivor + "_orders"));
        Set<String> groups = groupIds();
        assertThat(groups).doesNotContain(doomed + "_billing").contains(survivor + "_billing");
        assertThat(controlPlane.store.current().apiKeys(new LogicalClusterId(doomed))).isEmpty();
        assertThat(controlPlane.call("GET", "/v1/clusters/" + survivor, null).status()).isEqualTo(200);
    }

    @Test
    void usageReportsTheTenantsPartitionsAndStoredBytes() throws Exception {
        String id = createCluster("measured", "basic");
        admin.createTopics(List.of(new NewTopic(id + "_events", 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < 100; i++) {
                producer.send(new ProducerRecord<>(id + "_events", new byte[1024]));
            }
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode usage = controlPlane.call("GET", "/v1/clusters/" + id + "/usage", null).body();
            assertThat(usage.get("partitions").asInt()).isEqualTo(3);
            // 100 KiB of values on 3 replicas each, plus batch overhead.
            assertThat(usage.get("storage_bytes").asLong()).isGreaterThan(3 * 100 * 1024L);
            assertThat(usage.get("plan").asText()).isEqualTo("basic");
            assertThat(usage.has("ingress_bytes_per_second")).isTrue();
        });
    }

    @Test
    void usageShowsQuotasInForceAndTheStorageStandingTheLoopsReport() {
        String judged = createCluster("judged", "standard");
        String unjudged = createCluster("unjudged", "basic");
        long gib = 1L << 30;
        TenantTraffic traffic = tenant -> tenant.value().equals(judged)
                ? new TenantTraffic.Figures(1000, 2000, 3, 40, 10L << 20, 30L << 20, 64 * 1024, 15L << 20)
                : new TenantTraffic.Figures(0, 0, 0, 0);
        TenantStorage storage = tenant -> tenant.value().equals(judged)
                ? Optional.of(new TenantStorage.Standing(130 * gib, 175 * gib, StorageQuota.State.EXPANDED, 0))
                : Optional.empty();
        controlPlane.close();
        controlPlane = new ControlPlaneFixture(kafka.clientProperties(), TOPIC, traffic, storage);

        JsonNode usage = controlPlane.call("GET", "/v1/clusters/" + judged + "/usage", null).body();
        assertThat(usage.get("storage_quota_bytes").asLong()).isEqualTo(175 * gib);
        assertThat(usage.get("storage_hard_cap_bytes").asLong()).isEqualTo(200 * gib);
        assertThat(usage.get("storage_state").asText()).isEqualTo("expanded");
        assertThat(usage.get("storage_checked_at").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(usage.get("produce_plan_quota_bytes_per_second").asLong()).isEqualTo(10L << 20);
        assertThat(usage.get("fetch_plan_quota_bytes_per_second").asLong()).isEqualTo(30L << 20);
        assertThat(usage.get("produce_quota_bytes_per_second").asLong()).isEqualTo(64 * 1024);
        assertThat(usage.get("fetch_quota_bytes_per_second").asLong()).isEqualTo(15L << 20);
        assertThat(usage.get("connections").asInt()).isEqualTo(3);
        assertThat(usage.get("throttle_time_ms").asDouble()).isEqualTo(40);
        assertThat(usage.get("storage_bytes").asLong()).isZero();

        JsonNode before = controlPlane.call("GET", "/v1/clusters/" + unjudged + "/usage", null).body();
        assertThat(before.get("storage_state").asText()).isEqualTo("unknown");
        assertThat(before.get("storage_quota_bytes").asLong()).isEqualTo(5 * gib);
        assertThat(before.has("storage_checked_at")).isFalse();
        assertThat(before.get("produce_plan_quota_bytes_per_second").asLong()).isEqualTo(1L << 20);
        assertThat(before.get("produce_quota_bytes_per_second").asLong()).isEqualTo(1L << 20);
        assertThat(before.get("fetch_quota_bytes_per_second").asLong()).isEqualTo(3L << 20);
    }

    @Test
    void servesPlansHealthWithoutATokenAndPrometheusMetrics() {
        Response plans = controlPlane.call("GET", "/v1/plans", null);
        assertThat(plans.body().get("plans")).extracting(p -> p.get("name").asText())
                .containsExactly("basic", "standard", "premium");
        JsonNode standard = plans.body().get("plans").get(1).get("limits");
        assertThat(standard.get("storage_hard_cap_bytes").asLong()).isEqualTo(2 * standard.get("storage_bytes").asLong());
        assertThat(standard.get("storage_auto_expand").asBoolean()).isTrue();
        assertThat(plans.body().get("plans").get(0).get("limits").get("storage_auto_expand").asBoolean()).isFalse();

        Response health = controlPlane.call("GET", "/v1/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("backing_brokers").asInt()).isEqualTo(3);

        createCluster("counted", "basic");
        Response metrics = controlPlane.call("GET", "/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("kondo_logical_clusters").contains("kondo_control_plane_requests_total");
    }

    private String createCluster(String name, String plan) {
        Response created = controlPlane.call("POST", "/v1/clusters", "{\"name\":\"" + name + "\",\"plan\":\"" + plan + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    private static List<String> ids(Response list) {
        return StreamSupport.stream(list.body().get("clusters").spliterator(), false).map(c -> c.get("id").asText()).toList();
    }

    private static void assertError(Response response, int status, String error, String messagePart) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().get("error").asText()).isEqualTo(error);
        assertThat(response.body().get("message").asText()).contains(messagePart);
    }

    private static void commitOffset(String group, String topic) throws Exception {
        admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)))
                .all().get(30, TimeUnit.SECONDS);
    }

    private static Set<String> groupIds() throws Exception {
        return admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                .map(GroupListing::groupId).collect(java.util.stream.Collectors.toSet());
    }
}
