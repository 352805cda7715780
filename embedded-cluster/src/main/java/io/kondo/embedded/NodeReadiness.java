package io.kondo.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Waits, bounded, until a node serves: an Admin client of the superuser, bootstrapped from that node
 * alone, sees it in {@code describeCluster}. A broker opens its client port only once it is unfenced,
 * so an answer from that port is an answer from the new process, never from a stale registration.
 */
final class NodeReadiness implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int REQUEST_TIMEOUT_MS = 2_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaNode node;
    private final Map<String, Object> superuserClient;
    private Admin admin; // created once the port accepts, to spare the log its reconnect warnings

    private NodeReadiness(KafkaNode node, Map<String, Object> superuserClient) {
        this.node = node;
        this.superuserClient = superuserClient;
    }

    /**
     * Returns once {@code node} serves; throws, naming the node and its log, if its process exits or
     * {@code deadline} passes first.
     */
    static void awaitServing(KafkaNode node, Map<String, Object> superuserClient, Instant deadline) {
        try (NodeReadiness readiness = new NodeReadiness(node, superuserClient)) {
            Optional<String> notServing = readiness.probe();
            while (notServing.isPresent()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(node + " did not serve in time (" + notServing.get()
                            + "); see its log");
                }
                pause();
                notServing = readiness.probe();
            }
        }
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close(CLOSE_TIMEOUT);
        }
    }

    /** Empty if the node serves, otherwise why not yet; throws if its process has exited. */
    private Optional<String> probe() {
        if (!node.isAlive()) {
            throw new IllegalStateException(node + " exited with code "
                    + node.exitCode().map(String::valueOf).orElse("?") + " before serving; see its log");
        }
        if (!accepts(node.address())) {
            return Optional.of("its client port does not accept connections yet");
        }
        if (admin == null) {
            admin = Admin.create(probeConfig());
        }
        try {
            boolean listed = admin.describeCluster(new DescribeClusterOptions().timeoutMs(REQUEST_TIMEOUT_MS))
                    .nodes().get(REQUEST_TIMEOUT_MS + 1_000L, TimeUnit.MILLISECONDS)
                    .stream().map(Node::id).anyMatch(id -> id == node.id());
            return listed ? Optional.empty() : Optional.of("describeCluster does not list it yet");
        } catch (ExecutionException e) {
            return Optional.of("describeCluster failed: " + e.getCause());
        } catch (TimeoutException e) {
            return Optional.of("describeCluster timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + node + " to serve", e);
        }
    }

    private static boolean accepts(NodeAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(NodeAddress.HOST, address.brokerPort()), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Map<String, Object> probeConfig() {
        Map<String, Object> config = new HashMap<>(superuserClient);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, node.address().brokerEndpoint());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "kondo-embedded-readiness-" + node.id());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 1_000);
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 1_000);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500);
        return config;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a node to serve", e);
        }
    }
}
