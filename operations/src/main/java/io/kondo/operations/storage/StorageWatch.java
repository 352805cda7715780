package io.kondo.operations.storage;

import io.kondo.core.plan.Plan;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.quota.StorageQuota;
import io.kondo.core.quota.StorageQuota.Decision;
import io.kondo.core.quota.StorageQuota.Event;
import io.kondo.core.quota.StorageQuota.EventKind;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every tenant within its plan's storage: each check measures all tenants' stored bytes in
 * one pass, judges each active tenant with {@link StorageQuota} against its plan's policy, and acts —
 * the quota in force (auto-expanded up to the hard cap where the plan allows), events when the
 * tenant crosses 80%, expands, or passes the hard cap, and a produce trickle past the hard cap.
 *
 * <p>Each event is logged (WARN; INFO for the good news of a quota returned or a trickle ended),
 * counted in {@code kondo.tenant.storage.events{tenant,kind}} and POSTed to the webhook if one is
 * configured. Gauges {@code kondo.tenant.storage.bytes} and {@code kondo.tenant.storage.quota.bytes}
 * show every tenant's figures.
 *
 * <p>A check never throws out of the schedule: a failed measurement keeps every decision (and
 * produce cap) as it was, is logged and counted in {@code kondo.storage.measurement.failures}, and
 * the next check tries again. A tenant deleted (or being deleted) is forgotten: its cap lifted, its
 * meters removed.
 *
 * <p>The per-tenant state lives in this process only. After a restart the first check re-derives
 * each quota from the tenant's storage, so a tenant past 80% is warned (or expanded) once more.
 * Run one storage watch per backing cluster, or every process running one sends its own events.
 */
public final class StorageWatch implements AutoCloseable {

    static final String STORED = "kondo.tenant.storage.bytes";
    static final String QUOTA = "kondo.tenant.storage.quota.bytes";
    static final String EVENTS = "kondo.tenant.storage.events";
    private static final Logger LOG = LoggerFactory.getLogger(StorageWatch.class);
    private static final Set<EventKind> GOOD_NEWS = Set.of(EventKind.CONTRACTED, EventKind.TRICKLE_ENDED);

    private final StorageWatchSettings settings;
    private final Supplier<? extends Collection<LogicalCluster>> tenants;
    private final PlanCatalog plans;
    private final StorageMeasurement measurement;
    private final ProduceCaps caps;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final StorageQuota quota = StorageQuota.DEFAULTS;
    private final Optional<StorageWebhook> webhook;
    private final Counter measurementFailures;
    private final Counter capFailures;
    /** Written by the check thread only; read by {@link #latest} and the gauges from any thread. */
    private final Map<LogicalClusterId, StorageStanding> standings = new ConcurrentHashMap<>();
    /** Caps the gateway was given and not yet lifted; check thread only. */
    private final Map<LogicalClusterId, Long> capsInForce = new HashMap<>();
    private ScheduledExecutorService scheduler;

    /**
     * @param settings    interval, trickle rate, webhook
     * @param tenants     the logical clusters now (the app passes {@code () -> store.current().clusters()})
     * @param plans       the plan catalog; a tenant whose plan is gone is judged by the default plan, as the
     *                    control plane and the gateway treat it
     * @param measurement every tenant's stored bytes in one pass
     * @param caps        where produce caps go (the gateway)
     * @param metrics     where events are counted and figures shown
     * @param clock       stamps each check
     */
    public StorageWatch(StorageWatchSettings settings, Supplier<? extends Collection<LogicalCluster>> tenants,
                        PlanCatalog plans, StorageMeasurement measurement, ProduceCaps caps, MeterRegistry metrics,
                        Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.measurement = Objects.requireNonNull(measurement, "measurement");
        this.caps = Objects.requireNonNull(caps, "caps");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.webhook = settings.webhookUrl().map(url -> new StorageWebhook(url, metrics));
        this.measurementFailures = Counter.builder("kondo.storage.measurement.failures")
                .description("Storage checks that could not measure the backing cluster").register(metrics);
        this.capFailures = Counter.builder("kondo.storage.produce.cap.failures")
                .description("Produce caps (or lifts) that could not be handed to the gateway").register(metrics);
    }

    /** Checks now and then every {@link StorageWatchSettings#checkInterval()} after the previous check ends. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("the storage watch is already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kondo-storage-watch");
            thread.setDaemon(true);
            return thread;
        });
        long intervalMs = settings.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::checkOnSchedule, 0, Math.max(1, intervalMs), TimeUnit.MILLISECONDS);
        LOG.info("Storage watch started: {}", settings);
    }

    /** The tenant's standing at its last check; empty before the first or once the tenant is deleted. */
    public Optional<StorageStanding> latest(LogicalClusterId tenant) {
        return Optional.ofNullable(standings.get(tenant));
    }

