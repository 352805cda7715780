package io.kondo.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SimulationPlan} against a {@link Target} and returns its {@link Report}.
 *
 * <p>Phases: tenants are created through the control plane (all at once, or step by step on the
 * ramp), each gets its topics through the gateway and starts its consumers and producers; faults are
 * injected at their times; sending stops at the duration or when the message budget is spent;
 * consumers then drain until every acknowledged message was read (or the drain timeout passes);
 * the report is assembled; the created logical clusters are deleted unless the plan keeps them.
 * Every phase is bounded, so a run always ends.
 */
public final class Simulation {

    private static final Logger LOG = LoggerFactory.getLogger(Simulation.class);
    private static final int CREATORS = 4;
    private static final Duration CONTROL_PLANE_PATIENCE = Duration.ofSeconds(90);
    /** Producers flush within their delivery timeout (120 s); a little more for closing. */
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(150);
    private static final int MAX_NOTES = 50;

    private final SimulationPlan plan;
    private final Target target;
    private final PlatformFaults platform;
    private final SimulationListener listener;
    private final Clock clock;
    private final Ticker ticker;

    private final RunStats run = new RunStats();
    private final List<SimulatedTenant> active = new CopyOnWriteArrayList<>();
    private final List<TenantAccount> created = new CopyOnWriteArrayList<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failedTenants = new AtomicInteger();
    private volatile boolean budgetSpent;
    private volatile boolean sending = true;
    private long finishedNanos;
    private Instant finishedAt;

    public Simulation(SimulationPlan plan, Target target, PlatformFaults platform, SimulationListener listener, Clock clock,
                      Ticker ticker) {
        this.plan = plan;
        this.target = target;
        this.platform = platform;
        this.listener = listener;
        this.clock = clock;
        this.ticker = ticker;
        if (!platform.available()) {
            List<String> needing = plan.faults().stream().filter(f -> f.kind().needsPlatform()).map(FaultSpec::describe).toList();
            if (!needing.isEmpty()) {
                throw new IllegalArgumentException("faults " + needing + " need the embedded platform; against an external Kondo"
                        + " only connection-storm and noisy-tenant can be injected");
            }
        }
    }

    /** Runs to the end (bounded), cleans up, and returns the report. */
    public Report run() throws InterruptedException {
        Instant startedAt = clock.instant();
        long start = ticker.nanos();
        int runTag = new SplittableRandom(plan.seed() ^ startedAt.toEpochMilli()).nextInt();
        String runName = plan.namePrefix() + "-" + Integer.toString(Math.abs(runTag % 46_656), 36);
        byte[] filler = new byte[64 * 1024];
        new SplittableRandom(plan.seed()).nextBytes(filler);
        MessageBudget budget = new MessageBudget(plan.messageBudget());
        ControlPlaneApi api = new ControlPlaneApi(target.controlPlane(), target.adminToken(), CONTROL_PLANE_PATIENCE, clock::millis);
        List<UsageProfile> profiles = plan.mix().assign(plan.tenants());
        TimelineSampler timeline = new TimelineSampler(run, () -> List.copyOf(active), plan.ramp(), plan.tenants());
        FaultInjector faults = new FaultInjector(plan.faults(), platform, () -> List.copyOf(active), api, ticker, start, listener);
        ExecutorService creators = Executors.newFixedThreadPool(CREATORS, daemon("sim-create"));
        Thread sampler = new Thread(() -> sampleUntilStopped(timeline, start), "sim-timeline");
        sampler.setDaemon(true);

        listener.event(String.format(Locale.ROOT, "simulating %d tenants against %s (%s), run %s", plan.tenants(), target.bootstrap(),
                target.description(), runName));
        String stopReason;
        long sendingStopped;
        boolean drained = false;
        try {
            sampler.start();
            faults.start();
            stopReason = drive(creators, api, profiles, runName, runTag, filler, budget, start, timeline, faults);
            sendingStopped = ticker.nanos();
            sending = false;
            creators.shutdownNow();
            creators.awaitTermination(60, TimeUnit.SECONDS);
            active.forEach(SimulatedTenant::stopSending);
            faults.end(Duration.ofMinutes(3));
            listener.event("sending stopped (" + stopReason + "); flushing producers");
            for (SimulatedTenant tenant : active) {
                tenant.awaitProducers(FLUSH_TIMEOUT);
            }
            drained = drain(start, timeline);
        } finally {
            sending = false;
            creators.shutdownNow();
            faults.end(Duration.ofMinutes(3));
            for (SimulatedTenant tenant : active) {
                tenant.stopConsuming(Duration.ofSeconds(30));
            }
            sampler.interrupt();
            sampler.join(5_000);
            finishedNanos = ticker.nanos();
            finishedAt = clock.instant();
            timeline.sample((finishedNanos - start) / 1e9, false);
            if (!plan.keepTenants()) {
                cleanUp(api);
            }
        }
        double seconds = (finishedNanos - start) / 1e9;
        Report report = new ReportAssembler(plan, target, List.copyOf(active), timeline, faults.events(), notes()).assemble(
                startedAt, finishedAt, seconds, (sendingStopped - start) / 1e9, stopReason, drained, created.size(), failedTenants.get());
        listener.event(summary(report));
        return report;
    }

