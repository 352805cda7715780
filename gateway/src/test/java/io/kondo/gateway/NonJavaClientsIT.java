package io.kondo.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kondo.gateway.GatewayFixture.Tenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients that share no code with Kafka's Java client, through the gateway: kcat (librdkafka) and
 * kafkajs ({@code clients/kafkajs/roundtrip.js}). {@code .ci/run} installs both; a developer's
 * machine without them skips these tests.
 */
@ExtendWith(SharedGateway.class)
class NonJavaClientsIT {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final int RECORDS = 200;

    @TempDir
    static Path workDir;
    static GatewayFixture fixture;

    @BeforeAll
    static void start(GatewayFixture shared) throws Exception {
        fixture = shared;
    }

    /*
     * PLAIN only: librdkafka before 2.6.1 (Debian 12 ships 2.0.2) repeats its client nonce in the
     * SCRAM client-final-message, which Kafka 4 brokers refuse as the gateway does ("SCRAM nonce
     * does not match").
     */
    @Test
    void kcatProducesAndConsumesAndAJavaConsumerReadsWhatItProduced() throws Exception {
        requireTool("kcat is not installed; .ci/run installs it (apt-get install kcat)", "kcat", "-V");
        Tenant tenant = fixture.tenant("kcat");
        Map<String, Object> client = fixture.client(tenant, "PLAIN");
        createTopic(client, "clicks");
        Path config = kcatConfig(tenant);
        List<String> lines = IntStream.range(0, RECORDS).mapToObj(i -> "user-" + (i % 7) + ":click-" + i).toList();

        Run produced = run(List.of("kcat", "-F", config.toString(), "-q", "-P", "-t", "clicks", "-K", ":",
                "-X", "acks=all"), String.join("\n", lines) + "\n", Map.of());
        assertThat(produced.exitCode()).as("kcat -P: %s", produced).isZero();

        Run consumed = run(List.of("kcat", "-F", config.toString(), "-q", "-C", "-t", "clicks", "-e", "-o", "beginning",
                "-f", "%k:%s\\n"), "", Map.of());
        assertThat(consumed.exitCode()).as("kcat -C: %s", consumed).isZero();
        assertThat(consumed.stdout().lines().toList()).as("kcat -C: %s", consumed).containsExactlyInAnyOrderElementsOf(lines);

        Run listed = run(List.of("kcat", "-F", config.toString(), "-q", "-L", "-J"), "", Map.of());
        assertThat(listed.exitCode()).as("kcat -L: %s", listed).isZero();
        JsonNode metadata = new ObjectMapper().readTree(listed.stdout());
        assertThat(metadata.get("topics")).extracting(topic -> topic.get("topic").asText()).as("kcat -L: %s", listed)
                .containsExactly("clicks");
        assertThat(metadata.get("brokers")).hasSize(3).extracting(broker -> broker.get("name").asText())
                .allSatisfy(name -> assertThat(name).startsWith("127.0.0.1:"));

        try (KafkaConsumer<String, String> consumer = Clients.consumer(client, Map.of("group.id", "java-reader"))) {
            consumer.subscribe(List.of("clicks"));
            List<ConsumerRecord<String, String>> records = Clients.poll(consumer, RECORDS, Duration.ofSeconds(30));
            assertThat(records).extracting(record -> record.key() + ":" + record.value()).containsExactlyInAnyOrderElementsOf(lines);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "SCRAM-SHA-256"})
    void kafkajsProducesAndConsumesInAGroupAndCommitsItsOffsets(String mechanism) throws Exception {
        requireTool("node is not on the PATH; .ci/run expects Node.js and npm on the machine", "node", "--version");
        Path kafkajs = kafkajsDir();
        if (!Files.isDirectory(kafkajs.resolve("node_modules/kafkajs"))) {
            missing("kafkajs is not installed; .ci/run installs it (npm ci --prefix clients/kafkajs)");
        }
        Tenant tenant = fixture.tenant("kafkajs-" + mechanism.toLowerCase());
        Map<String, Object> client = fixture.client(tenant, mechanism);
        createTopic(client, "orders");

        Run roundtrip = run(List.of("node", kafkajs.resolve("roundtrip.js").toString()), "", Map.of(
                "BOOTSTRAP_SERVERS", "127.0.0.1:" + fixture.bootstrapPort,
                "SASL_MECHANISM", mechanism.toLowerCase(),
                "API_KEY", tenant.key(),
                "API_SECRET", tenant.secret(),
                "TOPIC", "orders",
                "GROUP_ID", "shipping",
                "COUNT", Integer.toString(RECORDS),
                "TIMEOUT_MS", Long.toString(TOOL_TIMEOUT.minusSeconds(5).toMillis())));
        assertThat(roundtrip.exitCode()).as("roundtrip.js: %s", roundtrip).isZero();
        JsonNode result = new ObjectMapper().readTree(roundtrip.stdout().lines().reduce((first, last) -> last).orElse("{}"));
        assertThat(result.path("ok").asBoolean()).as("roundtrip.js: %s", roundtrip).isTrue();
        assertThat(result.path("produced").asInt()).isEqualTo(RECORDS);
        assertThat(result.path("consumed").asInt()).isEqualTo(RECORDS);

        try (Admin admin = Admin.create(client)) {
            Map<?, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("shipping").partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            assertThat(committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum()).isEqualTo(RECORDS);
        }
    }

