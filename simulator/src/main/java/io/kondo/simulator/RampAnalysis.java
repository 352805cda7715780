package io.kondo.simulator;

import java.util.List;
import java.util.Locale;

/**
 * Where, as tenants were added, the platform degraded. A step is degraded when, compared with the
 * first step: its p50 produce latency is more than twice the first step's and at least 20 ms more,
 * or its p99 more than twice and at least 50 ms more; or it delivered less than 90% of the offered
 * rate; or clients were throttled more than 10 ms on average (when the first step was not); or
 * sends failed. Steps that overlap an injected fault are not judged (the fault, not the load, would
 * be what shows).
 */
final class RampAnalysis {

    static final String CRITERION = "first step, compared with step 0, whose p50 produce latency is > 2x and > +20 ms, "
            + "or whose p99 is > 2x and > +50 ms, "
            + "or that delivered < 90% of the offered rate, or whose clients were throttled > 10 ms on average, "
            + "or that had send errors; steps overlapping an injected fault are not judged";

    /** A span of the run disturbed by a fault, in seconds. */
    record Window(double from, double to) {
        boolean overlaps(double a, double b) {
            return from < b && a < to;
        }
    }

    private RampAnalysis() {
    }

    static Report.Degradation firstDegraded(List<Report.RampStep> steps, List<Window> faults) {
        if (steps.isEmpty()) {
            return null;
        }
        Report.RampStep base = steps.get(0);
        for (Report.RampStep step : steps) {
            if (faults.stream().anyMatch(w -> w.overlaps(step.fromSeconds(), step.toSeconds()))) {
                continue;
            }
            String reason = reason(base, step);
            if (reason != null) {
                return new Report.Degradation(step.step(), step.tenants(), step.fromSeconds(), reason);
            }
        }
        return null;
    }

    private static String reason(Report.RampStep base, Report.RampStep step) {
        Double p50 = step.produceLatencyMs().p50();
        Double baseP50 = base.produceLatencyMs().p50();
        if (step != base && p50 != null && baseP50 != null && p50 > 2 * baseP50 && p50 > baseP50 + 20) {
            return String.format(Locale.ROOT, "p50 produce latency %.1f ms, against %.1f ms with %d tenants", p50, baseP50, base.tenants());
        }
        Double p99 = step.produceLatencyMs().p99();
        Double baseP99 = base.produceLatencyMs().p99();
        if (step != base && p99 != null && baseP99 != null && p99 > 2 * baseP99 && p99 > baseP99 + 50) {
            return String.format(Locale.ROOT, "p99 produce latency %.1f ms, against %.1f ms with %d tenants", p99, baseP99, base.tenants());
        }
        if (step.offeredMessagesPerSecond() > 0 && step.producedMessagesPerSecond() < 0.9 * step.offeredMessagesPerSecond()) {
            return String.format(Locale.ROOT, "delivered %.0f of %.0f offered messages/s (%.0f%%)", step.producedMessagesPerSecond(),
                    step.offeredMessagesPerSecond(), 100 * step.producedMessagesPerSecond() / step.offeredMessagesPerSecond());
        }
        Double throttle = step.produceThrottleMs();
        Double baseThrottle = base.produceThrottleMs();
        if (throttle != null && throttle > 10 && (step == base || baseThrottle == null || baseThrottle <= 10)) {
            return String.format(Locale.ROOT, "producers throttled %.1f ms on average", throttle);
        }
        if (step.sendErrors() > 0) {
            return step.sendErrors() + " send errors";
        }
        return null;
    }
}
