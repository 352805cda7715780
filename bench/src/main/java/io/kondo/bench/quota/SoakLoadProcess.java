package io.kondo.bench.quota;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The soak's load process ({@link SoakLoad}) as seen from the soak: started with this JVM's
 * classpath, its totals read from its output as they come (other output is passed on to this
 * process's standard error), stopped by closing its standard input.
 */
final class SoakLoadProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final Thread reader;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile SoakLoadStats latest = SoakLoadStats.none();
    private volatile boolean ended;

    private SoakLoadProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "soak-load-output");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * @param heapMib  the load process's heap (fixed)
     * @param settings the soak's options, passed on
     */
    static SoakLoadProcess start(SoakSettings settings, Path tenantsFile, int port, int heapMib, Duration maxLifetime)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heapMib + "m", "-Xmx" + heapMib + "m", "-XX:+UseG1GC",
                "-cp", System.getProperty("java.class.path"), SoakLoad.class.getName(),
                "--tenants-file", tenantsFile.toString(), "--port", Integer.toString(port),
                "--max-seconds", Long.toString(maxLifetime.toSeconds())));
        command.addAll(settings.toArgs());
        return new SoakLoadProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.equals(SoakLoadStats.READY)) {
                    ready.countDown();
                } else if (line.startsWith(SoakLoadStats.PREFIX)) {
                    synchronized (this) {
                        latest = SoakLoadStats.parse(line).orElseThrow();
                        notifyAll();
                    }
                } else {
                    System.err.println("[load] " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("[load] output unreadable: " + e);
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
            ready.countDown();
        }
    }

    /** Waits until every initial producer is open; throws if the process ended first or the time ran out. */
    void awaitReady(Duration timeout) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the soak's load did not open its producers within " + timeout);
        }
        requireRunning();
    }

    /**
     * The load's latest totals once they were taken at or after {@code epochMs} (wall clock), waiting
     * for them (they come every second); throws if the process ends or none come within {@code timeout}.
     */
    synchronized SoakLoadStats takenAfter(long epochMs, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (latest.takenAtMs() < epochMs) {
            requireRunning();
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMs <= 0) {
                throw new IllegalStateException("the soak's load gave no totals within " + timeout);
            }
            wait(leftMs);
        }
        return latest;
    }

    private void requireRunning() {
        if (ended || !process.isAlive()) {
            throw new IllegalStateException("the soak's load process ended early (see its output above)");
        }
    }

    /** Closes the load's input so that it stops, and waits for it; kills it if it overruns. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The process has gone already; waiting below says so.
        }
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the soak's load did not stop within " + STOP_TIMEOUT);
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
    }

    int exitValue() {
        return process.exitValue();
    }
}
