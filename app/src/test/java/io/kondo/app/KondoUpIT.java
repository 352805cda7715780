package io.kondo.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.kondo.embedded.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kondo up} as a user runs it: a separate process that starts the embedded cluster, the
 * gateway and the control plane, is administered with the CLI, serves the README's worked example
 * (a Kafka client configured only by the properties file the CLI wrote), stops cleanly on Ctrl-C
 * (SIGINT) leaving no process behind, and finds its tenants again when started anew.
 */
class KondoUpIT {

    @TempDir
    Path home;

    @Test
    void upServesTheCliStopsCleanlyOnCtrlCAndKeepsStateAcrossRestarts() throws Exception {
        int controlPlanePort = FreePorts.consecutive(1);
        int gatewayPort = FreePorts.consecutive(4);
        Map<String, String> env = Map.of(
                "KONDO_HOME", home.toString(),
                "KONDO_CONTROL_PLANE_PORT", String.valueOf(controlPlanePort),
                "KONDO_GATEWAY_PORT", String.valueOf(gatewayPort),
                "KONDO_EMBEDDED_BROKER_PORT", String.valueOf(FreePorts.consecutive(3)),
                "KONDO_EMBEDDED_CONTROLLER_PORT", String.valueOf(FreePorts.consecutive(3)));
        CliRunner cli = new CliRunner(home, env);

        Process first = startUp(env, "first.log");
        String output = awaitUp(first, "first.log");
        String token = Files.readString(home.resolve(".kondo/admin-token")).trim();
        assertThat(output).contains("http://127.0.0.1:" + controlPlanePort).contains(token);

        CliRunner.Result created = cli.run("clusters", "create", "--name", "payments", "--plan", "standard");
        assertThat(created.exit()).as(created.err()).isZero();
        String id = created.json().get("id").asText();
        Path properties = home.resolve("client.properties");
        CliRunner.Result key = cli.run("api-keys", "create", "--cluster", id, "--properties", properties.toString());
        assertThat(key.exit()).as(key.err()).isZero();
        String apiKey = key.json().get("key").asText();
        assertThat(Files.readString(properties)).contains("username=\"" + apiKey + "\"")
                .contains("password=\"" + key.json().get("secret").asText() + "\"")
                .contains("bootstrap.servers=127.0.0.1:" + gatewayPort);
        assertThat(cli.run("clusters", "get", "lkc-zzzzzz").err()).contains("no logical cluster lkc-zzzzzz");
        produceAndConsumeWith(properties);
        String metrics = http(controlPlanePort, "/metrics", token);
        assertThat(metrics).contains("kondo_gateway_requests_total{tenant=\"" + id + "\"}");

        List<ProcessHandle> nodes = first.toHandle().descendants().toList();
        assertThat(nodes).hasSizeGreaterThanOrEqualTo(3);
        interruptAndAwaitExit(first);
        assertThat(Files.readString(home.resolve("first.log"))).contains("Kondo stopped.");
        assertThat(nodes).noneMatch(ProcessHandle::isAlive);

        Process second = startUp(env, "second.log");
        try {
            awaitUp(second, "second.log");
            CliRunner.Result again = cli.run("clusters", "get", id);
            assertThat(again.exit()).as(again.err()).isZero();
            assertThat(again.json().get("name").asText()).isEqualTo("payments");
            assertThat(cli.run("api-keys", "list", "--cluster", id).out()).contains(apiKey);
            assertThat(cli.run("clusters", "delete", id).exit()).isZero();
            assertThat(cli.run("clusters", "list").json().get("clusters")).isEmpty();
        } finally {
            interruptAndAwaitExit(second);
        }
    }

    /** The README's worked example: a Kafka client configured only by the properties file. */
    private static void produceAndConsumeWith(Path propertiesFile) throws Exception {
        Properties client = new Properties();
        try (var reader = Files.newBufferedReader(propertiesFile)) {
            client.load(reader);
        }
        try (Admin admin = Admin.create(client)) {
            admin.createTopics(List.of(new NewTopic("orders", Optional.empty(), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
        }
        Properties producerProps = new Properties();
        producerProps.putAll(client);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 10; i++) {
                producer.send(new ProducerRecord<>("orders", "order-" + i)).get(30, TimeUnit.SECONDS);
            }
        }
        Properties consumerProps = new Properties();
        consumerProps.putAll(client);
        consumerProps.put("group.id", "shipping");
        consumerProps.put("auto.offset.reset", "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("orders"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < 10 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        assertThat(values).hasSize(10).allMatch(v -> v.startsWith("order-"));
    }

    private static String http(int port, String path, String token) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private Process startUp(Map<String, String> env, String log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "up")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(log).toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private String awaitUp(Process process, String log) {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String text = Files.readString(home.resolve(log), StandardCharsets.UTF_8);
            if (!process.isAlive()) {
                throw new AssertionError("kondo up exited with " + process.exitValue() + ":\n" + text);
            }
            return text.contains("Kondo is up.");
        });
        try {
            return Files.readString(home.resolve(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void interruptAndAwaitExit(Process process) throws Exception {
        List<ProcessHandle> descendants = process.toHandle().descendants().toList();
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(exited).as("kondo up exits within 60 s of Ctrl-C").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> descendants.stream().noneMatch(ProcessHandle::isAlive));
    }

}