    /** The outcome of one run of a client tool; {@code toString} is what an assertion message shows. */
    record Run(List<String> command, int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "`" + String.join(" ", command) + "` exited " + exitCode + "\n--- stdout\n" + tail(stdout)
                    + "\n--- stderr\n" + tail(stderr);
        }

        private static String tail(String text) {
            return text.length() <= 4_000 ? text : "..." + text.substring(text.length() - 4_000);
        }
    }

    /** Runs {@code command} with {@code stdin}, bounded by {@link #TOOL_TIMEOUT}; a run past it is killed and fails. */
    private static Run run(List<String> command, String stdin, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try (var input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        boolean exited = process.waitFor(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Run run = new Run(command, exited ? process.exitValue() : -1, Files.readString(out), Files.readString(err));
        if (!exited) {
            fail("timed out after " + TOOL_TIMEOUT.toSeconds() + " s: " + run);
        }
        return run;
    }

    /** librdkafka settings for the tenant's key with PLAIN, in a file so that the secret stays off command lines. */
    private static Path kcatConfig(Tenant tenant) throws IOException {
        Path config = Files.createTempFile(workDir, "kcat", ".properties");
        Files.writeString(config, String.join("\n",
                "bootstrap.servers=127.0.0.1:" + fixture.bootstrapPort,
                "security.protocol=SASL_PLAINTEXT",
                "sasl.mechanisms=PLAIN",
                "sasl.username=" + tenant.key(),
                "sasl.password=" + tenant.secret(),
                "") + "\n");
        return config;
    }

    private static void createTopic(Map<String, Object> client, String topic) throws Exception {
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** {@code clients/kafkajs} of this checkout, found upward from the working directory (the module's). */
    private static Path kafkajsDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("clients/kafkajs/roundtrip.js"))) {
                return dir.resolve("clients/kafkajs");
            }
        }
        return fail("clients/kafkajs/roundtrip.js not found above " + Path.of("").toAbsolutePath());
    }

    /** Checks that {@code versionCommand} runs; a missing tool fails under CI and skips elsewhere. */
    private static void requireTool(String missingMessage, String... versionCommand) {
        List<String> command = new ArrayList<>(List.of(versionCommand));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
            process.destroyForcibly();
        } catch (IOException e) {
            // not on the PATH: reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        missing(missingMessage);
    }

    private static void missing(String message) {
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.assumeTrue(false, message + ": skipped");
    }
}
