package io.kondo.simulator;

import io.kondo.core.quota.Fairness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Puts a finished run's figures together into a {@link Report}. */
final class ReportAssembler {

    private static final double MIB = 1 << 20;
    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final SimulationPlan plan;
    private final Target target;
    private final List<SimulatedTenant> tenants;
    private final TimelineSampler timeline;
    private final List<FaultInjector.Event> faults;
    private final List<String> notes;

    ReportAssembler(SimulationPlan plan, Target target, List<SimulatedTenant> tenants, TimelineSampler timeline,
                    List<FaultInjector.Event> faults, List<String> notes) {
        this.plan = plan;
        this.target = target;
        this.tenants = tenants.stream().sorted(Comparator.comparingInt(t -> t.spec().index())).toList();
        this.timeline = timeline;
        this.faults = faults;
        this.notes = notes;
    }

    Report assemble(Instant startedAt, Instant finishedAt, double seconds, double sendingSeconds, String stopReason,
                    boolean drained, int created, int failed) {
        List<Report.TenantFigures> perTenant = tenants.stream().map(this::tenant).toList();
        List<Report.TimelinePoint> points = timeline.points();
        Report.Run run = new Report.Run(startedAt.toString(), finishedAt.toString(), StepFigures.round(seconds),
                StepFigures.round(sendingSeconds), target.description(), target.bootstrap(), plan.tenants(), created, failed,
                plan.duration().map(Notation::format).orElse(null),
                plan.messageBudget().isPresent() ? plan.messageBudget().getAsLong() : null,
                plan.ramp().map(Ramp::toString).orElse(null), plan.seed(), stopReason, plan.keepTenants(), drained,
                profiles(), notes);
        List<Report.FaultFigures> faultFigures = faults.stream().map(e -> fault(e, points, sendingSeconds)).toList();
        return new Report(Report.FORMAT, run, totals(perTenant, sendingSeconds), correctness(perTenant), fairness(perTenant),
                perTenant, points, ramp(faultFigures), faultFigures);
    }

    private Report.TenantFigures tenant(SimulatedTenant tenant) {
        TenantSpec spec = tenant.spec();
        TenantAccount account = tenant.account();
        TenantStats stats = tenant.stats();
        DeliveryLedger.Counts counts = tenant.ledger().counts();
        double seconds = Math.max(1e-3, tenant.sendingSeconds());
        double producedBytes = stats.ackedBytes.sum() / seconds;
        double producedMessages = stats.acked.sum() / seconds;
        long foreign = stats.foreign.sum();
        Report.Correctness correctness = new Report.Correctness(counts.lost(), counts.duplicated(), counts.outOfOrder(),
                counts.redelivered(), counts.deliveredUnacked(), foreign,
                counts.lost() == 0 && counts.duplicated() == 0 && counts.outOfOrder() == 0 && foreign == 0);
        Map<String, Long> errors = new LinkedHashMap<>();
        stats.sendErrors.snapshot().forEach((k, v) -> errors.put("send " + k, v));
        stats.consumeErrors.snapshot().forEach((k, v) -> errors.put("consume " + k, v));
        long quota = account.produceQuotaBytesPerSecond();
        double targetBytes = spec.targetBytesPerSecond();
        return new Report.TenantFigures(spec.index(), account.id(), account.name(), spec.profile().name(), account.plan(),
                tenant.everNoisy(), spec.topics(), spec.partitions(), spec.producers(), spec.consumers(),
                StepFigures.round(tenant.startedAtSeconds()), StepFigures.round(tenant.sendingSeconds()),
                StepFigures.round(spec.shape().rate()), StepFigures.round(targetBytes), quota, account.consumeQuotaBytesPerSecond(),
                StepFigures.round(producedMessages), StepFigures.round(producedBytes), StepFigures.round(stats.consumedBytes.sum() / seconds),
                quota > 0 ? ratio(producedBytes / quota) : null, targetBytes > 0 ? ratio(producedBytes / targetBytes) : null,
                stats.sent.sum(), stats.acked.sum(), stats.consumed.sum(), stats.sendErrors.total(), stats.consumeErrors.total(),
                correctness, stats.produceLatency(), stats.endToEndLatency(),
                new Report.Throttle(stats.produceThrottle().averageMs(), stats.produceThrottle().maxMs(),
                        stats.fetchThrottle().averageMs(), stats.fetchThrottle().maxMs()), errors);
    }

    private Report.Totals totals(List<Report.TenantFigures> perTenant, double sendingSeconds) {
        Histogram produce = new Histogram(MAX_MICROS, 3);
        Histogram endToEnd = new Histogram(MAX_MICROS, 3);
        ErrorTally sendErrors = new ErrorTally();
        ErrorTally consumeErrors = new ErrorTally();
        long ackedBytes = 0;
        long consumedBytes = 0;
        for (SimulatedTenant tenant : tenants) {
            produce.add(tenant.stats().produceHistogram());
            endToEnd.add(tenant.stats().endToEndHistogram());
            sendErrors.addAll(tenant.stats().sendErrors);
            consumeErrors.addAll(tenant.stats().consumeErrors);
            ackedBytes += tenant.stats().ackedBytes.sum();
            consumedBytes += tenant.stats().consumedBytes.sum();
        }
        long sent = perTenant.stream().mapToLong(Report.TenantFigures::sent).sum();
        long acked = perTenant.stream().mapToLong(Report.TenantFigures::acked).sum();
        long consumed = perTenant.stream().mapToLong(Report.TenantFigures::consumed).sum();
        double s = Math.max(1e-3, sendingSeconds);
        return new Report.Totals(sent, acked, sendErrors.total(), consumed, consumeErrors.total(), StepFigures.round(acked / s),
                StepFigures.round(ackedBytes / s / MIB), StepFigures.round(consumed / s), StepFigures.round(consumedBytes / s / MIB),
                LatencySummary.of(produce), LatencySummary.of(endToEnd), sendErrors.snapshot(), consumeErrors.snapshot());
    }

