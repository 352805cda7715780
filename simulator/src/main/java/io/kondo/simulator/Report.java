package io.kondo.simulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a simulation, as written to {@code report.json} (snake_case field names; figures
 * that could not be measured are null). Rates are per second; MiB = 2^20 bytes; latencies in ms.
 *
 * @param format      version of this JSON layout
 * @param run         what ran, when, against what
 * @param totals      run-wide throughput, latencies and errors
 * @param correctness lost, duplicated, out-of-order messages over every tenant (must be 0/0/0)
 * @param fairness    Jain's fairness index of what the tenants got
 * @param tenants     per tenant
 * @param timeline    one point per sample interval
 * @param ramp        per ramp step, and where the platform degraded
 * @param faults      what each injected failure did
 */
public record Report(int format, Run run, Totals totals, Correctness correctness, FairnessFigures fairness,
                     List<TenantFigures> tenants, List<TimelinePoint> timeline, RampFigures ramp, List<FaultFigures> faults) {

    public static final int FORMAT = 1;

    /**
     * @param stopReason why sending stopped: "duration", "message budget", "max duration", or an error
     */
    public record Run(String startedAt, String finishedAt, double seconds, double sendingSeconds, String target, String bootstrap,
                      int tenantsRequested, int tenantsCreated, int tenantsFailed, String duration, Long messageBudget,
                      String ramp, long seed, String stopReason, boolean tenantsKept, boolean drained,
                      List<ProfileFigures> profiles, List<String> notes) {
    }

    public record ProfileFigures(String name, double share, String plan, int tenants, String rate, String size) {
    }

    public record Totals(long sent, long acked, long sendErrors, long consumed, long consumeErrors,
                         double producedMessagesPerSecond, double producedMibPerSecond, double consumedMessagesPerSecond,
                         double consumedMibPerSecond, LatencySummary produceLatencyMs, LatencySummary endToEndLatencyMs,
                         Map<String, Long> sendErrorsByKind, Map<String, Long> consumeErrorsByKind) {
    }

    /**
     * @param redelivered        read again at an offset already read (rebalances); not a fault of the log
     * @param deliveredUnacked   read although the producer saw the send fail (written, acknowledgement lost)
     * @param foreign            messages that were not this tenant's (must be 0: isolation)
     * @param passed             lost, duplicated, out of order and foreign are all 0
     */
    public record Correctness(long lost, long duplicated, long outOfOrder, long redelivered, long deliveredUnacked,
                              long foreign, boolean passed) {
    }

    /**
     * @param throughputIndex Jain's index over well-behaved tenants of produced bytes/s divided by what
     *                        each was entitled to: the lower of its own offered rate and its plan's quota
     * @param latencyIndex    Jain's index over tenants of 1 / p99 produce latency
     */
    public record FairnessFigures(Double throughputIndex, Double latencyIndex, int tenants, String method) {
    }

    public record TenantFigures(int index, String id, String name, String profile, String plan, boolean noisy,
                                int topics, int partitions, int producers, int consumers, double startedAtSeconds,
                                double sendingSeconds, double targetMessagesPerSecond, double targetBytesPerSecond,
                                long produceQuotaBytesPerSecond, long consumeQuotaBytesPerSecond,
                                double producedMessagesPerSecond, double producedBytesPerSecond,
                                double consumedBytesPerSecond, Double quotaRatio, Double targetRatio,
                                long sent, long acked, long consumed, long sendErrors, long consumeErrors,
                                Correctness correctness, LatencySummary produceLatencyMs, LatencySummary endToEndLatencyMs,
                                Throttle throttle, Map<String, Long> errorsByKind) {
    }

    /** Throttle time reported by the tenant's clients' metrics (ms): mean of sampled averages, and largest maximum. */
    public record Throttle(Double produceAvgMs, Double produceMaxMs, Double fetchAvgMs, Double fetchMaxMs) {
    }

    /**
     * Figures of well-behaved tenants (a tenant's traffic while it is noisy is only in {@code noisyMibPerSecond}).
     */
    public record TimelinePoint(double t, int tenants, double offeredMessagesPerSecond, double producedMessagesPerSecond,
                                double producedMibPerSecond, double consumedMessagesPerSecond, double consumedMibPerSecond,
                                double noisyMibPerSecond, Double produceP50Ms, Double produceP99Ms, Double endToEndP99Ms,
                                long sendErrors, long consumeErrors, Double produceThrottleMs, Double fetchThrottleMs) {
    }

    /**
     * @param degradedAt the first step where the platform degraded, or null
     * @param criterion  what counts as degraded
     */
    public record RampFigures(String ramp, List<RampStep> steps, Degradation degradedAt, String criterion) {
    }

    public record RampStep(int step, int tenants, double fromSeconds, double toSeconds, double offeredMessagesPerSecond,
                           double producedMessagesPerSecond, double producedMibPerSecond, LatencySummary produceLatencyMs,
                           Double endToEndP99Ms, Double produceThrottleMs, long sendErrors) {
    }

    public record Degradation(int step, int tenants, double atSeconds, String reason) {
    }

    /**
     * How a fault's effect is judged is in {@code RecoveryAnalysis}: throughput is the share of the
     * offered load acknowledged over 3-point windows, "low" is under 90% of that share before the fault.
     *
     * @param outcome                   "done", "failed" (the action itself failed: see detail) or "skipped"
     * @param healedAtSeconds           when the fault was over (broker serving again, gateway listening again, storm closed)
     * @param baselineMessagesPerSecond well-behaved tenants' produce rate in the 10 s before the fault
     * @param lowestThroughputRatio     lowest share from injection to 30 s after healing, over the share before the fault
     * @param timeToRecoverSeconds      from injection to the end of the first run of low points (0: none was low;
     *                                  null: never recovered while sending, or no baseline)
     * @param disruptedSeconds          seconds of low points from injection to 30 s after healing
     * @param measurements              per kind: e.g. stop_ms, start_ms, connections opened, unavailable_ms
     */
    public record FaultFigures(String fault, String kind, String target, double injectedAtSeconds, Double healedAtSeconds,
                               String outcome, String detail, Double baselineMessagesPerSecond, Double lowestThroughputRatio,
                               Double timeToRecoverSeconds, Double disruptedSeconds, Double maxProduceP99Ms, long sendErrorsDuring,
                               Map<String, Double> measurements) {
    }

    /** The JSON form. */
    public String toJson() {
        try {
            return mapper().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Report fromJson(String json) {
        try {
            return mapper().readValue(json, Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code report.json} and {@code report.html} into {@code dir} (created if missing); returns the HTML file. */
    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.json"), toJson(), StandardCharsets.UTF_8);
            Path html = dir.resolve("report.html");
            Files.writeString(html, HtmlReport.render(this), StandardCharsets.UTF_8);
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + dir, e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
