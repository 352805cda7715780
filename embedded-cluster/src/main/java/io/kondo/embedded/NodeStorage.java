package io.kondo.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.kafka.metadata.storage.Formatter;

/** Formats a node's log directory for KRaft the first time, as {@code kafka-storage.sh format} would. */
final class NodeStorage {

    private NodeStorage() {
    }

    /** True once the directory has been formatted (it holds {@code meta.properties}). */
    static boolean isFormatted(Path logDir) {
        return Files.exists(logDir.resolve("meta.properties"));
    }

    /**
     * Formats {@code logDir} for {@code nodeId} of {@code clusterId} unless already formatted, with the
     * latest production metadata version and no unstable features; the formatter's output goes to {@code log}.
     */
    static void formatIfNeeded(int nodeId, Path logDir, String clusterId, Path log) {
        if (isFormatted(logDir)) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(NodeProperties.CONTROLLER_LISTENER)
                    .setUnstableFeatureVersionsEnabled(false)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not format storage of node " + nodeId + " in " + logDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("could not format storage of node " + nodeId + " in " + logDir, e);
        }
    }
}
