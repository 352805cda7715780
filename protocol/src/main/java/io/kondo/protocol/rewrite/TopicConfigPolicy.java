package io.kondo.protocol.rewrite;

import io.kondo.protocol.TenantContext;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.PolicyViolationException;

/**
 * The topic configs a tenant may set, each with its bounds; shared by CreateTopics and
 * IncrementalAlterConfigs. A config not listed here is refused (POLICY_VIOLATION), a value that is
 * not of the config's type is INVALID_CONFIG, and a value outside the bounds is POLICY_VIOLATION;
 * every message names the config. {@code min.insync.replicas} never goes below the cluster's policy.
 */
final class TopicConfigPolicy {

    static final long MIN_RETENTION_MS = 60_000;
    static final long MIN_SEGMENT_MS = 60_000;
    static final long MIN_SEGMENT_BYTES = 1L << 20;
    static final long MAX_SEGMENT_BYTES = 1L << 30;

    private static final Set<String> CLEANUP_POLICIES =
            Set.of(TopicConfig.CLEANUP_POLICY_DELETE, TopicConfig.CLEANUP_POLICY_COMPACT);
    private static final Set<String> COMPRESSION_TYPES = Set.of("uncompressed", "zstd", "lz4", "snappy", "gzip", "producer");
    private static final Set<String> TIMESTAMP_TYPES = Set.of("CreateTime", "LogAppendTime");

    /** Checks one config value against its bounds; throws the refusal. */
    @FunctionalInterface
    private interface Rule {
        void check(String name, String value, TenantContext tenant);
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry(TopicConfig.RETENTION_MS_CONFIG, (n, v, t) -> unlimitedOrAtLeast(n, v, MIN_RETENTION_MS)),
            Map.entry(TopicConfig.RETENTION_BYTES_CONFIG, (n, v, t) -> unlimitedOrAtLeast(n, v, 0)),
            Map.entry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfigPolicy::cleanupPolicy),
            Map.entry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, (n, v, t) -> maxMessageBytes(n, v, t.limits().maxMessageBytes())),
            Map.entry(TopicConfig.SEGMENT_BYTES_CONFIG, (n, v, t) -> between(n, v, MIN_SEGMENT_BYTES, MAX_SEGMENT_BYTES)),
            Map.entry(TopicConfig.SEGMENT_MS_CONFIG, (n, v, t) -> between(n, v, MIN_SEGMENT_MS, Long.MAX_VALUE)),
            Map.entry(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, (n, v, t) -> between(n, v, 0, Long.MAX_VALUE)),
            Map.entry(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, (n, v, t) -> between(n, v, 1, Long.MAX_VALUE)),
            Map.entry(TopicConfig.DELETE_RETENTION_MS_CONFIG, (n, v, t) -> between(n, v, 0, Long.MAX_VALUE)),
            Map.entry(TopicConfig.COMPRESSION_TYPE_CONFIG, (n, v, t) -> oneOf(n, v, COMPRESSION_TYPES)),
            Map.entry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, (n, v, t) -> oneOf(n, v, TIMESTAMP_TYPES)),
            Map.entry(TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG, (n, v, t) -> between(n, v, 0, Long.MAX_VALUE)),
            Map.entry(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, (n, v, t) -> between(n, v, 0, Long.MAX_VALUE)),
            Map.entry(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, TopicConfigPolicy::ratio),
            Map.entry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, TopicConfigPolicy::minInSyncReplicas));

    private TopicConfigPolicy() {
    }

    /** Checks that the tenant may set topic config {@code name} to {@code value}. */
    static void checkSet(String name, String value, TenantContext tenant) {
        Rule rule = RULES.get(name);
        if (rule == null) {
            throw notAllowed(name);
        }
        if (value == null) {
            throw new InvalidConfigurationException("topic config '" + name + "' has no value");
        }
        rule.check(name, value.trim(), tenant);
    }

    /**
     * Checks that the tenant may reset topic config {@code name} to the cluster's default. The
     * default of {@code min.insync.replicas} may be below the policy, so it cannot be reset.
     */
    static void checkDelete(String name, TenantContext tenant) {
        if (!RULES.containsKey(name)) {
            throw notAllowed(name);
        }
        if (name.equals(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)) {
            throw new PolicyViolationException("topic config '" + name + "' cannot be reset: it stays at least "
                    + tenant.topicPolicy().minInSyncReplicas() + " (the cluster's durability policy)");
        }
    }

    private static PolicyViolationException notAllowed(String name) {
        return new PolicyViolationException("topic config '" + name + "' cannot be set on this cluster");
    }

    private static void unlimitedOrAtLeast(String name, String value, long min) {
        long number = whole(name, value);
        if (number != -1 && number < min) {
            throw new PolicyViolationException("topic config '" + name + "' must be -1 (unlimited) or at least " + min
                    + ", got " + value);
        }
    }

    private static void between(String name, String value, long min, long max) {
        long number = whole(name, value);
        if (number < min || number > max) {
            throw new PolicyViolationException("topic config '" + name + "' must be "
                    + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max) + ", got " + value);
        }
    }

    private static void maxMessageBytes(String name, String value, int planLimit) {
        long number = whole(name, value);
        if (number < 1 || number > planLimit) {
            throw new PolicyViolationException("topic config '" + name + "' must be between 1 and " + planLimit
                    + " (the plan's largest message), got " + value);
        }
    }

    private static void minInSyncReplicas(String name, String value, TenantContext tenant) {
        long number = whole(name, value);
        int min = tenant.topicPolicy().minInSyncReplicas();
        int max = tenant.topicPolicy().replicationFactor();
        if (number < min) {
            throw new PolicyViolationException("topic config '" + name + "' must be at least " + min
                    + " (the cluster's durability policy), got " + value);
        }
        if (number > max) {
            throw new PolicyViolationException("topic config '" + name + "' must be at most the replication factor "
                    + max + ", got " + value);
        }
    }

    private static void cleanupPolicy(String name, String value, TenantContext tenant) {
        String[] policies = value.split(",");
        for (String policy : policies) {
            if (!CLEANUP_POLICIES.contains(policy.trim())) {
                throw new PolicyViolationException("topic config '" + name + "' must be delete, compact or both, got '"
                        + value + "'");
            }
        }
    }

    private static void oneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidConfigurationException("topic config '" + name + "' must be one of "
                    + allowed.stream().sorted().toList() + ", got '" + value + "'");
        }
    }

    private static void ratio(String name, String value, TenantContext tenant) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException("topic config '" + name + "' must be a number, got '" + value + "'");
        }
        if (!(number >= 0 && number <= 1)) {
            throw new PolicyViolationException("topic config '" + name + "' must be between 0 and 1, got " + value);
        }
    }

    private static long whole(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException("topic config '" + name + "' must be a whole number, got '" + value + "'");
        }
    }
}
