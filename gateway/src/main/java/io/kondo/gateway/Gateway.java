package io.kondo.gateway;

import io.kondo.core.credential.ApiKey;
import io.kondo.core.credential.LoginFailureLimiter;
import io.kondo.core.credential.PlainAuthenticator;
import io.kondo.core.credential.ScramAuthenticator;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.quota.FairShareTuner;
import io.kondo.core.quota.OverloadGovernor;
import io.kondo.core.tenant.LogicalCluster;
import io.kondo.core.tenant.LogicalClusterId;
import io.kondo.gateway.quota.GatewayPeers;
import io.kondo.gateway.quota.QuotaTuning;
import io.kondo.gateway.quota.QuotaUsage;
import io.kondo.gateway.quota.TenantQuotaRegistry;
import io.kondo.gateway.quota.TenantQuotas;
import io.kondo.metadata.TenantMetadata;
import io.kondo.metadata.TenantMetadataStore;
import io.kondo.protocol.ApiVersionsAdvertiser;
import io.kondo.protocol.BackingApiVersions;
import io.kondo.protocol.TopicIdRegistry;
import io.kondo.protocol.rewrite.HandledApis;
import io.kondo.protocol.sasl.UpstreamCredentials;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tenant gateway: binds the bootstrap port and one port per backing broker, and serves
 * tenants' Kafka clients there. See the package documentation for how a connection works.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** How often tenants' quotas are recomputed (plan changes, fair share, storage caps, peers' shares). */
    static final long QUOTA_STEP_MS = 1_000;
    /**
     * Names of the threads that accept connections and of those that carry every client and upstream
     * connection ({@link GatewaySettings#ioThreads()}); thread dumps and the benchmark's
     * CPU figures find them by these names.
     */
    public static final String ACCEPT_THREADS = "kondo-gateway-accept";
    public static final String IO_THREADS = "kondo-gateway-io";

    private final GatewaySettings settings;
    private final TenantMetadataStore metadata;
    private final PlanCatalog plans;
    private final Map<String, Object> backingProperties;
    private final MeterRegistry registry;
    private final Clock clock;
    private final OpenConnections connections = new OpenConnections();
    private final List<Channel> listeners = new ArrayList<>();
    private final Metrics quotaMetrics = new Metrics();
    private final TenantQuotaRegistry quotas;
    private final QuotaTuning tuning;
    private volatile GatewayPeers peers = GatewayPeers.NONE;
    private final UpstreamLoad upstreamLoad = new UpstreamLoad();
    private final ThrottleRates throttleRates = new ThrottleRates();
    private final OverloadGovernor overload;
    private BackingView backing;
    private EventLoopGroup acceptors;
    private EventLoopGroup workers;

    public Gateway(GatewaySettings settings, TenantMetadataStore metadata, PlanCatalog plans,
                   Map<String, Object> backingProperties, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.metadata = metadata;
        this.plans = plans;
        this.backingProperties = backingProperties;
        this.registry = registry;
        this.clock = clock;
        this.quotas = new TenantQuotaRegistry(quotaMetrics, settings.quotas());
        this.tuning = new QuotaTuning(quotas, this::planLimits, FairShareTuner.Settings.DEFAULTS);
        this.overload = new OverloadGovernor(settings.capacity().overload());
    }

    /** Learns the backing cluster, then binds every port; throws if either fails. */
    public void start() throws Exception {
        UpstreamCredentials credentials = UpstreamCredentials.from(backingProperties);
        backing = new BackingView(backingProperties, settings.maxBrokers(), settings.upstreamTimeout());
        backing.start();
        BackingApiVersions versions = probe(credentials);
        HandledApis apis = new HandledApis();
        SecureRandom random = new SecureRandom();
        GatewayServices services = new GatewayServices(settings, metadata, plans, backing, credentials, apis,
                new ApiVersionsAdvertiser(apis, versions),
                new PlainAuthenticator(this::activeKey),
                new ScramAuthenticator(this::activeKey, random),
                new TopicIdRegistry(), connections, new GatewayMetrics(registry, connections, quotaFigures()),
                new LoginFailureLimiter(settings.loginFailuresPerMinute(), 60_000, 100_000), quotas, upstreamLoad, clock);
        metadata.addListener(connections::enforce);

        acceptors = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(ACCEPT_THREADS), NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory(IO_THREADS), NioIoHandler.newFactory());
        AcceptPacing pacing = new AcceptPacing(settings.capacity(), clock);
        listeners.add(bind(services, pacing, settings.bootstrapPort(), -1));
        int brokers = backing.brokerIndexes().size();
        for (int index = 0; index < brokers; index++) {
            listeners.add(bind(services, pacing, settings.bootstrapPort() + 1 + index, index));
        }
        acceptors.next().scheduleAtFixedRate(this::tuneQuotas, QUOTA_STEP_MS, QUOTA_STEP_MS, TimeUnit.MILLISECONDS);
        LOG.info("Gateway listening: host={} bootstrap={} brokerPorts={}-{}", settings.host(), bootstrapPort(),
                settings.bootstrapPort() + 1, settings.bootstrapPort() + brokers);
    }

    /** The bound bootstrap port (differs from the setting only when that was 0). */
    public int bootstrapPort() {
        return ((InetSocketAddress) listeners.get(0).localAddress()).getPort();
    }

    /**
     * One step of the quota loop: tenants' quotas from their plans, the fair-share tuner and the
     * peers' shares; tenants idle here for a while are forgotten. Never throws (the loop goes on).
     */
    private void tuneQuotas() {
        try {
            long nowMs = clock.millis();
            int brokers = backing.nodeIds().size();
            CapacityLimits capacity = settings.capacity();
            UpstreamLoad.Sample load = upstreamLoad.sample();
            double requestTimePercent = overload.update(nowMs, load.inFlight(), load.meanLatencyMs());
            if (overload.overloaded()) {
                LOG.warn("Backing brokers falling behind, lowering the request limit: inFlight={} meanLatencyMs={} requestTimePercent={}",
                        load.inFlight(), String.format("%.1f", load.meanLatencyMs()), String.format("%.0f", requestTimePercent));
            }
            tuning.step(nowMs, CapacityLimits.total(capacity.produceBytesPerSecondPerBroker(), brokers),
                    CapacityLimits.total(capacity.fetchBytesPerSecondPerBroker(), brokers),
                    requestTimePercent / capacity.requestTimePercent(), peers);
            quotas.expireIdle(nowMs);
            List<QuotaUsage> usages = quotas.tenants().stream().map(q -> q.usage(nowMs)).toList();
            throttleRates.update(nowMs, usages);
            peers.report(nowMs, usages);
        } catch (RuntimeException e) {
            LOG.error("Quota step failed; quotas stay as they were until the next step", e);
        }
    }

    private GatewayMetrics.QuotaFigures quotaFigures() {
        return new GatewayMetrics.QuotaFigures() {
            @Override
            public Optional<PlanLimits> plan(LogicalClusterId tenant) {
                return planLimits(tenant.value());
            }

            @Override
            public Optional<QuotaTuning.DynamicQuota> dynamic(LogicalClusterId tenant) {
                return dynamicQuota(tenant);
            }

            @Override
            public Optional<TenantQuotas> quotas(LogicalClusterId tenant) {
                return quotas.find(tenant.value());
            }
        };
    }

    private Optional<PlanLimits> planLimits(String tenantId) {
        return metadata.current().cluster(new LogicalClusterId(tenantId))
                .map(cluster -> plans.find(cluster.plan()).orElse(plans.defaultPlan()).limits());
    }

    /** Other gateway instances serving the same tenants; by default none. */
    public void usePeers(GatewayPeers gatewayPeers) {
        this.peers = gatewayPeers;
    }

    /** A tenant's quota figures on this gateway, if it has been seen here recently. */
    public Optional<QuotaUsage> quotaUsage(LogicalClusterId tenant) {
        return quotas.find(tenant.value()).map(q -> q.usage(clock.millis()));
    }

    /** Throttle time handed to a tenant's clients, in milliseconds per second, over the last quota step. */
    public double throttleTimeMsPerSecond(LogicalClusterId tenant) {
        return throttleRates.perSecond(tenant.value());
    }

    /** A tenant's quotas after the fair-share tuner (before this instance's share), if seen recently. */
    public Optional<QuotaTuning.DynamicQuota> dynamicQuota(LogicalClusterId tenant) {
        return tuning.dynamicQuota(tenant.value());
    }

    /** Caps a tenant's produce at {@code bytesPerSecond} (a storage trickle), or lifts the cap; applies at the next quota step. */
    public void capProduce(LogicalClusterId tenant, OptionalLong bytesPerSecond) {
        tuning.capProduce(tenant.value(), bytesPerSecond);
    }

    /** Open client connections of a tenant. */
    public int connections(LogicalClusterId tenant) {
        return connections.count(tenant);
    }

    private Optional<ApiKey> activeKey(String key) {
        TenantMetadata current = metadata.current();
        return current.apiKey(key)
                .filter(k -> current.cluster(k.cluster()).map(LogicalCluster::isActive).orElse(false));
    }

    private BackingApiVersions probe(UpstreamCredentials credentials) throws Exception {
        Exception last = null;
        for (Integer node : backing.nodeIds()) {
            InetSocketAddress address = backing.broker(node).orElseThrow();
            try {
                return UpstreamProbe.fetch(address, credentials, settings.upstreamTimeout());
            } catch (Exception e) {
                last = e;
                LOG.warn("Backing broker did not answer the gateway's login: node={} reason={}", node, e.toString());
            }
        }
        throw new IllegalStateException("the gateway cannot log in to any backing broker", last);
    }

    private Channel bind(GatewayServices services, AcceptPacing pacing, int port, int brokerIndex) throws InterruptedException {
        return new ServerBootstrap()
                .group(acceptors, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .handler(pacing)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, ClientConnection.LARGE_READS)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        KafkaFrameDecoder decoder = new KafkaFrameDecoder(settings.preAuthMaxFrameBytes());
                        channel.pipeline().addLast(decoder, new ClientConnection(services, brokerIndex, decoder));
                    }
                })
                .bind(settings.host(), port)
                .sync()
                .channel();
    }

    @Override
    public void close() {
        for (Channel listener : listeners) {
            listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (acceptors != null) {
            acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (backing != null) {
            backing.close();
        }
        quotaMetrics.close();
    }
}