    /**
     * One check: measure, judge every active tenant, act, forget the deleted. Runs on the scheduler
     * thread once started; tests call it directly. Only one check may run at a time.
     */
    public void check() {
        long nowMs = clock.millis();
        Map<LogicalClusterId, Long> stored;
        try {
            stored = measurement.storedBytesByTenant();
        } catch (RuntimeException e) {
            measurementFailures.increment();
            LOG.warn("Storage not measured, decisions stand until the next check: next_check_in={} reason={}",
                    settings.checkInterval(), e.getMessage());
            return;
        }
        Set<LogicalClusterId> active = new HashSet<>();
        for (LogicalCluster cluster : tenants.get()) {
            if (!cluster.isActive()) {
                continue;
            }
            active.add(cluster.id());
            try {
                judge(cluster, stored.getOrDefault(cluster.id(), 0L), nowMs);
            } catch (RuntimeException e) {
                LOG.error("Storage check of a tenant failed; the others go on: tenant={}", cluster.id(), e);
            }
        }
        for (LogicalClusterId known : List.copyOf(standings.keySet())) {
            if (!active.contains(known)) {
                forget(known);
            }
        }
    }

    private void checkOnSchedule() {
        try {
            check();
        } catch (RuntimeException e) {
            // A task that throws is never run again by its scheduler: the loop must outlive any one check.
            LOG.error("Storage check failed; the next one runs as scheduled", e);
        }
    }

    private void judge(LogicalCluster cluster, long storedBytes, long nowMs) {
        LogicalClusterId id = cluster.id();
        Plan plan = plans.find(cluster.plan()).orElse(plans.defaultPlan());
        StorageQuota.Policy policy = policy(plan.limits());
        StorageStanding previous = standings.get(id);
        Decision decision = quota.decide(policy,
                previous == null ? StorageQuota.Status.initial(policy) : previous.status(), storedBytes);
        StorageStanding standing = new StorageStanding(id, plan.name(), storedBytes, decision.quotaBytes(),
                policy.hardCapBytes(), decision.state(), decision.produceRateCap(), nowMs);
        standings.put(id, standing);
        if (previous == null) {
            registerGauges(id);
        }
        applyCap(id, decision.produceRateCap());
        for (Event event : decision.events()) {
            announce(event, standing);
        }
    }

    private StorageQuota.Policy policy(PlanLimits limits) {
        return new StorageQuota.Policy(limits.storageBytes(), limits.storageHardCapBytes(), limits.storageAutoExpand(),
                settings.trickleBytesPerSecond());
    }

    /** Sends a cap at every check while it holds (a restarted gateway relearns it), a lift once it is lifted. */
    private void applyCap(LogicalClusterId tenant, OptionalLong cap) {
        if (cap.isEmpty() && !capsInForce.containsKey(tenant)) {
            return;
        }
        try {
            caps.cap(tenant, cap);
            if (cap.isPresent()) {
                capsInForce.put(tenant, cap.getAsLong());
            } else {
                capsInForce.remove(tenant);
            }
        } catch (RuntimeException e) {
            capFailures.increment();
            LOG.warn("Produce cap not handed to the gateway, tried again at the next check: tenant={} cap={} reason={}",
                    tenant, cap.isPresent() ? cap.getAsLong() + " B/s" : "lifted", e.toString());
        }
    }

    private void announce(Event event, StorageStanding standing) {
        String kind = StorageWebhook.kind(event.kind());
        Counter.builder(EVENTS).tag("tenant", standing.tenant().value()).tag("kind", kind)
                .description("Storage events raised, by tenant and kind").register(metrics).increment();
        String cap = standing.produceCapBytesPerSecond().isPresent()
                ? String.valueOf(standing.produceCapBytesPerSecond().getAsLong()) : "none";
        String format = "Storage event: tenant={} plan={} kind={} state={} stored_bytes={} quota_bytes={} "
                + "hard_cap_bytes={} produce_cap_bytes_per_second={} message={}";
        Object[] values = {standing.tenant(), standing.plan(), kind, standing.state(), standing.storedBytes(),
                standing.quotaBytes(), standing.hardCapBytes(), cap, event.message()};
        if (GOOD_NEWS.contains(event.kind())) {
            LOG.info(format, values);
        } else {
            LOG.warn(format, values);
        }
        webhook.ifPresent(w -> w.publish(event, standing));
    }

    private void registerGauges(LogicalClusterId tenant) {
        gauge(STORED, tenant, StorageStanding::storedBytes, "Stored bytes of the tenant, every replica counted");
        gauge(QUOTA, tenant, StorageStanding::quotaBytes, "The tenant's storage quota in force");
    }

    private void gauge(String name, LogicalClusterId tenant, ToDoubleFunction<StorageStanding> figure, String description) {
        // A gauge left by an earlier watch on the same registry would read that watch's figures.
        metrics.find(name).tag("tenant", tenant.value()).meters().forEach(metrics::remove);
        Gauge.builder(name, standings, all -> {
            StorageStanding standing = all.get(tenant);
            return standing == null ? Double.NaN : figure.applyAsDouble(standing);
        }).tag("tenant", tenant.value()).description(description).register(metrics);
    }

    private void forget(LogicalClusterId tenant) {
        standings.remove(tenant);
        if (capsInForce.containsKey(tenant)) {
            applyCap(tenant, OptionalLong.empty());
            capsInForce.remove(tenant);
        }
        for (String name : List.of(STORED, QUOTA, EVENTS)) {
            metrics.find(name).tag("tenant", tenant.value()).meters().forEach(metrics::remove);
        }
        LOG.info("Storage watch forgets a deleted tenant: tenant={}", tenant);
    }

    /** Stops checking (a check under way is interrupted) and lets queued webhook deliveries finish briefly. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("Storage watch did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        webhook.ifPresent(StorageWebhook::close);
    }
}
