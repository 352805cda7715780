package io.kondo.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Takes the run's figures once per interval into a timeline point, samples the tenants' throttle
 * time, and adds each interval to the ramp step it fell in. {@link #sample} is called from one
 * thread; the other methods may be called from any.
 */
final class TimelineSampler {

    private static final double MIB = 1 << 20;

    private final RunStats run;
    private final Supplier<List<SimulatedTenant>> tenants;
    private final Optional<Ramp> ramp;
    private final int maxSteps;
    private final List<Report.TimelinePoint> points = new ArrayList<>();
    private final List<StepFigures> steps = new ArrayList<>();
    private long lastAcked;
    private long lastAckedBytes;
    private long lastNoisyBytes;
    private long lastConsumed;
    private long lastConsumedBytes;
    private long lastSendErrors;
    private long lastConsumeErrors;
    private double lastSeconds;

    TimelineSampler(RunStats run, Supplier<List<SimulatedTenant>> tenants, Optional<Ramp> ramp, int totalTenants) {
        this.run = run;
        this.tenants = tenants;
        this.ramp = ramp;
        this.maxSteps = ramp.map(r -> 1 + (int) Math.ceil(Math.max(0, totalTenants - r.initial()) / (double) r.step())).orElse(1);
    }

    /** Takes one point at {@code atSeconds} into the run; {@code sending} says whether it counts toward a ramp step. */
    synchronized Report.TimelinePoint sample(double atSeconds, boolean sending) {
        List<SimulatedTenant> active = tenants.get();
        double produceThrottle = 0;
        double fetchThrottle = 0;
        int throttleSamples = 0;
        double offered = 0;
        for (SimulatedTenant tenant : active) {
            tenant.sampleThrottle();
            if (!tenant.stats().noisy()) {
                offered += tenant.offeredRate();
                double p = tenant.stats().produceThrottle().latestAverageMs();
                double f = tenant.stats().fetchThrottle().latestAverageMs();
                if (Double.isFinite(p)) {
                    produceThrottle += p;
                    fetchThrottle += Double.isFinite(f) ? f : 0;
                    throttleSamples++;
                }
            }
        }
        long acked = run.acked.sum();
        long ackedBytes = run.ackedBytes.sum();
        long noisyBytes = run.noisyAckedBytes.sum();
        long consumed = run.consumed.sum();
        long consumedBytes = run.consumedBytes.sum();
        long sendErrors = run.sendErrors.sum();
        long consumeErrors = run.consumeErrors.sum();
        Histogram produce = run.produceInterval();
        Histogram endToEnd = run.endToEndInterval();
        double interval = Math.max(1e-3, atSeconds - lastSeconds);
        long ackedDelta = acked - lastAcked;
        long ackedBytesDelta = ackedBytes - lastAckedBytes;
        Double throttle = throttleSamples == 0 ? null : LatencySummary.round(produceThrottle / throttleSamples);
        Report.TimelinePoint point = new Report.TimelinePoint(StepFigures.round(atSeconds), active.size(), StepFigures.round(offered),
                StepFigures.round(ackedDelta / interval), StepFigures.round(ackedBytesDelta / interval / MIB),
                StepFigures.round((consumed - lastConsumed) / interval), StepFigures.round((consumedBytes - lastConsumedBytes) / interval / MIB),
                StepFigures.round((noisyBytes - lastNoisyBytes) / interval / MIB),
                percentile(produce, 50), percentile(produce, 99), percentile(endToEnd, 99),
                sendErrors - lastSendErrors, consumeErrors - lastConsumeErrors, throttle,
                throttleSamples == 0 ? null : LatencySummary.round(fetchThrottle / throttleSamples));
        if (sending) {
            step(atSeconds).add(interval, atSeconds, active.size(), offered, ackedDelta, ackedBytesDelta, produce, endToEnd,
                    throttle == null ? Double.NaN : throttle, sendErrors - lastSendErrors);
        }
        points.add(point);
        lastAcked = acked;
        lastAckedBytes = ackedBytes;
        lastNoisyBytes = noisyBytes;
        lastConsumed = consumed;
        lastConsumedBytes = consumedBytes;
        lastSendErrors = sendErrors;
        lastConsumeErrors = consumeErrors;
        lastSeconds = atSeconds;
        return point;
    }

    synchronized List<Report.TimelinePoint> points() {
        return List.copyOf(points);
    }

    synchronized Optional<Report.TimelinePoint> latest() {
        return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
    }

    synchronized List<StepFigures> steps() {
        return List.copyOf(steps);
    }

    private StepFigures step(double atSeconds) {
        int index = ramp.map(r -> (int) Math.min(maxSteps - 1, (long) (atSeconds * 1000) / r.every().toMillis())).orElse(0);
        while (steps.size() <= index) {
            double from = ramp.map(r -> steps.size() * r.every().toMillis() / 1000.0).orElse(0.0);
            steps.add(new StepFigures(steps.size(), from));
        }
        return steps.get(index);
    }

    private static Double percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? null : LatencySummary.round(histogram.getValueAtPercentile(percentile) / 1000.0);
    }
}
