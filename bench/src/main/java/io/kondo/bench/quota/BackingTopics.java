package io.kondo.bench.quota;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates tenants' one-partition topics straight on the backing cluster (as the gateway would under
 * a {@code TopicPolicy(1, rf, minIsr)}, but many at a time and without spending the tenants'
 * partition mutation quota), and returns once every partition is in sync and its leader serves it.
 */
final class BackingTopics {

    private static final Logger LOG = LoggerFactory.getLogger(BackingTopics.class);
    private static final int BATCH = 100;
    private static final long POLL_MS = 200;

    private final Admin admin;
    private final Duration timeout;

    BackingTopics(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** One partition each, spread over the brokers by the controller. */
    void create(Collection<String> backingNames, short replicationFactor, int minInSyncReplicas) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : backingNames) {
            topics.add(new NewTopic(name, 1, replicationFactor).configs(minIsr(minInSyncReplicas)));
        }
        createAndAwait(topics, replicationFactor);
    }

    /** One partition each, on {@code replicas} in that order (the first is the preferred leader). */
    void createOn(Collection<String> backingNames, List<Integer> replicas, int minInSyncReplicas) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : backingNames) {
            topics.add(new NewTopic(name, Map.of(0, replicas)).configs(minIsr(minInSyncReplicas)));
        }
        createAndAwait(topics, replicas.size());
    }

    private void createAndAwait(List<NewTopic> topics, int replicationFactor) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int from = 0; from < topics.size(); from += BATCH) {
            List<NewTopic> batch = topics.subList(from, Math.min(topics.size(), from + BATCH));
            admin.createTopics(batch).all().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
        }
        List<String> names = topics.stream().map(NewTopic::name).toList();
        for (int from = 0; from < names.size(); from += BATCH) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + BATCH));
            awaitInSync(batch, replicationFactor, deadline);
            awaitLeadersServing(batch, deadline);
        }
        LOG.info("Topics ready: count={} replicationFactor={}", names.size(), replicationFactor);
    }

    private void awaitInSync(List<String> names, int replicationFactor, long deadline) throws Exception {
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                if (described.values().stream().allMatch(d -> inSync(d, replicationFactor))) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            checkDeadline(deadline, "topics without a leader or a full ISR");
            Thread.sleep(POLL_MS);
        }
    }

    private static boolean inSync(TopicDescription description, int replicationFactor) {
        for (TopicPartitionInfo partition : description.partitions()) {
            if (partition.leader() == null || partition.isr().size() < replicationFactor) {
                return false;
            }
        }
        return true;
    }

    /** A leader learns of its leadership a moment after the controller records it; ListOffsets waits for that. */
    private void awaitLeadersServing(List<String> names, long deadline) throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (String name : names) {
            partitions.put(new TopicPartition(name, 0), OffsetSpec.latest());
        }
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            checkDeadline(deadline, "topics whose leader does not serve them yet");
            Thread.sleep(POLL_MS);
        }
    }

    private static Map<String, String> minIsr(int minInSyncReplicas) {
        return Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSyncReplicas));
    }

    private long remainingMs(long deadline) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            throw new IllegalStateException("topics not ready within " + timeout);
        }
        return remaining;
    }

    private void checkDeadline(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " after " + timeout);
        }
    }
}