    private String drive(ExecutorService creators, ControlPlaneApi api, List<UsageProfile> profiles, String runName, int runTag,
                         byte[] filler, MessageBudget budget, long start, TimelineSampler timeline, FaultInjector faults)
            throws InterruptedException {
        int submitted = 0;
        long bound = plan.sendingBound().toNanos();
        long nextProgress = start + plan.progressInterval().toNanos();
        while (true) {
            long now = ticker.nanos();
            long elapsedMs = (now - start) / 1_000_000;
            int wanted = plan.ramp().map(r -> r.tenantsAt(elapsedMs, plan.tenants())).orElse(plan.tenants());
            for (; submitted < wanted; submitted++) {
                TenantSpec spec = TenantSpec.draw(submitted, profiles.get(submitted), plan.defaultPlan(), plan.seed());
                String name = runName + "-" + submitted;
                creators.submit(() -> addTenant(api, spec, name, runTag, filler, budget, start));
            }
            if (budgetSpent || budget.spent()) {
                return "message budget";
            }
            if (now - start >= bound) {
                return plan.duration().filter(d -> d.compareTo(plan.maxDuration()) <= 0).isPresent() ? "duration" : "max duration";
            }
            if (now >= nextProgress) {
                nextProgress += plan.progressInterval().toNanos();
                listener.progress(progressLine(timeline, faults, (now - start) / 1e9));
            }
            Thread.sleep(50);
        }
    }

    private void addTenant(ControlPlaneApi api, TenantSpec spec, String name, int runTag, byte[] filler, MessageBudget budget,
                           long start) {
        try {
            TenantAccount account = api.createTenant(name, spec.plan().orElse(null));
            created.add(account);
            SimulatedTenant tenant = new SimulatedTenant(spec, account, target, run, budget, ticker, start, runTag, filler);
            tenant.prepare();
            if (!sending) {
                return;
            }
            active.add(tenant);
            tenant.start(() -> budgetSpent = true);
            LOG.debug("Tenant running: tenant={} profile={}", account.id(), spec.profile().name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failedTenants.incrementAndGet();
            note("tenant " + name + " could not start: " + e.getMessage());
            LOG.warn("Tenant could not start: name={} reason={}", name, e.toString());
        }
    }

    /** Waits until every acknowledged message was read, or the drain timeout; true if all were read. */
    private boolean drain(long start, TimelineSampler timeline) throws InterruptedException {
        long deadline = ticker.nanos() + plan.drainTimeout().toNanos();
        long nextProgress = ticker.nanos() + plan.progressInterval().toNanos();
        while (true) {
            long unread = active.stream().mapToLong(t -> t.ledger().unread()).sum();
            if (unread == 0) {
                listener.event("drained: every acknowledged message was read");
                return true;
            }
            long now = ticker.nanos();
            if (now > deadline) {
                note(unread + " acknowledged messages were still unread when the drain timeout ("
                        + Notation.format(plan.drainTimeout()) + ") passed");
                return false;
            }
            if (now >= nextProgress) {
                nextProgress += plan.progressInterval().toNanos();
                listener.progress(String.format(Locale.ROOT, "[%5.0fs] draining: %,d acknowledged messages not read yet",
                        (now - start) / 1e9, unread));
            }
            Thread.sleep(250);
        }
    }

    private void sampleUntilStopped(TimelineSampler timeline, long start) {
        long interval = plan.sampleInterval().toNanos();
        long next = start + interval;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long wait = next - ticker.nanos();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                timeline.sample((ticker.nanos() - start) / 1e9, sending);
                next += interval;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The timeline sampler failed", e);
            note("the timeline stopped early: " + e);
        }
    }

    private void cleanUp(ControlPlaneApi api) throws InterruptedException {
        listener.event("deleting the " + created.size() + " logical clusters this run created");
        for (TenantAccount account : created) {
            try {
                api.deleteTenant(account.id());
            } catch (RuntimeException e) {
                note("could not delete " + account.id() + ": " + e.getMessage());
            }
        }
    }

    private String progressLine(TimelineSampler timeline, FaultInjector faults, double elapsed) {
        Report.TimelinePoint p = timeline.latest().orElse(null);
        String figures = p == null ? "" : String.format(Locale.ROOT,
                "  produced %,.0f msg/s (%.1f MiB/s)  consumed %,.0f msg/s  p99 %s ms  errors %d",
                p.producedMessagesPerSecond(), p.producedMibPerSecond() + p.noisyMibPerSecond(), p.consumedMessagesPerSecond(),
                p.produceP99Ms() == null ? "-" : String.format(Locale.ROOT, "%.1f", p.produceP99Ms()),
                run.sendErrors.sum() + run.consumeErrors.sum());
        String inProgress = faults.inProgress();
        return String.format(Locale.ROOT, "[%5.0fs] tenants %d/%d%s%s", elapsed, active.size(), plan.tenants(), figures,
                inProgress.isEmpty() ? "" : "  fault: " + inProgress);
    }

    private static String summary(Report report) {
        Report.Correctness c = report.correctness();
        Report.Totals t = report.totals();
        return String.format(Locale.ROOT, "done: %d tenants, %,d messages acknowledged, %,d read; lost %d, duplicated %d, "
                        + "out of order %d; %.1f MiB/s; p99 produce %s ms; fairness %s",
                report.run().tenantsCreated(), t.acked(), t.consumed(), c.lost(), c.duplicated(), c.outOfOrder(),
                t.producedMibPerSecond(), t.produceLatencyMs().p99(), report.fairness().throughputIndex());
    }

    private void note(String note) {
        synchronized (notes) {
            if (notes.size() < MAX_NOTES) {
                notes.add(note);
            }
        }
    }

    private List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