    private static Report.Correctness correctness(List<Report.TenantFigures> perTenant) {
        long lost = 0;
        long duplicated = 0;
        long outOfOrder = 0;
        long redelivered = 0;
        long unacked = 0;
        long foreign = 0;
        for (Report.TenantFigures t : perTenant) {
            lost += t.correctness().lost();
            duplicated += t.correctness().duplicated();
            outOfOrder += t.correctness().outOfOrder();
            redelivered += t.correctness().redelivered();
            unacked += t.correctness().deliveredUnacked();
            foreign += t.correctness().foreign();
        }
        return new Report.Correctness(lost, duplicated, outOfOrder, redelivered, unacked, foreign,
                lost == 0 && duplicated == 0 && outOfOrder == 0 && foreign == 0);
    }

    private static Report.FairnessFigures fairness(List<Report.TenantFigures> perTenant) {
        List<Report.TenantFigures> judged = perTenant.stream().filter(t -> !t.noisy() && t.sendingSeconds() >= 1).toList();
        if (judged.isEmpty()) {
            return new Report.FairnessFigures(null, null, 0, FAIRNESS_METHOD);
        }
        double[] throughput = judged.stream().mapToDouble(t -> {
            double entitled = t.produceQuotaBytesPerSecond() > 0 ? Math.min(t.targetBytesPerSecond(), t.produceQuotaBytesPerSecond())
                    : t.targetBytesPerSecond();
            return entitled <= 0 ? 1 : Math.min(1, t.producedBytesPerSecond() / entitled);
        }).toArray();
        double[] latency = judged.stream().filter(t -> t.produceLatencyMs().p99() != null)
                .mapToDouble(t -> 1 / Math.max(0.001, t.produceLatencyMs().p99())).toArray();
        return new Report.FairnessFigures(ratio(Fairness.jainIndex(throughput)),
                latency.length == 0 ? null : ratio(Fairness.jainIndex(latency)), judged.size(), FAIRNESS_METHOD);
    }

    static final String FAIRNESS_METHOD = "Jain's index (sum x)^2 / (n * sum x^2) over tenants that were never noisy and sent for 1 s or more;"
            + " throughput: x = produced bytes/s / min(offered bytes/s, produce quota), capped at 1; latency: x = 1 / p99 produce latency";

    private Report.FaultFigures fault(FaultInjector.Event event, List<Report.TimelinePoint> points, double sendingSeconds) {
        Double injected = finite(event.injectedAt);
        Double healed = finite(event.healedAt);
        RecoveryAnalysis.Outcome outcome = injected == null ? null
                : RecoveryAnalysis.analyse(points, injected, healed == null ? injected : healed, sendingSeconds);
        return new Report.FaultFigures(event.spec.describe(), event.spec.kind().label(), event.target,
                injected == null ? event.spec.at().toMillis() / 1000.0 : StepFigures.round(injected),
                healed == null ? null : StepFigures.round(healed), event.outcome, event.detail,
                outcome == null ? null : outcome.baseline(), outcome == null ? null : outcome.lowestRatio(),
                outcome == null ? null : outcome.timeToRecover(), outcome == null ? null : outcome.disruptedSeconds(),
                outcome == null ? null : outcome.maxP99Ms(),
                outcome == null ? 0 : outcome.sendErrors(), new LinkedHashMap<>(event.measurements));
    }

    private Report.RampFigures ramp(List<Report.FaultFigures> faultFigures) {
        List<Report.RampStep> steps = timeline.steps().stream().map(StepFigures::toReport).toList();
        List<RampAnalysis.Window> windows = new ArrayList<>();
        for (Report.FaultFigures f : faultFigures) {
            if (!f.outcome().equals("skipped")) {
                double to = f.healedAtSeconds() == null || f.timeToRecoverSeconds() == null ? Double.MAX_VALUE
                        : Math.max(f.healedAtSeconds(), f.injectedAtSeconds() + f.timeToRecoverSeconds()) + 10;
                windows.add(new RampAnalysis.Window(f.injectedAtSeconds(), to));
            }
        }
        return new Report.RampFigures(plan.ramp().map(Ramp::toString).orElse(null), steps,
                RampAnalysis.firstDegraded(steps, windows), RampAnalysis.CRITERION);
    }

    private List<Report.ProfileFigures> profiles() {
        List<UsageProfile> assigned = plan.mix().assign(plan.tenants());
        return plan.mix().profiles().stream().map(p -> new Report.ProfileFigures(p.name(), p.share(), p.plan().orElse(null),
                (int) assigned.stream().filter(a -> a == p).count(), span(p.rate()) + " msg/s", describe(p.size()))).toList();
    }

    private static String span(Span span) {
        return span.min() == span.max() ? trim(span.min()) : trim(span.min()) + "-" + trim(span.max());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String describe(SizeDistribution size) {
        if (size instanceof SizeDistribution.Fixed f) {
            return f.bytes() + " B";
        }
        if (size instanceof SizeDistribution.Uniform u) {
            return "uniform " + u.min() + "-" + u.max() + " B";
        }
        SizeDistribution.LogNormal l = (SizeDistribution.LogNormal) size;
        return String.format(Locale.ROOT, "lognormal median %d B, sigma %.1f, %d-%d B", l.median(), l.sigma(), l.min(), l.max());
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static Double ratio(double value) {
        return Double.isFinite(value) ? Math.round(value * 10_000) / 10_000.0 : null;
    }
}
