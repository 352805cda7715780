package io.kondo.bench.quota;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the soak's tenants: every tick it hands each connected tenant its demand for the tick
 * ({@link SoakSession#offer}); every churn step it closes the churning tenants connected longest and
 * reopens those away longest. One driver thread owns the list of connected sessions; producers are
 * opened and closed on their own small pools so that a slow open or close never holds the ticks up.
 */
final class SoakDriver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SoakDriver.class);
    private static final long TICK_MS = 100;
    private static final int OPEN_ATTEMPTS = 3;
    private static final Duration CHURN_CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** At the end nothing more is measured: records still buffered are dropped rather than waited for. */
    private static final Duration FINAL_CLOSE_TIMEOUT = Duration.ZERO;
    private static final Duration POOL_TIMEOUT = Duration.ofMinutes(2);

    /**
     * How the tenants load the gateway.
     *
     * @param offeredBytesPerSecond each connected tenant's demand
     * @param unackedCap            bytes a tenant may have sent and not yet had acknowledged; demand
     *                              beyond is held back (counted, not sent), so nothing waits in a
     *                              buffer for longer than the cap takes to drain at the quota
     * @param churnStep             how often churning tenants come and go
     * @param churnPerStep          how many go (and how many come back) at each step
     */
    record Load(double offeredBytesPerSecond, long unackedCap, Duration churnStep, int churnPerStep) {
    }

    private final Load load;
    private final byte[] value;
    private final Function<SoakTenant, Map<String, Object>> producerProperties;
    private final String topic;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "soak-driver"));
    private final ExecutorService openers = Executors.newFixedThreadPool(2, r -> daemon(r, "soak-opener"));
    private final ExecutorService closers = Executors.newFixedThreadPool(2, r -> daemon(r, "soak-closer"));
    private final Queue<SoakSession> opened = new ConcurrentLinkedQueue<>();
    private final List<SoakSession> connected = new ArrayList<>();
    private final Deque<SoakTenant> away = new ArrayDeque<>();
    private final AtomicLong churnOpened = new AtomicLong();
    private final AtomicLong churnClosed = new AtomicLong();
    private final AtomicLong openFailures = new AtomicLong();
    private long lastTickNanos;
    private long lastChurnNanos;

    SoakDriver(Load load, int recordBytes, Function<SoakTenant, Map<String, Object>> producerProperties, String topic) {
        this.load = load;
        this.value = new byte[recordBytes];
        new Random(recordBytes).nextBytes(value);
        this.producerProperties = producerProperties;
        this.topic = topic;
    }

    /**
     * Opens a producer for every tenant in {@code online} ({@code parallelism} at a time) and puts
     * {@code offline} in line to come back first; call before {@link #start}.
     */
    void openInitial(List<SoakTenant> online, List<SoakTenant> offline, int parallelism, Duration timeout) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> daemon(r, "soak-initial-opener"));
        try {
            List<Future<SoakSession>> sessions = new ArrayList<>();
            for (SoakTenant tenant : online) {
                tenant.state(SoakTenant.State.OPENING);
                sessions.add(pool.submit(() ->
                        SoakSession.open(tenant, producerProperties.apply(tenant), topic, OPEN_ATTEMPTS)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<SoakSession> session : sessions) {
                SoakSession open = session.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                open.tenant().state(SoakTenant.State.ONLINE);
                open.tenant().session(open);
                connected.add(open);
            }
        } finally {
            pool.shutdownNow();
        }
        for (SoakTenant tenant : offline) {
            tenant.state(SoakTenant.State.OFFLINE);
            away.addLast(tenant);
        }
        LOG.info("Producers open: connected={} away={}", connected.size(), away.size());
    }

    void start() {
        lastTickNanos = System.nanoTime();
        lastChurnNanos = lastTickNanos;
        ticks.scheduleAtFixedRate(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            for (SoakSession session; (session = opened.poll()) != null; ) {
                session.tenant().state(SoakTenant.State.ONLINE);
                session.tenant().session(session);
                connected.add(session);
            }
            long now = System.nanoTime();
            double bytes = load.offeredBytesPerSecond() * (now - lastTickNanos) / 1e9;
            lastTickNanos = now;
            for (SoakSession session : connected) {
                session.offer(bytes, value, load.unackedCap());
            }
            if (load.churnPerStep() > 0 && now - lastChurnNanos >= load.churnStep().toNanos()) {
                lastChurnNanos = now;
                churn();
            }
        } catch (RuntimeException e) {
            LOG.error("Soak tick failed; the next tick carries on", e);
        }
    }

    /** Closes the churning sessions connected longest and reopens the tenants away longest. */
    private void churn() {
        List<SoakSession> leaving = connected.stream().filter(s -> !s.tenant().steady())
                .sorted(Comparator.comparingLong(SoakSession::openedNanos)).limit(load.churnPerStep()).toList();
        for (SoakSession session : leaving) {
            connected.remove(session);
            session.tenant().session(null);
            session.tenant().state(SoakTenant.State.CLOSING);
            closers.execute(() -> {
                try {
                    session.close(CHURN_CLOSE_TIMEOUT);
                } finally {
                    session.tenant().state(SoakTenant.State.OFFLINE);
                    churnClosed.incrementAndGet();
                    synchronized (away) {
                        away.addLast(session.tenant());
                    }
                }
            });
        }
        for (int i = 0; i < load.churnPerStep(); i++) {
            SoakTenant returning;
            synchronized (away) {
                returning = away.pollFirst();
            }
            if (returning == null) {
                break;
            }
            returning.state(SoakTenant.State.OPENING);
            openers.execute(() -> reopen(returning));
        }
    }

    private void reopen(SoakTenant tenant) {
        try {
            opened.add(SoakSession.open(tenant, producerProperties.apply(tenant), topic, OPEN_ATTEMPTS));
            churnOpened.incrementAndGet();
        } catch (RuntimeException e) {
            openFailures.incrementAndGet();
            LOG.warn("Reopening a churning tenant failed: tenant={} error={}", tenant.tenant().id(), e.toString());
            tenant.state(SoakTenant.State.OFFLINE);
            synchronized (away) {
                away.addLast(tenant);
            }
        }
    }

    long churnOpened() {
        return churnOpened.get();
    }

    long churnClosed() {
        return churnClosed.get();
    }

    long openFailures() {
        return openFailures.get();
    }

    /** Stops the ticks and closes every producer, connected or on its way; bounded by a few minutes. */
    @Override
    public void close() throws InterruptedException {
        ticks.shutdown();
        if (!ticks.awaitTermination(POOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the soak driver did not stop within " + POOL_TIMEOUT);
        }
        openers.shutdown();
        closers.shutdown();
        boolean quiet = openers.awaitTermination(POOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                & closers.awaitTermination(POOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        for (SoakSession session; (session = opened.poll()) != null; ) {
            connected.add(session);
        }
        ExecutorService finalClosers = Executors.newFixedThreadPool(16, r -> daemon(r, "soak-final-closer"));
        for (SoakSession session : connected) {
            finalClosers.execute(() -> session.close(FINAL_CLOSE_TIMEOUT));
        }
        finalClosers.shutdown();
        quiet &= finalClosers.awaitTermination(POOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!quiet) {
            throw new IllegalStateException("producers did not close within " + POOL_TIMEOUT);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
