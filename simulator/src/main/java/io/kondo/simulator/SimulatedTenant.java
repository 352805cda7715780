package io.kondo.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated tenant: its logical cluster and key, its topics, its producer and consumer threads,
 * its ledger and statistics. Lifecycle: {@link #prepare} (topics, ready partitions), {@link #start},
 * {@link #stopSending}, (drain), {@link #stopConsuming}.
 */
final class SimulatedTenant {

    static final String GROUP = "sim-group";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedTenant.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final int ASSIGNMENT_TIMEOUT_SECONDS = 30;

    private final TenantSpec spec;
    private final TenantAccount account;
    private final TenantClients clients;
    private final TenantStats stats;
    private final DeliveryLedger ledger = new DeliveryLedger();
    private final MessageBudget budget;
    private final Ticker ticker;
    private final long runStartNanos;
    private final int runTag;
    private final byte[] filler;
    private final List<TenantProducer> producers = new CopyOnWriteArrayList<>();
    private final List<TenantConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Thread> producerThreads = new CopyOnWriteArrayList<>();
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private final Object sendingLock = new Object();
    private volatile boolean stopRequested;
    private volatile boolean sending;
    private volatile boolean consuming;
    private volatile double noisyRate = Double.NaN;
    private volatile boolean everNoisy;
    private volatile long startedNanos;
    private volatile long stoppedSendingNanos;
    private Runnable onBudgetSpent = () -> { };

    SimulatedTenant(TenantSpec spec, TenantAccount account, Target target, RunStats run, MessageBudget budget, Ticker ticker,
                    long runStartNanos, int runTag, byte[] filler) {
        this.spec = spec;
        this.account = account;
        this.clients = new TenantClients(target, account);
        this.stats = new TenantStats(run);
        this.budget = budget;
        this.ticker = ticker;
        this.runStartNanos = runStartNanos;
        this.runTag = runTag;
        this.filler = filler;
    }

    /** Creates the tenant's topics through the gateway and waits until every partition's leader answers. */
    void prepare() throws InterruptedException {
        try (Admin admin = Admin.create(clients.common(account.name() + "-admin"))) {
            List<NewTopic> topics = new ArrayList<>();
            for (int t = 0; t < spec.topics(); t++) {
                topics.add(new NewTopic(spec.topic(t), Optional.of(spec.partitions()), Optional.empty()));
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions().forEach(p -> latest.put(p, OffsetSpec.latest()));
            long deadline = ticker.nanos() + READY_TIMEOUT.toNanos();
            while (true) {
                try {
                    admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (ticker.nanos() > deadline) {
                        throw new IllegalStateException("the partitions of " + account.id() + " did not become ready: " + e, e);
                    }
                    Thread.sleep(500);
                }
            }
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not create the topics of " + account.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts consumers, waits (at most {@value #ASSIGNMENT_TIMEOUT_SECONDS} s) until their group has
     * every partition assigned so end-to-end latency does not start with a group join, then starts producers.
     */
    synchronized void start(Runnable onBudgetSpent) throws InterruptedException {
        this.onBudgetSpent = onBudgetSpent;
        consuming = true;
        for (int c = 0; c < spec.consumers(); c++) {
            TenantConsumer consumer = new TenantConsumer(this, c);
            consumers.add(consumer);
            launch(consumer, "c" + c);
        }
        List<TopicPartition> partitions = partitions();
        long deadline = ticker.nanos() + TimeUnit.SECONDS.toNanos(ASSIGNMENT_TIMEOUT_SECONDS);
        while (assigned.size() < partitions.size() && ticker.nanos() < deadline && !stopRequested) {
            Thread.sleep(50);
        }
        synchronized (sendingLock) {
            if (stopRequested) {
                return;
            }
            sending = true;
            startedNanos = ticker.nanos();
        }
        for (int p = 0; p < spec.producers(); p++) {
            TenantProducer producer = new TenantProducer(this, p, partitions);
            producers.add(producer);
            producerThreads.add(launch(producer, "p" + p));
        }
    }

    /** Tells producers to stop sending (or not to start); they flush what they have sent. */
    void stopSending() {
        synchronized (sendingLock) {
            stopRequested = true;
            if (sending) {
                sending = false;
                stoppedSendingNanos = ticker.nanos();
            }
        }
    }

    /** Waits for the producers to have flushed and closed. */
    void awaitProducers(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : List.copyOf(producerThreads)) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
    }

    /** Stops consumers (after the drain) and waits for every thread to finish. */
    void stopConsuming(Duration timeout) throws InterruptedException {
        stopSending();
        consuming = false;
        consumers.forEach(TenantConsumer::wakeup);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : List.copyOf(threads)) {
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                LOG.warn("A client thread did not stop in time: tenant={} thread={}", account.id(), thread.getName());
                thread.interrupt();
            }
        }
    }

    /** Sends at {@code factor} times the plan's produce quota until {@link #calm()}. */
    void turnNoisy(double factor) {
        double quota = account.produceQuotaBytesPerSecond() > 0 ? account.produceQuotaBytesPerSecond() : spec.targetBytesPerSecond();
        noisyRate = Math.min(UsageProfile.MAX_RATE, factor * quota / spec.size().mean());
        everNoisy = true;
        stats.noisy(true);
    }

    boolean everNoisy() {
        return everNoisy;
    }

    void calm() {
        noisyRate = Double.NaN;
        stats.noisy(false);
    }

    /** Samples the throttle time the tenant's clients report (producer and fetch, averages and maxima). */
    void sampleThrottle() {
        for (TenantProducer producer : List.copyOf(producers)) {
            sample(producer.client() == null ? null : producer.client().metrics(), "producer-metrics", "produce-throttle-time",
                    stats.produceThrottle());
        }
        for (TenantConsumer consumer : List.copyOf(consumers)) {
            sample(consumer.client() == null ? null : consumer.client().metrics(), "consumer-fetch-manager-metrics",
                    "fetch-throttle-time", stats.fetchThrottle());
        }
    }

    private static void sample(Map<MetricName, ? extends Metric> metrics, String group, String name,
                               TenantStats.ThrottleFigures figures) {
        if (metrics == null) {
            return;
        }
        double avg = Double.NaN;
        double max = Double.NaN;
        try {
            for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
                if (!metric.getKey().group().equals(group)) {
                    continue;
                }
                if (metric.getKey().name().equals(name + "-avg")) {
                    avg = number(metric.getValue().metricValue());
                } else if (metric.getKey().name().equals(name + "-max")) {
                    max = number(metric.getValue().metricValue());
                }
            }
        } catch (KafkaException | IllegalStateException e) {
            return; // a client being replaced or closed; the next sample will do
        }
        figures.sample(avg, max);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int t = 0; t < spec.topics(); t++) {
            for (int p = 0; p < spec.partitions(); p++) {
                partitions.add(new TopicPartition(spec.topic(t), p));
            }
        }
        return partitions;
    }

    List<String> topics() {
        List<String> topics = new ArrayList<>();
        for (int t = 0; t < spec.topics(); t++) {
            topics.add(spec.topic(t));
        }
        return topics;
    }

    double rateNow() {
        double noisy = noisyRate;
        if (!Double.isNaN(noisy)) {
            return noisy;
        }
        return spec.shape().rateAt((ticker.nanos() - runStartNanos) / 1_000_000);
    }

    /** The rate (messages/s) the tenant means to send right now, bursts included: what delivered throughput is compared with. */
    double offeredRate() {
        return sending ? spec.shape().rateAt((ticker.nanos() - runStartNanos) / 1_000_000) : 0;
    }

    void budgetSpent() {
        onBudgetSpent.run();
    }

    /** Seconds the tenant was sending. */
    double sendingSeconds() {
        long started = startedNanos;
        if (started == 0) {
            return 0;
        }
        long stopped = sending ? ticker.nanos() : stoppedSendingNanos;
        return Math.max(0, stopped - started) / 1e9;
    }

    double startedAtSeconds() {
        return startedNanos == 0 ? 0 : (startedNanos - runStartNanos) / 1e9;
    }

    private Thread launch(Runnable body, String role) {
        Thread thread = new Thread(body, "sim-" + account.id() + "-" + role);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> {
            stats.sendErrors.add(e);
            LOG.error("A simulated client failed: tenant={} thread={}", account.id(), t.getName(), e);
        });
        threads.add(thread);
        thread.start();
        return thread;
    }

    boolean sending() {
        return sending;
    }

    /** Partitions the tenant's consumers hold now (kept by their rebalance listener). */
    Set<TopicPartition> assigned() {
        return assigned;
    }

    boolean consuming() {
        return consuming;
    }

    TenantSpec spec() {
        return spec;
    }

    TenantAccount account() {
        return account;
    }

    TenantClients clients() {
        return clients;
    }

    TenantStats stats() {
        return stats;
    }

    DeliveryLedger ledger() {
        return ledger;
    }

    MessageBudget budget() {
        return budget;
    }

    Ticker ticker() {
        return ticker;
    }

    int runTag() {
        return runTag;
    }

    byte[] filler() {
        return filler;
    }
}
