package io.kondo.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent-side handle of one node: its directory ({@code node-<id>/} with {@code node.properties},
 * {@code node.log} and the Kafka log dir {@code data/}) and the child JVM running it, if any.
 *
 * <p>The child's stdin is a pipe the parent never writes to; when the parent dies the child sees
 * end-of-file and shuts itself down (see {@link KafkaNodeMain}).
 */
final class KafkaNode {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaNode.class);
    /** Options of every node, whatever its {@link NodeJvm} tuning. */
    private static final List<String> JVM_OPTIONS = List.of(
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
            // Whichever logging backend is on the classpath logs at INFO to stdout, which is node.log.
            "-Dlogback.configurationFile=io/kondo/embedded/node-logback.xml",
            "-Dlog4j2.configurationFile=io/kondo/embedded/node-log4j2.xml");

    private final NodeAddress address;
    private final Path dir;
    private final NodeJvm jvm;
    private Process process; // guarded by this

    KafkaNode(NodeAddress address, Path dataDir, NodeJvm jvm) {
        this.address = address;
        this.dir = dataDir.resolve("node-" + address.nodeId());
        this.jvm = jvm;
    }

    int id() {
        return address.nodeId();
    }

    NodeAddress address() {
        return address;
    }

    Path logFile() {
        return dir.resolve("node.log");
    }

    /** Writes {@code node.properties} (owner-only: it holds the secret) and formats the storage on first use. */
    void prepare(ClusterLayout layout, ClusterIdentity identity) {
        Path kafkaLogDir = dir.resolve("data");
        try {
            Files.createDirectories(dir);
            Properties properties = NodeProperties.of(address, layout, kafkaLogDir, identity);
            Path file = OwnerOnlyFiles.create(propertiesFile());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "node " + id() + " of the Kondo embedded cluster; written on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the configuration of " + this, e);
        }
        NodeStorage.formatIfNeeded(id(), kafkaLogDir, identity.clusterId(), logFile());
    }

    /** Starts the child JVM; returns at once (see {@link NodeReadiness} for waiting until it serves). */
    synchronized void launch() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(this + " is already running");
        }
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        // The same classes as the parent; passed by environment to keep the command line short.
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not launch the JVM of " + this, e);
        }
        LOG.info("launched node nodeId={} pid={} brokerPort={} controllerPort={} log={}",
                id(), process.pid(), address.brokerPort(), address.controllerPort(), logFile());
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The running (or last) child process, if the node was ever launched. */
    synchronized Optional<ProcessHandle> processHandle() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    /** Asks the child to shut down cleanly (SIGTERM); returns at once. */
    synchronized void requestStop() {
        if (isAlive()) {
            process.destroy();
        }
    }

    /** Kills the child (SIGKILL) and waits, bounded, until it is gone. */
    void kill(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null) {
            return;
        }
        current.destroyForcibly();
        if (!awaitExit(current, timeout)) {
            throw new IllegalStateException(this + " (pid " + current.pid() + ") survived SIGKILL for " + timeout);
        }
    }

    /** Waits, bounded, for a requested stop; kills the child if it does not exit within {@code grace}. */
    void awaitStop(Duration grace, Duration killTimeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null || awaitExit(current, grace)) {
            return;
        }
        LOG.warn("node did not stop cleanly in time, killing it nodeId={} grace={} log={}", id(), grace, logFile());
        kill(killTimeout);
    }

    /** The exit code of the child if it has exited, for error messages. */
    synchronized Optional<Integer> exitCode() {
        return process == null || process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    @Override
    public String toString() {
        return "node " + id() + " (log: " + logFile() + ")";
    }

    private Path propertiesFile() {
        return dir.resolve("node.properties");
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm.options());
        command.addAll(JVM_OPTIONS);
        command.add("-Dkondo.node.id=" + id());
        command.add(KafkaNodeMain.class.getName());
        command.add(propertiesFile().toAbsolutePath().toString());
        return command;
    }

    private static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pid " + process.pid() + " to exit", e);
        }
    }
}
