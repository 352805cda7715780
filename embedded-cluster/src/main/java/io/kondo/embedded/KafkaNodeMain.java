package io.kondo.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The main class of a node's child JVM: runs one KRaft broker+controller from a properties file.
 *
 * <p>Shuts the server down on SIGTERM (shutdown hook) and when its stdin reaches end-of-file, which
 * happens when the parent dies for any reason, even SIGKILL, so no node outlives the Kondo process
 * that started it. Its stdout and stderr are the node's {@code node.log}.
 *
 * <p>SIGINT is ignored: Ctrl-C in a terminal reaches the whole foreground process group, and nodes
 * shutting down on their own, all at once, lose their quorum mid-shutdown and hang. The Kondo
 * process that owns the node stops it instead (SIGTERM, all nodes in parallel).
 */
final class KafkaNodeMain {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaNodeMain.class);

    private KafkaNodeMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: KafkaNodeMain <node.properties>");
            System.exit(2);
        }
        try {
            run(Path.of(args[0]));
        } catch (Throwable t) {
            // Printed as well as logged: without an SLF4J backend on the classpath, stderr is all node.log gets.
            System.err.println("Kafka node failed: " + t);
            t.printStackTrace();
            LOG.error("kafka node failed, exiting", t);
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(Path propertiesFile) throws IOException {
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(load(propertiesFile), false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(server), "kafka-node-shutdown"));
        watchParent();
        server.startup();
        LOG.info("kafka node started properties={}", propertiesFile);
        server.awaitShutdown();
    }

    private static void shutDown(KafkaRaftServer server) {
        try {
            server.shutdown();
        } catch (Throwable t) {
            System.err.println("Kafka node failed to shut down, halting: " + t);
            Runtime.getRuntime().halt(1);
        }
    }

    /** Exits (running the shutdown hook) once stdin reaches end-of-file: the parent has gone. */
    private static void watchParent() {
        Thread watcher = new Thread(() -> {
            drain(System.in);
            LOG.info("parent process has gone (stdin closed), shutting down");
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // The parent never writes; anything read is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
