package io.kondo.bench.quota;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak's load, in a process of its own so that the soak's heap readings are the gateway's and
 * not those of a thousand Kafka clients: reads the tenants from the file {@link QuotaSoak} wrote,
 * opens their producers, prints {@value SoakLoadStats#READY}, then drives them
 * ({@link SoakDriver}) and prints its totals ({@link SoakLoadStats}) every second until its
 * standard input ends (the soak closes it, or has died), or {@code --max-seconds} have passed.
 */
public final class SoakLoad {

    private static final Logger LOG = LoggerFactory.getLogger(SoakLoad.class);
    private static final String TOPIC = "load";
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(10);
    private static final long STATS_EVERY_MS = 1_000;
    private static final int CONNECTIONS_EVERY_TICKS = 10;

    private SoakLoad() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (Throwable e) {
            LOG.error("The soak's load failed", e);
            status = 2;
        }
        System.exit(status);
    }

    private static int run(String[] args) throws Exception {
        Set<String> known = new HashSet<>(SoakSettings.OPTIONS);
        known.addAll(Set.of("tenants-file", "port", "max-seconds"));
        Options options = Options.parse(args, known);
        SoakSettings s = SoakSettings.from(options);
        int port = options.integer("port", 0);
        Path file = options.path("tenants-file", "");
        List<SoakTenantsFile.Line> lines = SoakTenantsFile.read(file);
        Files.deleteIfExists(file);
        long maxMs = options.seconds("max-seconds", 3_600).toMillis();

        List<SoakTenant> tenants = new ArrayList<>();
        List<SoakTenant> steady = new ArrayList<>();
        List<SoakTenant> churning = new ArrayList<>();
        for (SoakTenantsFile.Line line : lines) {
            SoakTenant tenant = new SoakTenant(line.tenant(), line.steady());
            tenants.add(tenant);
            (line.steady() ? steady : churning).add(tenant);
        }
        CountDownLatch stop = new CountDownLatch(1);
        watchInput(System.in, stop);
        SoakDriver.Load load = new SoakDriver.Load(s.quotaBytes() * s.offeredFactor(), s.unackedCapBytes(),
                s.churnStep(), s.churnPerStep());
        try (SoakDriver driver = new SoakDriver(load, s.recordBytes(), tenant -> ClientProfiles.soakProducer(
                tenant.tenant().client(port), "soak-" + tenant.tenant().name() + "-" + tenant.sessions.get(),
                s.lingerMs()), TOPIC)) {
            int connectedAtStart = Math.min(s.churnConnected(), churning.size());
            List<SoakTenant> online = new ArrayList<>(steady);
            online.addAll(churning.subList(0, connectedAtStart));
            driver.openInitial(online, churning.subList(connectedAtStart, churning.size()), s.openParallelism(),
                    SETUP_TIMEOUT);
            System.out.println(SoakLoadStats.READY);
            driver.start();
            long deadline = System.currentTimeMillis() + maxMs;
            int clientConnections = 0;
            for (long tick = 0; !stop.await(STATS_EVERY_MS, TimeUnit.MILLISECONDS); tick++) {
                if (tick % CONNECTIONS_EVERY_TICKS == 0) {
                    clientConnections = clientConnections(tenants);
                }
                System.out.println(stats(tenants, driver, clientConnections).toLine());
                if (System.currentTimeMillis() > deadline) {
                    LOG.error("The soak's load ran past --max-seconds without being stopped; stopping");
                    return 2;
                }
            }
            LOG.info("Input closed: stopping the load");
        }
        return 0;
    }

    /** Sums the producers' open connections; a thousand producers' metrics, so only every few seconds. */
    private static int clientConnections(List<SoakTenant> tenants) {
        int total = 0;
        for (SoakTenant tenant : tenants) {
            SoakSession session = tenant.session();
            if (session != null) {
                try {
                    total += session.connectionCount();
                } catch (RuntimeException e) {
                    // Closed meanwhile by a churn step: it has no connection to count.
                }
            }
        }
        return total;
    }

    private static SoakLoadStats stats(List<SoakTenant> tenants, SoakDriver driver, int clientConnections) {
        long steadyAcked = 0;
        long acked = 0;
        long heldBack = 0;
        long failed = 0;
        long aborted = 0;
        int connected = 0;
        long takenAtMs = System.currentTimeMillis();
        long now = System.nanoTime();
        Map<Integer, Long> away = new LinkedHashMap<>();
        for (int i = 0; i < tenants.size(); i++) {
            SoakTenant tenant = tenants.get(i);
            long bytes = tenant.ackedBytes.get();
            acked += bytes;
            steadyAcked += tenant.steady() ? bytes : 0;
            heldBack += tenant.heldBackBytes.get();
            failed += tenant.failedRecords.get();
            aborted += tenant.abortedAtClose.get();
            connected += tenant.state() == SoakTenant.State.ONLINE ? 1 : 0;
            long awayMs = TimeUnit.NANOSECONDS.toMillis(tenant.offlineNanos(now));
            if (awayMs > SoakLoadStats.AWAY_REPORTED_MS) {
                away.put(i, awayMs);
            }
        }
        return new SoakLoadStats(takenAtMs, steadyAcked, acked, heldBack, failed, aborted, driver.churnOpened(),
                driver.churnClosed(), driver.openFailures(), connected, clientConnections, HeapProbe.usedNow(), away);
    }

    /** Counts {@code stop} down when {@code input} ends (or fails). */
    private static void watchInput(InputStream input, CountDownLatch stop) {
        Thread watcher = new Thread(() -> {
            try {
                while (input.read() >= 0) {
                    // Nothing is sent on the input; only its end matters.
                }
            } catch (IOException e) {
                LOG.warn("Reading standard input failed: {}", e.toString());
            }
            stop.countDown();
        }, "soak-input-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
