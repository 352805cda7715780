package io.kondo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recovery after faults and degradation along the ramp, judged from made-up timelines. */
class AnalysisTest {

    private static Report.TimelinePoint point(double t, double offered, double produced, Double p99, long errors) {
        return new Report.TimelinePoint(t, 3, offered, produced, 0, produced, 0, 0, 1.0, p99, p99, errors, 0, 0.0, 0.0);
    }

    /** 100 msg/s offered; produced follows {@code produced[i]} at t = i + 1. */
    private static List<Report.TimelinePoint> timeline(double... produced) {
        List<Report.TimelinePoint> points = new ArrayList<>();
        for (int i = 0; i < produced.length; i++) {
            points.add(point(i + 1, 100, produced[i], produced[i] < 50 ? 900.0 : 20.0, produced[i] == 0 ? 1 : 0));
        }
        return points;
    }

    @Test
    void throughputThatNeverDropsRecoversAtOnce() {
        List<Report.TimelinePoint> points = timeline(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100);
        RecoveryAnalysis.Outcome outcome = RecoveryAnalysis.analyse(points, 5.5, 8, 15);
        assertThat(outcome.baseline()).isEqualTo(100.0);
        assertThat(outcome.timeToRecover()).isEqualTo(0.0);
        assertThat(outcome.disruptedSeconds()).isEqualTo(0.0);
        assertThat(outcome.lowestRatio()).isEqualTo(1.0);
    }

    @Test
    void timeToRecoverRunsToTheEndOfTheFirstDisruption() {
        // baseline at t 1..5; the fault at 5.5 stalls t 6..8; a catch-up at 9; steady after; healed at 12.
        List<Report.TimelinePoint> points = timeline(100, 100, 100, 100, 100, 0, 0, 0, 250, 100, 100, 100, 100, 100, 100);
        RecoveryAnalysis.Outcome outcome = RecoveryAnalysis.analyse(points, 5.5, 12, 15);
        assertThat(outcome.lowestRatio()).isEqualTo(0.0);
        assertThat(outcome.timeToRecover()).isEqualTo(3.5); // the 3-point share stays below 90% until t = 9
        assertThat(outcome.disruptedSeconds()).isEqualTo(4.0);
        assertThat(outcome.maxP99Ms()).isEqualTo(900.0);
        assertThat(outcome.sendErrors()).isEqualTo(3);
    }

    @Test
    void aLaterDipCountsAsDisruptionButNotAsRecoveryTime() {
        List<Report.TimelinePoint> points = timeline(100, 100, 100, 100, 100, 0, 100, 100, 100, 100, 100, 0, 100, 100, 100, 100, 100);
        RecoveryAnalysis.Outcome outcome = RecoveryAnalysis.analyse(points, 5.5, 13, 17);
        assertThat(outcome.timeToRecover()).isEqualTo(2.5);
        assertThat(outcome.disruptedSeconds()).isEqualTo(6.0); // t 6-8 and t 12-14
    }

    @Test
    void throughputThatNeverComesBackHasNoRecoveryTime() {
        List<Report.TimelinePoint> points = timeline(100, 100, 100, 100, 100, 0, 0, 0, 0, 0);
        RecoveryAnalysis.Outcome outcome = RecoveryAnalysis.analyse(points, 5.5, 7, 10);
        assertThat(outcome.timeToRecover()).isNull();
    }

    @Test
    void aFaultBeforeAnyTrafficHasNoBaseline() {
        RecoveryAnalysis.Outcome outcome = RecoveryAnalysis.analyse(timeline(100, 100, 100), 0.5, 1, 3);
        assertThat(outcome.baseline()).isNull();
        assertThat(outcome.timeToRecover()).isNull();
    }

    private static Report.RampStep step(int step, int tenants, double offered, double produced, double p99, long errors) {
        return new Report.RampStep(step, tenants, step * 30.0, step * 30.0 + 30, offered, produced, 1,
                new LatencySummary(100, 10.0, p99, p99, p99, p99 / 2), p99, 0.0, errors);
    }

    @Test
    void degradationIsTheFirstStepWhoseLatencyMoreThanDoubles() {
        List<Report.RampStep> steps = List.of(step(0, 10, 1000, 1000, 20, 0), step(1, 20, 2000, 2000, 35, 0),
                step(2, 30, 3000, 3000, 120, 0), step(3, 40, 4000, 2000, 900, 0));
        Report.Degradation degraded = RampAnalysis.firstDegraded(steps, List.of());
        assertThat(degraded.step()).isEqualTo(2);
        assertThat(degraded.tenants()).isEqualTo(30);
        assertThat(degraded.reason()).contains("p99 produce latency 120.0 ms");
    }

    @Test
    void aMedianThatMoreThanDoublesIsDegradationEvenIfTheTailDoesNot() {
        List<Report.RampStep> steps = List.of(
                new Report.RampStep(0, 10, 0, 30, 1000, 1000, 1, new LatencySummary(100, 90.0, 900.0, 1000.0, 1000.0, 100.0), 900.0, 0.0, 0),
                new Report.RampStep(1, 20, 30, 60, 2000, 2000, 2, new LatencySummary(100, 240.0, 800.0, 900.0, 900.0, 250.0), 800.0, 0.0, 0));
        assertThat(RampAnalysis.firstDegraded(steps, List.of()).reason()).isEqualTo("p50 produce latency 240.0 ms, against 90.0 ms with 10 tenants");
    }

    @Test
    void deliveringLessThanOfferedIsDegradation() {
        List<Report.RampStep> steps = List.of(step(0, 10, 1000, 1000, 20, 0), step(1, 20, 2000, 1500, 25, 0));
        assertThat(RampAnalysis.firstDegraded(steps, List.of()).reason()).contains("delivered 1500 of 2000");
    }

    @Test
    void stepsDisturbedByAFaultAreNotJudged() {
        List<Report.RampStep> steps = List.of(step(0, 10, 1000, 1000, 20, 0), step(1, 20, 2000, 2000, 500, 3),
                step(2, 30, 3000, 3000, 22, 0));
        assertThat(RampAnalysis.firstDegraded(steps, List.of(new RampAnalysis.Window(35, 50)))).isNull();
    }
}
