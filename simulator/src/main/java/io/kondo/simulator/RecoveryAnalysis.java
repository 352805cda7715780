package io.kondo.simulator;

import java.util.List;

/**
 * What a fault did to the well-behaved tenants, read off the timeline.
 *
 * <p>Throughput is judged as the share of the offered load that was acknowledged, over a moving
 * window of {@value #WINDOW} points, so bursty or slow tenants do not read as outages. The baseline
 * is that share over the {@value #BASELINE_SECONDS} s before the fault; a point is "low" when its
 * share is under 90% of the baseline. The fault's effect is looked at from its injection until
 * {@value #AFTER_HEAL_SECONDS} s after it was healed:
 * <ul>
 *   <li>time to recover: from the injection to the end of the first run of low points, where a run
 *       ends only at {@value #STABLE_POINTS} points in a row that are not low (0 if no point was
 *       low; null if the run never ended while producers were sending);</li>
 *   <li>disrupted seconds: all the low points in the window, however scattered;</li>
 *   <li>lowest ratio, worst p99 and send errors over the window.</li>
 * </ul>
 */
final class RecoveryAnalysis {

    static final double BASELINE_SECONDS = 10;
    static final double AFTER_HEAL_SECONDS = 30;
    static final int STABLE_POINTS = 3;
    static final int WINDOW = 3;
    static final double RECOVERED_RATIO = 0.9;

    /**
     * @param baseline         produce rate (messages/s) before the fault
     * @param lowestRatio      lowest windowed share of the offered load, over the baseline share
     * @param timeToRecover    seconds, see the class comment
     * @param disruptedSeconds seconds of low points in the window
     */
    record Outcome(Double baseline, Double lowestRatio, Double timeToRecover, Double disruptedSeconds, Double maxP99Ms, long sendErrors) {
    }

    private RecoveryAnalysis() {
    }

    static Outcome analyse(List<Report.TimelinePoint> points, double injectedAt, double healedAt, double sendingUntil) {
        List<Report.TimelinePoint> sending = points.stream().filter(p -> p.t() <= sendingUntil + 1e-6).toList();
        double[] share = windowedShare(sending);
        double baselineRate = 0;
        double baselineShare = 0;
        int baselinePoints = 0;
        for (int i = 0; i < sending.size(); i++) {
            Report.TimelinePoint p = sending.get(i);
            if (p.t() > injectedAt - BASELINE_SECONDS && p.t() <= injectedAt && Double.isFinite(share[i])) {
                baselineRate += p.producedMessagesPerSecond();
                baselineShare += share[i];
                baselinePoints++;
            }
        }
        int first = 0;
        while (first < sending.size() && sending.get(first).t() <= injectedAt) {
            first++;
        }
        int end = first;
        while (end < sending.size() && sending.get(end).t() <= healedAt + AFTER_HEAL_SECONDS) {
            end++;
        }
        List<Report.TimelinePoint> window = sending.subList(first, end);
        if (baselinePoints == 0 || baselineShare <= 0) {
            return new Outcome(null, null, null, null, maxP99(window), errors(window));
        }
        baselineShare /= baselinePoints;
        double threshold = RECOVERED_RATIO * baselineShare;
        double lowest = Double.MAX_VALUE;
        double disrupted = 0;
        for (int i = first; i < end; i++) {
            if (Double.isFinite(share[i])) {
                lowest = Math.min(lowest, share[i] / baselineShare);
                if (share[i] < threshold) {
                    disrupted += sending.get(i).t() - (i == 0 ? 0 : sending.get(i - 1).t());
                }
            }
        }
        return new Outcome(StepFigures.round(baselineRate / baselinePoints), lowest == Double.MAX_VALUE ? null : StepFigures.round(lowest),
                timeToRecover(sending, share, first, end, threshold, injectedAt), StepFigures.round(disrupted), maxP99(window),
                errors(window));
    }

    private static Double timeToRecover(List<Report.TimelinePoint> points, double[] share, int first, int end, double threshold,
                                        double injectedAt) {
        int low = first;
        while (low < end && !(share[low] < threshold)) {
            low++;
        }
        if (low == end) {
            return 0.0;
        }
        int lastLow = low;
        int good = 0;
        for (int i = low + 1; i < points.size(); i++) {
            if (share[i] < threshold) {
                lastLow = i;
                good = 0;
            } else if (++good == STABLE_POINTS) {
                return StepFigures.round(points.get(lastLow).t() - injectedAt);
            }
        }
        return null;
    }

    /** Acknowledged over offered messages, summed over the last {@value #WINDOW} points; NaN where nothing was offered. */
    static double[] windowedShare(List<Report.TimelinePoint> points) {
        double[] share = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            double produced = 0;
            double offered = 0;
            for (int j = Math.max(0, i - WINDOW + 1); j <= i; j++) {
                produced += points.get(j).producedMessagesPerSecond();
                offered += points.get(j).offeredMessagesPerSecond();
            }
            share[i] = offered > 0 ? produced / offered : Double.NaN;
        }
        return share;
    }

    private static Double maxP99(List<Report.TimelinePoint> points) {
        return points.stream().map(Report.TimelinePoint::produceP99Ms).filter(v -> v != null).max(Double::compare).orElse(null);
    }

    private static long errors(List<Report.TimelinePoint> points) {
        return points.stream().mapToLong(Report.TimelinePoint::sendErrors).sum();
    }
}
