package io.kondo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    static Report sample() {
        LatencySummary latency = new LatencySummary(1000, 2.5, 40.0, 120.0, 130.0, 5.0);
        Report.Correctness clean = new Report.Correctness(0, 0, 0, 2, 0, 0, true);
        Report.TenantFigures tenant = new Report.TenantFigures(0, "lkc-abc123", "sim-x-0", "mixed <b>", "standard", false, 1, 4, 1, 2,
                3.0, 27.0, 100, 80_000, 10_485_760, 31_457_280, 99, 79_000, 79_000, 0.0075, 0.99, 2700, 2700, 2702, 0, 0, clean,
                latency, latency, new Report.Throttle(0.0, 0.0, 0.0, 0.0), Map.of());
        List<Report.TimelinePoint> timeline = List.of(
                new Report.TimelinePoint(1, 1, 100, 99, 0.07, 99, 0.07, 0, 2.0, 30.0, 35.0, 0, 0, 0.0, 0.0),
                new Report.TimelinePoint(2, 1, 100, 20, 0.01, 20, 0.01, 0, 2.0, 900.0, 950.0, 1, 0, 0.0, 0.0),
                new Report.TimelinePoint(3, 1, 100, 100, 0.07, 100, 0.07, 0, 2.0, 30.0, null, 0, 0, null, null));
        Report.RampStep step = new Report.RampStep(0, 1, 0, 3, 100, 73, 0.05, latency, 35.0, 0.0, 1);
        Report.FaultFigures fault = new Report.FaultFigures("broker-restart@1s+1s", "broker-restart", "broker 3", 1.2, 2.5, "done", "",
                99.0, 0.2, 1.8, 1.0, 900.0, 1, Map.of("stop_ms", 800.0));
        Report.Run run = new Report.Run("2026-11-22T00:00:00Z", "2026-11-22T00:00:30Z", 30, 27, "test", "127.0.0.1:9092", 1, 1, 0,
                "30s", null, null, 1, "duration", false, true, List.of(new Report.ProfileFigures("mixed", 100, null, 1, "100 msg/s", "800 B")),
                List.of());
        return new Report(Report.FORMAT, run, new Report.Totals(2700, 2700, 0, 2702, 0, 99, 0.07, 99, 0.07, latency, latency, Map.of(), Map.of()),
                clean, new Report.FairnessFigures(1.0, 1.0, 1, "jain"), List.of(tenant), timeline,
                new Report.RampFigures(null, List.of(step), null, RampAnalysis.CRITERION), List.of(fault));
    }

    @Test
    void jsonUsesSnakeCaseAndReadsBack() throws Exception {
        Report report = sample();
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.path("format").asInt()).isEqualTo(Report.FORMAT);
        assertThat(json.path("correctness").path("out_of_order").isNumber()).isTrue();
        assertThat(json.path("totals").path("produce_latency_ms").path("p999").asDouble()).isEqualTo(120.0);
        assertThat(json.path("timeline").get(2).path("end_to_end_p99_ms").isNull()).isTrue();
        assertThat(json.path("faults").get(0).path("time_to_recover_seconds").asDouble()).isEqualTo(1.8);
        assertThat(Report.fromJson(report.toJson())).isEqualTo(report);
    }

    @Test
    void htmlIsOneSelfContainedPageWithChartsAndFaultMarkers(@TempDir Path dir) throws Exception {
        Path html = sample().writeTo(dir);
        String page = Files.readString(html);
        assertThat(dir.resolve("report.json")).exists();
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("class=\"fault\"").contains("broker-restart broker 3")
                .contains("Throughput (messages/s)").contains("Latency (ms, log scale)").contains("p99 produce latency (ms)");
        assertThat(page).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=").doesNotContain("https://");
        assertThat(page).contains("mixed &lt;b&gt;").doesNotContain("mixed <b>");
    }
}
