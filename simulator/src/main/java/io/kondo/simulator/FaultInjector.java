package io.kondo.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Injects the planned faults, each on its own thread at its time, and records what was done and
 * when. When the run ends early a fault in progress is healed at once (a stopped broker, gateway or
 * control plane is always started again) and faults not yet begun are skipped.
 */
final class FaultInjector {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);
    private static final Duration HEALTH_PATIENCE = Duration.ofSeconds(60);

    /** What happened to one fault; written by its thread, read after {@link #end}. */
    static final class Event {
        final FaultSpec spec;
        volatile String target = "";
        volatile double injectedAt = Double.NaN;
        volatile double healedAt = Double.NaN;
        volatile String outcome = "skipped";
        volatile String detail = "";
        final Map<String, Double> measurements = Collections.synchronizedMap(new LinkedHashMap<>());

        Event(FaultSpec spec) {
            this.spec = spec;
        }
    }

    private final List<FaultSpec> faults;
    private final PlatformFaults platform;
    private final Supplier<List<SimulatedTenant>> tenants;
    private final ControlPlaneApi controlPlane;
    private final Ticker ticker;
    private final long runStartNanos;
    private final SimulationListener listener;
    private final CountDownLatch ending = new CountDownLatch(1);
    private final List<Event> events = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    FaultInjector(List<FaultSpec> faults, PlatformFaults platform, Supplier<List<SimulatedTenant>> tenants,
                  ControlPlaneApi controlPlane, Ticker ticker, long runStartNanos, SimulationListener listener) {
        this.faults = faults;
        this.platform = platform;
        this.tenants = tenants;
        this.controlPlane = controlPlane;
        this.ticker = ticker;
        this.runStartNanos = runStartNanos;
        this.listener = listener;
    }

    void start() {
        for (FaultSpec spec : faults) {
            Event event = new Event(spec);
            events.add(event);
            Thread thread = new Thread(() -> runFault(event), "sim-fault-" + spec.kind().label());
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Ends the faults: those in progress heal now, the rest are skipped; waits for them. */
    void end(Duration timeout) throws InterruptedException {
        ending.countDown();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** Faults in progress, for the progress line. */
    String inProgress() {
        StringBuilder text = new StringBuilder();
        for (Event e : events) {
            if (!Double.isNaN(e.injectedAt) && Double.isNaN(e.healedAt)) {
                text.append(text.length() == 0 ? "" : ", ").append(e.spec.kind().label()).append(' ').append(e.target);
            }
        }
        return text.toString();
    }

    private void runFault(Event event) {
        try {
            if (awaitOrEnd(event.spec.at().toMillis() - elapsedMs())) {
                event.detail = "the run ended before the fault's time";
                return;
            }
            switch (event.spec.kind()) {
                case BROKER_RESTART -> brokerRestart(event);
                case GATEWAY_RESTART -> restart(event, "gateway", platform::stopGateway, platform::startGateway);
                case CONTROL_PLANE_RESTART -> controlPlaneRestart(event);
                case CONNECTION_STORM -> connectionStorm(event);
                case NOISY_TENANT -> noisyTenant(event);
                default -> throw new IllegalStateException("unhandled fault " + event.spec.kind());
            }
            if (event.outcome.equals("skipped")) {
                event.outcome = "done";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            event.outcome = "failed";
            event.detail = "interrupted";
        } catch (RuntimeException e) {
            LOG.warn("Fault failed: fault={} reason={}", event.spec.describe(), e.toString());
            event.outcome = "failed";
            event.detail = e.getMessage() == null ? e.toString() : e.getMessage();
            listener.event("fault " + event.spec.describe() + " failed: " + event.detail);
        }
    }

    private void brokerRestart(Event event) throws InterruptedException {
        List<Integer> brokers = platform.brokerIds();
        int node = event.spec.broker().orElse(brokers.isEmpty() ? -1 : brokers.get(brokers.size() - 1));
        if (!brokers.contains(node)) {
            throw new IllegalArgumentException("no broker " + node + "; brokers are " + brokers);
        }
        restart(event, "broker " + node, () -> platform.stopBroker(node), () -> platform.startBroker(node));
    }

    private void controlPlaneRestart(Event event) throws InterruptedException {
        restart(event, "control plane", platform::stopControlPlane, platform::startControlPlane);
        long deadline = System.nanoTime() + HEALTH_PATIENCE.toNanos();
        while (!controlPlane.healthy()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the control plane did not answer /v1/health within 60s of its restart");
            }
            Thread.sleep(100);
        }
        event.measurements.put("unavailable_ms", (double) Math.round((seconds() - event.injectedAt) * 1000));
    }

    /** Stops a component, keeps it down for the fault's duration (or until the run ends), starts it again, always. */
    private void restart(Event event, String target, Runnable stop, Runnable start) throws InterruptedException {
        event.target = target;
        event.injectedAt = seconds();
        listener.event(String.format("fault: stopping %s", target));
        long began = System.nanoTime();
        stop.run();
        event.measurements.put("stop_ms", millisSince(began));
        try {
            awaitOrEnd(event.spec.duration().toMillis());
        } finally {
            long starting = System.nanoTime();
            event.measurements.put("down_ms", (double) Math.round((seconds() - event.injectedAt) * 1000));
            start.run();
            event.measurements.put("start_ms", millisSince(starting));
            event.healedAt = seconds();
            listener.event(String.format("fault: %s serves again", target));
        }
    }

    private void connectionStorm(Event event) throws InterruptedException {
        SimulatedTenant tenant = pickTenant(event);
        event.target = tenant.account().id();
        event.injectedAt = seconds();
        listener.event("fault: connection storm of " + event.spec.connections() + " connections as " + tenant.account().id());
        ConnectionStorm.Outcome outcome = ConnectionStorm.run(tenant, event.spec.connections(), event.spec.duration(),
                d -> awaitOrEnd(d.toMillis()));
        event.healedAt = seconds();
        event.measurements.put("connections", (double) outcome.attempted());
        event.measurements.put("opened", (double) outcome.opened());
        event.measurements.put("refused_or_failed", (double) outcome.failed());
        if (outcome.connectP50Ms() != null) {
            event.measurements.put("connect_p50_ms", outcome.connectP50Ms());
            event.measurements.put("connect_p99_ms", outcome.connectP99Ms());
        }
        event.detail = outcome.opened() + " of " + outcome.attempted() + " connections opened";
    }

    private void noisyTenant(Event event) throws InterruptedException {
        SimulatedTenant tenant = pickTenant(event);
        event.target = tenant.account().id();
        long bytesBefore = tenant.stats().ackedBytes.sum();
        event.injectedAt = seconds();
        tenant.turnNoisy(event.spec.factor());
        listener.event("fault: " + tenant.account().id() + " turns noisy (" + event.spec.factor() + "x its quota)");
        try {
            awaitOrEnd(event.spec.duration().toMillis());
        } finally {
            tenant.calm();
            event.healedAt = seconds();
        }
        double seconds = Math.max(1e-3, event.healedAt - event.injectedAt);
        double achieved = (tenant.stats().ackedBytes.sum() - bytesBefore) / seconds;
        event.measurements.put("factor", event.spec.factor());
        event.measurements.put("quota_bytes_per_second", (double) tenant.account().produceQuotaBytesPerSecond());
        event.measurements.put("achieved_bytes_per_second", (double) Math.round(achieved));
        event.detail = String.format("sent %.1f MiB/s against a quota of %.1f MiB/s", achieved / (1 << 20),
                tenant.account().produceQuotaBytesPerSecond() / (double) (1 << 20));
    }

    private SimulatedTenant pickTenant(Event event) {
        List<SimulatedTenant> active = tenants.get();
        if (active.isEmpty()) {
            throw new IllegalStateException("no tenant is running yet");
        }
        int wanted = event.spec.tenant().orElse(active.stream().mapToInt(t -> t.spec().index()).min().orElseThrow());
        return active.stream().filter(t -> t.spec().index() == wanted).findFirst()
                .orElseThrow(() -> new IllegalStateException("tenant " + wanted + " is not running at " + Notation.format(event.spec.at())));
    }

    /** Sleeps {@code millis}; true if the run ended first. */
    private boolean awaitOrEnd(long millis) throws InterruptedException {
        return millis <= 0 ? ending.getCount() == 0 : ending.await(millis, TimeUnit.MILLISECONDS);
    }

    private long elapsedMs() {
        return (ticker.nanos() - runStartNanos) / 1_000_000;
    }

    private double seconds() {
        return (ticker.nanos() - runStartNanos) / 1e9;
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e6);
    }
}
