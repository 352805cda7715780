package io.kondo.gateway;

import io.kondo.core.policy.TopicPolicy;
import io.kondo.gateway.quota.QuotaSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the gateway listens and what it bounds.
 *
 * @param host                 address bound and advertised to clients
 * @param bootstrapPort        the bootstrap port; broker i (by node id) is served at {@code bootstrapPort + 1 + i}
 * @param maxBrokers           how many per-broker ports are opened (brokers beyond are not reachable)
 * @param maxInFlightRequests  requests a connection may have unanswered before the gateway stops reading it
 * @param preAuthMaxFrameBytes largest frame accepted before authentication
 * @param frameHeadroomBytes   added to the plan's max message bytes to give the largest frame after authentication
 * @param upstreamTimeout      bound on connecting and logging in to a backing broker
 * @param topicPolicy          how tenant topics are created
 * @param loginFailuresPerMinute failed logins from one address within a minute after which that
 *                             address is refused until the oldest failure is a minute old
 * @param capacity             what all tenants together may use (broker-wide limits, connection pacing)
 * @param quotas               how tenant quotas are measured (window, maximum throttle, idle expiry)
 * @param ioThreads            threads that carry all client and upstream connections
 */
public record GatewaySettings(String host, int bootstrapPort, int maxBrokers, int maxInFlightRequests,
                              int preAuthMaxFrameBytes, int frameHeadroomBytes, Duration upstreamTimeout,
                              TopicPolicy topicPolicy, int loginFailuresPerMinute, CapacityLimits capacity,
                              QuotaSettings quotas, int ioThreads) {

    /** Largest response frame accepted from a backing broker (fetch responses can be large). */
    public static final int UPSTREAM_MAX_FRAME_BYTES = 256 * 1024 * 1024;
    /**
     * I/O threads unless configured: Netty's default, two per processor. On a host the gateway shares
     * with brokers, fewer threads cost less CPU per byte (docs/benchmarks.md); {@code gateway.io-threads}
     * sets the number.
     */
    public static final int DEFAULT_IO_THREADS = 2 * Runtime.getRuntime().availableProcessors();
    /** A bound on configured I/O threads; more than this is a typo, not a plan. */
    public static final int MAX_IO_THREADS = 1024;

    public GatewaySettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
        Objects.requireNonNull(topicPolicy, "topicPolicy");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(quotas, "quotas");
        if (bootstrapPort < 1 || bootstrapPort + maxBrokers > 65_535) {
            throw new IllegalArgumentException("the gateway bootstrap port must be between 1 and " + (65_535 - maxBrokers)
                    + " (the next " + maxBrokers + " ports serve the brokers), got " + bootstrapPort);
        }
        if (loginFailuresPerMinute < 1) {
            throw new IllegalArgumentException("login failures per minute must be at least 1, got " + loginFailuresPerMinute);
        }
        if (maxBrokers < 1 || maxInFlightRequests < 1 || preAuthMaxFrameBytes < 1024 || frameHeadroomBytes < 0) {
            throw new IllegalArgumentException("gateway limits must be positive");
        }
        requireIoThreads(ioThreads);
    }

    private static int requireIoThreads(int ioThreads) {
        if (ioThreads < 1 || ioThreads > MAX_IO_THREADS) {
            throw new IllegalArgumentException("gateway I/O threads must be between 1 and " + MAX_IO_THREADS + ", got " + ioThreads);
        }
        return ioThreads;
    }

    /** {@link #defaults(String, int, int)} with {@link #DEFAULT_IO_THREADS}. */
    public static GatewaySettings defaults(String host, int bootstrapPort) {
        return defaults(host, bootstrapPort, DEFAULT_IO_THREADS);
    }

    /**
     * Defaults for {@code host:bootstrapPort} with {@code ioThreads} I/O threads: 16 broker ports, 100
     * in-flight requests, 64 KiB before login, 10 failed logins per address and minute,
     * {@link CapacityLimits#defaults(int)} for those threads and Kafka's quota window
     * ({@link QuotaSettings#defaults()}).
     */
    public static GatewaySettings defaults(String host, int bootstrapPort, int ioThreads) {
        return new GatewaySettings(host, bootstrapPort, 16, 100, 64 * 1024, 1024 * 1024, Duration.ofSeconds(10),
                TopicPolicy.defaults(), 10, CapacityLimits.defaults(requireIoThreads(ioThreads)), QuotaSettings.defaults(), ioThreads);
    }

    public GatewaySettings withTopicPolicy(TopicPolicy policy) {
        return new GatewaySettings(host, bootstrapPort, maxBrokers, maxInFlightRequests, preAuthMaxFrameBytes,
                frameHeadroomBytes, upstreamTimeout, policy, loginFailuresPerMinute, capacity, quotas, ioThreads);
    }

    public GatewaySettings withLoginFailuresPerMinute(int limit) {
        return new GatewaySettings(host, bootstrapPort, maxBrokers, maxInFlightRequests, preAuthMaxFrameBytes,
                frameHeadroomBytes, upstreamTimeout, topicPolicy, limit, capacity, quotas, ioThreads);
    }

    public GatewaySettings withCapacity(CapacityLimits limits) {
        return new GatewaySettings(host, bootstrapPort, maxBrokers, maxInFlightRequests, preAuthMaxFrameBytes,
                frameHeadroomBytes, upstreamTimeout, topicPolicy, loginFailuresPerMinute, limits, quotas, ioThreads);
    }

    public GatewaySettings withQuotas(QuotaSettings settings) {
        return new GatewaySettings(host, bootstrapPort, maxBrokers, maxInFlightRequests, preAuthMaxFrameBytes,
                frameHeadroomBytes, upstreamTimeout, topicPolicy, loginFailuresPerMinute, capacity, settings, ioThreads);
    }
}
