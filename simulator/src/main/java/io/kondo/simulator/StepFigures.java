package io.kondo.simulator;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** What the timeline gathered during one ramp step (while sending); turned into a {@link Report.RampStep}. */
final class StepFigures {

    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    final int step;
    final double fromSeconds;
    double toSeconds;
    int tenants;
    double offeredSum;
    double producedMessages;
    double producedBytes;
    double seconds;
    double throttleSum;
    int throttleSamples;
    long sendErrors;
    final Histogram produce = new Histogram(MAX_MICROS, 3);
    final Histogram endToEnd = new Histogram(MAX_MICROS, 3);

    StepFigures(int step, double fromSeconds) {
        this.step = step;
        this.fromSeconds = fromSeconds;
        this.toSeconds = fromSeconds;
    }

    void add(double intervalSeconds, double atSeconds, int activeTenants, double offered, long messages, long bytes,
             Histogram produceInterval, Histogram endToEndInterval, double throttleMs, long errors) {
        toSeconds = atSeconds;
        seconds += intervalSeconds;
        tenants = Math.max(tenants, activeTenants);
        offeredSum += offered * intervalSeconds;
        producedMessages += messages;
        producedBytes += bytes;
        produce.add(produceInterval);
        endToEnd.add(endToEndInterval);
        if (Double.isFinite(throttleMs)) {
            throttleSum += throttleMs;
            throttleSamples++;
        }
        sendErrors += errors;
    }

    Report.RampStep toReport() {
        double s = Math.max(seconds, 1e-9);
        return new Report.RampStep(step, tenants, round(fromSeconds), round(toSeconds), round(offeredSum / s),
                round(producedMessages / s), round(producedBytes / s / (1 << 20)), LatencySummary.of(produce),
                LatencySummary.of(endToEnd).p99(), throttleSamples == 0 ? null : LatencySummary.round(throttleSum / throttleSamples),
                sendErrors);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
