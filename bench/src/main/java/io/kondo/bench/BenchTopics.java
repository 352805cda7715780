package io.kondo.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates each run's topic the way its route's clients would — directly with the setting's
 * replication, or through the gateway under its topic policy — and deletes it afterwards.
 */
final class BenchTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin backingAdmin;

    BenchTopics(Admin backingAdmin) {
        this.backingAdmin = backingAdmin;
    }

    /** Creates the tenant's topic {@code name} and returns once every replica is in sync. */
    void create(Endpoint endpoint, String name, BenchSetting setting) throws Exception {
        if (endpoint.route() == Route.DIRECT) {
            NewTopic topic = new NewTopic(endpoint.backingTopic(name), BenchSetting.PARTITIONS, setting.replicationFactor())
                    .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(setting.minInSyncReplicas())));
            await(backingAdmin.createTopics(List.of(topic)).all());
        } else {
            try (Admin tenantAdmin = Admin.create(endpoint.clientProperties(Map.of()))) {
                await(tenantAdmin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty()))).all());
            }
        }
        awaitInSync(endpoint.backingTopic(name), setting);
        awaitLeadersServing(endpoint.backingTopic(name));
    }

    void delete(Endpoint endpoint, String name) throws Exception {
        await(backingAdmin.deleteTopics(Set.of(endpoint.backingTopic(name))).all());
    }

    private void awaitInSync(String backingName, BenchSetting setting) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Optional<TopicDescription> description = describe(backingName);
            if (description.isEmpty()) {
                checkDeadline(deadline, backingName + " is not known to the brokers");
                Thread.sleep(100);
                continue;
            }
            List<TopicPartitionInfo> partitions = description.get().partitions();
            if (partitions.stream().anyMatch(p -> p.replicas().size() != setting.replicationFactor())
                    || partitions.size() != BenchSetting.PARTITIONS) {
                throw new IllegalStateException(backingName + " was created with " + partitions.size()
                        + " partitions and replicas " + partitions.get(0).replicas().size() + ", not as " + setting.label());
            }
            if (partitions.stream().allMatch(p -> p.leader() != null && p.isr().size() == setting.replicationFactor())) {
                return;
            }
            checkDeadline(deadline, backingName + " has no leader or full ISR on every partition");
            Thread.sleep(100);
        }
    }

    /**
     * Returns once every partition's leader answers for it. A leader learns of its leadership a moment
     * after the controller records it; a producer sending in that moment gets NOT_LEADER_OR_FOLLOWER for
     * its first batches, which is a race of topic creation, not what the benchmark measures. The admin
     * client retries ListOffsets until each leader serves; a broker whose metadata does not know the
     * topic yet answers UNKNOWN_TOPIC_OR_PARTITION, which is asked again here until the deadline.
     */
    private void awaitLeadersServing(String backingName) throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = IntStream.range(0, BenchSetting.PARTITIONS).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(backingName, p), p -> OffsetSpec.latest()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                await(backingAdmin.listOffsets(partitions).all());
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                checkDeadline(deadline, backingName + " is not known to every leader");
                Thread.sleep(100);
            }
        }
    }

    /** The topic's description, or empty while the metadata of a new topic has not reached the broker asked. */
    private Optional<TopicDescription> describe(String backingName) throws Exception {
        try {
            return Optional.of(await(backingAdmin.describeTopics(Set.of(backingName)).allTopicNames()).get(backingName));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void checkDeadline(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what + " after " + TIMEOUT);
        }
    }

    private static <T> T await(KafkaFuture<T> future)
            throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
