package io.kondo.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway knows of the backing cluster, refreshed on a schedule: the brokers and their
 * addresses, and the partition count of every topic (for partition limits). Broker i in node-id
 * order at start is served at gateway port {@code bootstrap + 1 + i}; a broker that joins later gets
 * the next free port, up to the configured number of broker ports.
 */
final class BackingView implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackingView.class);
    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final Admin admin;
    private final int maxBrokers;
    private final Duration timeout;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kondo-gateway-backing-view");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Integer, InetSocketAddress> brokers = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> brokerIndex = new ConcurrentHashMap<>();
    private volatile Map<String, Integer> partitions = Map.of();

    BackingView(Map<String, Object> clientProperties, int maxBrokers, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "kondo-gateway-view");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(props);
        this.maxBrokers = maxBrokers;
        this.timeout = timeout;
    }

    /** Loads the view once (failing if the backing cluster does not answer), then keeps it fresh. */
    void start() throws Exception {
        refreshBrokers();
        refreshPartitions();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Node id → gateway-port index, for the brokers that have a gateway port. */
    Map<Integer, Integer> brokerIndexes() {
        return Map.copyOf(brokerIndex);
    }

    Optional<InetSocketAddress> broker(int nodeId) {
        return Optional.ofNullable(brokers.get(nodeId));
    }

    Collection<Integer> nodeIds() {
        return brokers.keySet();
    }

    /** The gateway-port index of a node, if it has one. */
    OptionalInt index(int nodeId) {
        Integer index = brokerIndex.get(nodeId);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /** The node behind gateway-port index {@code index}, if any. */
    Optional<Integer> nodeAt(int index) {
        return brokerIndex.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey).findFirst();
    }

    int partitionCount(String prefix) {
        return partitions.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToInt(Map.Entry::getValue).sum();
    }

    OptionalInt partitionCountOf(String backingTopic) {
        Integer count = partitions.get(backingTopic);
        return count == null ? OptionalInt.empty() : OptionalInt.of(count);
    }

    /** Counts a topic's partitions now, ahead of the next refresh (which replaces it with the measured count). */
    synchronized void recordPartitions(String backingTopic, int count) {
        Map<String, Integer> next = new HashMap<>(partitions);
        next.put(backingTopic, count);
        partitions = Map.copyOf(next);
    }

    private void refreshQuietly() {
        try {
            refreshBrokers();
            refreshPartitions();
        } catch (Exception e) {
            LOG.warn("Could not refresh the view of the backing cluster: {}", e.toString());
        }
    }

    private void refreshBrokers() throws Exception {
        Collection<Node> nodes = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<Node> sorted = nodes.stream().sorted((a, b) -> Integer.compare(a.id(), b.id())).toList();
        for (Node node : sorted) {
            brokers.put(node.id(), InetSocketAddress.createUnresolved(node.host(), node.port()));
            if (!brokerIndex.containsKey(node.id())) {
                int next = brokerIndex.size();
                if (next < maxBrokers) {
                    brokerIndex.put(node.id(), next);
                    LOG.info("Backing broker mapped to a gateway port: node={} address={}:{} portIndex={}",
                            node.id(), node.host(), node.port(), next);
                } else {
                    LOG.warn("Backing broker has no gateway port (raise the broker port count): node={}", node.id());
                }
            }
        }
    }

    private void refreshPartitions() throws Exception {
        Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(false)).names()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (names.isEmpty()) {
            synchronized (this) {
                partitions = Map.of();
            }
            return;
        }
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Integer> measured = described.values().stream()
                .collect(Collectors.toUnmodifiableMap(TopicDescription::name, d -> d.partitions().size()));
        synchronized (this) {
            partitions = measured;
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
