package io.kondo.gateway.peers;

import io.kondo.core.quota.QuotaSplit;
import io.kondo.gateway.quota.GatewayPeers;
import io.kondo.gateway.quota.QuotaKind;
import io.kondo.gateway.quota.QuotaUsage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gateway instances serving the same tenants tell each other what each tenant uses through them,
 * through a topic on the backing cluster ({@value #DEFAULT_TOPIC}, one partition, an hour of
 * retention): every quota step each instance publishes one record, keyed by its instance id,
 * listing its tenants' produce and fetch rates and whether it throttled them. Every instance reads
 * the topic from its end, so it knows the others within about a step.
 *
 * <p>From that, each instance enforces its share of each tenant's quota ({@link QuotaSplit}: split by
 * demand, with a floor so that an instance with no traffic yet can still admit a client, and
 * instances silent for {@link #STALE_AFTER} left out). An instance's demand is its measured rate,
 * counted half again while it holds the tenant back ({@link QuotaUsage#heldBack}: throttled within
 * the last rate window): a throttled instance's rate is capped by its share, so without that it
 * could never show it wants more, and shares would stay where they started. The fair-share tuner adds the peers' rates to the local ones, so every instance tunes
 * on the tenant's whole usage.
 *
 * <p>Why the backing cluster and not the control plane: every gateway already reaches it, it needs
 * no new endpoint or service, and a report is a few hundred bytes a second per instance. Reports
 * are stamped with the receiving instance's clock, so clock skew between hosts does not matter.
 */
public final class BackingClusterPeers implements GatewayPeers, AutoCloseable {

    public static final String DEFAULT_TOPIC = "_kondo_gateway_usage";
    static final Duration STALE_AFTER = Duration.ofSeconds(5);
    private static final double THROTTLED_DEMAND_FACTOR = 1.5;
    private static final int MAX_TENANTS_PER_REPORT = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(BackingClusterPeers.class);

    /** One tenant's figures in one instance's report. */
    record TenantFigures(double produce, double fetch, boolean produceThrottled, boolean fetchThrottled) {
    }

    private record Report(long receivedAtMs, Map<String, TenantFigures> tenants) {
    }

    private final String instanceId = UUID.randomUUID().toString();
    private final String topic;
    private final Clock clock;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread follower;
    private final QuotaSplit split = new QuotaSplit(STALE_AFTER.toMillis(), 0.1);
    private final Map<String, Report> peers = new ConcurrentHashMap<>();
    private volatile Map<String, TenantFigures> local = Map.of();
    private volatile boolean running = true;

    private BackingClusterPeers(Map<String, Object> backing, String topic, Clock clock) {
        this.topic = topic;
        this.clock = clock;
        Map<String, Object> producerProps = new HashMap<>(backing);
        producerProps.put("key.serializer", StringSerializer.class.getName());
        producerProps.put("value.serializer", ByteArraySerializer.class.getName());
        producerProps.put("acks", "1");
        producerProps.put("linger.ms", 0);
        producerProps.put("client.id", "kondo-gateway-peers-" + instanceId);
        this.producer = new KafkaProducer<>(producerProps);
        Map<String, Object> consumerProps = new HashMap<>(backing);
        consumerProps.put("key.deserializer", StringDeserializer.class.getName());
        consumerProps.put("value.deserializer", ByteArrayDeserializer.class.getName());
        consumerProps.put("enable.auto.commit", false);
        consumerProps.put("client.id", "kondo-gateway-peers-" + instanceId);
        this.consumer = new KafkaConsumer<>(consumerProps);
        TopicPartition partition = new TopicPartition(topic, 0);
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        this.follower = new Thread(this::follow, "kondo-gateway-peers");
        this.follower.setDaemon(true);
    }

    /** Creates the topic if needed and starts following it. */
    public static BackingClusterPeers start(Map<String, Object> backing, Clock clock) {
        return start(backing, DEFAULT_TOPIC, clock);
    }

    static BackingClusterPeers start(Map<String, Object> backing, String topic, Clock clock) {
        createTopic(backing, topic);
        BackingClusterPeers peers = new BackingClusterPeers(backing, topic, clock);
        peers.follower.start();
        return peers;
    }

    private static void createTopic(Map<String, Object> backing, String topic) {
        try (Admin admin = Admin.create(backing)) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                    .configs(Map.of("retention.ms", "3600000", "cleanup.policy", "delete")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the gateway usage topic " + topic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        }
    }

    @Override
    public void report(long nowMs, Collection<QuotaUsage> usages) {
        Map<String, TenantFigures> figures = new HashMap<>();
        StringBuilder text = new StringBuilder();
        for (QuotaUsage usage : usages) {
            TenantFigures tenant = new TenantFigures(usage.produceBytesPerSecond(), usage.fetchBytesPerSecond(),
                    usage.heldBack(QuotaKind.PRODUCE), usage.heldBack(QuotaKind.FETCH));
            figures.put(usage.tenantId(), tenant);
            text.append(encode(usage.tenantId(), tenant)).append('\n');
        }
        local = Map.copyOf(figures);
        producer.send(new ProducerRecord<>(topic, instanceId, text.toString().getBytes(StandardCharsets.UTF_8)), (metadata, error) -> {
            if (error != null) {
                LOG.warn("Could not publish this gateway's usage to its peers: reason={}", error.toString());
            }
        });
    }

    @Override
    public double peersProduceBytesPerSecond(String tenantId) {
        return freshPeers().stream().mapToDouble(r -> r.tenants().getOrDefault(tenantId, NONE).produce()).sum();
    }

    @Override
    public double peersFetchBytesPerSecond(String tenantId) {
        return freshPeers().stream().mapToDouble(r -> r.tenants().getOrDefault(tenantId, NONE).fetch()).sum();
    }

    /**
     * This instance's share of the tenant's quota, by produce demand (fetch follows the same split:
     * one figure keeps the arithmetic simple, and a tenant's clients usually produce and consume
     * through the same instances).
     */
    @Override
    public double shareOf(String tenantId) {
        long nowMs = clock.millis();
        List<QuotaSplit.InstanceDemand> demands = new ArrayList<>();
        demands.add(new QuotaSplit.InstanceDemand(instanceId, demand(local.getOrDefault(tenantId, NONE)), nowMs));
        peers.forEach((id, report) -> {
            TenantFigures figures = report.tenants().get(tenantId);
            if (figures != null) {
                demands.add(new QuotaSplit.InstanceDemand(id, demand(figures), report.receivedAtMs()));
            }
        });
        if (demands.size() == 1) {
            return 1.0;
        }
        long scale = 1_000_000;
        return split.shares(scale, demands, nowMs).getOrDefault(instanceId, scale) / (double) scale;
    }

    private static final TenantFigures NONE = new TenantFigures(0, 0, false, false);

    private static double demand(TenantFigures figures) {
        double rate = figures.produce() + figures.fetch();
        return figures.produceThrottled() || figures.fetchThrottled() ? rate * THROTTLED_DEMAND_FACTOR : rate;
    }

    private List<Report> freshPeers() {
        long oldest = clock.millis() - STALE_AFTER.toMillis();
        return peers.values().stream().filter(r -> r.receivedAtMs() >= oldest).toList();
    }

    private void follow() {
        while (running) {
            try {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && !record.key().equals(instanceId) && record.value() != null) {
                        peers.put(record.key(), new Report(clock.millis(), decode(record.value())));
                    }
                }
                long forgetBefore = clock.millis() - 10 * STALE_AFTER.toMillis();
                peers.values().removeIf(r -> r.receivedAtMs() < forgetBefore);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Reading peers' usage failed; retrying: reason={}", e.toString());
            }
        }
    }

    static String encode(String tenantId, TenantFigures figures) {
        return tenantId + ' ' + figures.produce() + ' ' + figures.fetch() + ' ' + figures.produceThrottled() + ' '
                + figures.fetchThrottled();
    }

    /** A peer's report; lines that do not parse are skipped (the topic is written only by gateways). */
    static Map<String, TenantFigures> decode(byte[] value) {
        Map<String, TenantFigures> tenants = new HashMap<>();
        for (String line : new String(value, StandardCharsets.UTF_8).split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length != 5 || tenants.size() >= MAX_TENANTS_PER_REPORT) {
                continue;
            }
            try {
                tenants.put(fields[0], new TenantFigures(Double.parseDouble(fields[1]), Double.parseDouble(fields[2]),
                        Boolean.parseBoolean(fields[3]), Boolean.parseBoolean(fields[4])));
            } catch (NumberFormatException e) {
                LOG.debug("Skipping an unreadable line of a peer's usage report: {}", line);
            }
        }
        return tenants;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            follower.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(2));
    }
}
