package io.kondo.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kondo.app.cli.KondoCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kondo sim} end to end, as the chaos run in small: a private embedded platform, three
 * tenants created through the control plane and driven through the gateway by idempotent
 * producers (acks=all) and consumer groups, one backing broker stopped and started again mid-run.
 * Nothing may be lost, duplicated or reordered, and the report must have its documented shape.
 */
class SimulationIT {

    @TempDir
    Path home;

    @Test
    void threeTenantsThroughABrokerRestartLoseNothingAndReportIt() throws Exception {
        Path profiles = home.resolve("profiles.yaml");
        Files.writeString(profiles, """
                profiles:
                  - name: steady
                    share: 100
                    plan: standard
                    rate: 150
                    size: {distribution: uniform, min: 100, max: 2KiB}
                    partitions: 4
                    consumers: 2
                """);
        Path reportDir = home.resolve("report");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KondoCommand.commandLine(home, Map.of());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("sim", "--tenants", "3", "--duration", "35s", "--profiles", profiles.toString(),
                "--fault", "broker-restart@12s+3s", "--report", reportDir.toString(), "--progress", "5s", "--drain", "60s");

        assertThat(exit).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("tenants 3/3").contains("fault: stopping broker").contains("drained");
        JsonNode report = new ObjectMapper().readTree(reportDir.resolve("report.json").toFile());
        assertThat(report.path("format").asInt()).isEqualTo(1);

        JsonNode correctness = report.path("correctness");
        assertThat(correctness.path("lost").asLong()).isZero();
        assertThat(correctness.path("duplicated").asLong()).isZero();
        assertThat(correctness.path("out_of_order").asLong()).isZero();
        assertThat(correctness.path("foreign").asLong()).isZero();
        assertThat(correctness.path("passed").asBoolean()).isTrue();

        JsonNode run = report.path("run");
        assertThat(run.path("tenants_created").asInt()).isEqualTo(3);
        assertThat(run.path("drained").asBoolean()).isTrue();
        assertThat(run.path("stop_reason").asText()).isEqualTo("duration");
        assertThat(report.path("totals").path("acked").asLong()).isGreaterThan(1_000);
        assertThat(report.path("totals").path("produce_latency_ms").path("p99").isNumber()).isTrue();
        assertThat(report.path("totals").path("end_to_end_latency_ms").path("p999").isNumber()).isTrue();

        JsonNode tenants = report.path("tenants");
        assertThat(tenants).hasSize(3);
        for (JsonNode tenant : tenants) {
            assertThat(tenant.path("id").asText()).matches("lkc-[a-z0-9]{6}");
            assertThat(tenant.path("acked").asLong()).isPositive();
            assertThat(tenant.path("consumed").asLong()).isGreaterThanOrEqualTo(tenant.path("acked").asLong());
            assertThat(tenant.path("produce_quota_bytes_per_second").asLong()).isPositive();
            assertThat(tenant.path("quota_ratio").isNumber()).isTrue();
            assertThat(tenant.path("correctness").path("passed").asBoolean()).isTrue();
            assertThat(tenant.path("throttle").has("produce_avg_ms")).isTrue();
            assertThat(fieldNames(tenant.path("produce_latency_ms"))).contains("p50", "p99", "p999");
        }

        JsonNode fault = report.path("faults").get(0);
        assertThat(fault.path("kind").asText()).isEqualTo("broker-restart");
        assertThat(fault.path("outcome").asText()).isEqualTo("done");
        assertThat(fault.path("healed_at_seconds").asDouble()).isGreaterThan(fault.path("injected_at_seconds").asDouble());
        assertThat(fault.path("measurements").has("start_ms")).isTrue();

        double fairness = report.path("fairness").path("throughput_index").asDouble();
        assertThat(fairness).isBetween(1.0 / 3, 1.0);
        assertThat(report.path("timeline").size()).isGreaterThan(20);
        assertThat(fieldNames(report.path("timeline").get(0))).contains("t", "tenants", "produced_messages_per_second", "produce_p99_ms",
                "send_errors", "produce_throttle_ms");
        assertThat(report.path("ramp").path("steps")).isNotEmpty();

        String html = Files.readString(reportDir.resolve("report.html"));
        assertThat(html).contains("<svg").contains("broker-restart").doesNotContain("<script").doesNotContain("src=");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
