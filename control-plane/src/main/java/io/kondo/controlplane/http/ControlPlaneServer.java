package io.kondo.controlplane.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.kondo.controlplane.backing.BackingCluster;
import io.kondo.controlplane.backing.TenantUsage;
import io.kondo.controlplane.http.ApiViews.ApiKeyList;
import io.kondo.controlplane.http.ApiViews.ApiKeyView;
import io.kondo.controlplane.http.ApiViews.ClusterList;
import io.kondo.controlplane.http.ApiViews.ClusterView;
import io.kondo.controlplane.http.ApiViews.CreateApiKeyRequest;
import io.kondo.controlplane.http.ApiViews.CreateClusterRequest;
import io.kondo.controlplane.http.ApiViews.HealthView;
import io.kondo.controlplane.http.ApiViews.IssuedApiKeyView;
import io.kondo.controlplane.http.ApiViews.PlanList;
import io.kondo.controlplane.http.ApiViews.PlanView;
import io.kondo.controlplane.http.ApiViews.UpdateClusterRequest;
import io.kondo.controlplane.http.ApiViews.UsageView;
import io.kondo.controlplane.tenants.TenantOperations;
import io.kondo.controlplane.tenants.TenantRequestException;
import io.kondo.controlplane.tenants.TenantStorage;
import io.kondo.controlplane.tenants.TenantTraffic;
import io.kondo.core.credential.ApiKey;
import io.kondo.core.plan.PlanLimits;
import io.kondo.core.tenant.LogicalCluster;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The control plane's REST API (DESIGN.md, "The outside contract"). */
public final class ControlPlaneServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneServer.class);
    private static final String HANDLED = "kondo.error.handled";

    private final ControlPlaneSettings settings;
    private final TenantOperations tenants;
    private final BackingCluster backing;
    private final TenantTraffic traffic;
    private final TenantStorage storage;
    private final PrometheusMeterRegistry metrics;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final byte[] adminToken;
    private Javalin app;

    /** A control plane that reports no storage standing (no storage loop runs in this process). */
    public ControlPlaneServer(ControlPlaneSettings settings, TenantOperations tenants, BackingCluster backing,
                              TenantTraffic traffic, PrometheusMeterRegistry metrics, Clock clock) {
        this(settings, tenants, backing, traffic, TenantStorage.NONE, metrics, clock);
    }

    public ControlPlaneServer(ControlPlaneSettings settings, TenantOperations tenants, BackingCluster backing,
                              TenantTraffic traffic, TenantStorage storage, PrometheusMeterRegistry metrics,
                              Clock clock) {
        this.settings = settings;
        this.tenants = tenants;
        this.backing = backing;
        this.traffic = traffic;
        this.storage = storage;
        this.metrics = metrics;
        this.clock = clock;
        this.adminToken = settings.adminToken().getBytes(StandardCharsets.UTF_8);
        Gauge.builder("kondo.logical.clusters", tenants, t -> t.clusters().size())
                .description("Logical clusters known to this process").register(metrics);
    }

    /** Starts serving; returns the bound port. */
    public int start() {
        app = Javalin.create(this::configure).start(settings.host(), settings.port());
        LOG.info("Control plane listening: address={}:{}", settings.host(), app.port());
        return app.port();
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }

    private void configure(JavalinConfig config) {
        config.http.maxRequestSize = ControlPlaneSettings.MAX_BODY_BYTES;
        config.http.defaultContentType = "application/json";
        config.startup.showJavalinBanner = false;
        config.jsonMapper(new JavalinJackson(json, false));

        config.routes.before(this::authenticate);
        config.routes.get("/v1/health", this::health);
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        config.routes.get("/v1/plans", ctx -> ctx.json(new PlanList(tenants.plans().all().stream()
                .map(p -> new PlanView(p.name(), p.description(), p.limits())).toList())));
        config.routes.post("/v1/clusters", this::createCluster);
        config.routes.get("/v1/clusters", ctx -> ctx.json(new ClusterList(tenants.clusters().stream().map(this::view).toList())));
        config.routes.get("/v1/clusters/{id}", ctx -> ctx.json(view(tenants.cluster(ctx.pathParam("id")))));
        config.routes.patch("/v1/clusters/{id}", this::updateCluster);
        config.routes.delete("/v1/clusters/{id}", ctx -> {
            tenants.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
        config.routes.get("/v1/clusters/{id}/usage", this::usage);
        config.routes.post("/v1/clusters/{id}/api-keys", this::createApiKey);
        config.routes.get("/v1/clusters/{id}/api-keys", ctx -> ctx.json(new ApiKeyList(
                tenants.apiKeys(ctx.pathParam("id")).stream().map(this::view).toList())));
        config.routes.delete("/v1/clusters/{id}/api-keys/{key}", ctx -> {
            tenants.revokeApiKey(ctx.pathParam("id"), ctx.pathParam("key"));
            ctx.status(204);
        });

        config.routes.exception(TenantRequestException.class, (e, ctx) -> fail(ctx, statusOf(e.reason()),
                e.reason().name().toLowerCase(Locale.ROOT), e.getMessage()));
        config.routes.exception(BadRequest.class, (e, ctx) -> fail(ctx, 400, "invalid_request", e.getMessage()));
        config.routes.exception(Unauthorized.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            fail(ctx, 401, "unauthorized", e.getMessage());
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected error: method={} path={}", ctx.method(), ctx.path(), e);
            fail(ctx, 500, "internal_error", "unexpected error; see the control plane log");
        });
        config.routes.error(404, ctx -> unlessHandled(ctx, 404, "not_found", "no such resource: " + ctx.path()));
        config.routes.error(405, ctx -> unlessHandled(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path()));
        config.routes.error(413, ctx -> unlessHandled(ctx, 413, "body_too_large",
                "request bodies are limited to " + ControlPlaneSettings.MAX_BODY_BYTES + " bytes"));
        config.routes.after(ctx -> Counter.builder("kondo.control.plane.requests")
                .tag("method", ctx.method().name())
                .tag("status", String.valueOf(ctx.statusCode()))
                .register(metrics).increment());
    }

    private void authenticate(Context ctx) {
        if (ctx.path().equals("/v1/health")) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new Unauthorized("an 'Authorization: Bearer <admin token>' header is required");
        }
        byte[] presented = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, adminToken)) {
            throw new Unauthorized("the admin token is not valid");
        }
    }

    private void health(Context ctx) {
        try {
            int brokers = backing.brokers().size();
            ctx.json(new HealthView("ok", brokers, null));
        } catch (TenantRequestException e) {
            ctx.status(503).json(new HealthView("unavailable", 0, e.getMessage()));
        }
    }

    private void createCluster(Context ctx) {
        CreateClusterRequest request = body(ctx, CreateClusterRequest.class);
        if (request == null) {
            throw new BadRequest("a JSON body with \"name\" is required");
        }
        LogicalCluster cluster = tenants.create(request.name(), request.plan());
        ctx.status(201).header("Location", "/v1/clusters/" + cluster.id()).json(view(cluster));
    }

    private void updateCluster(Context ctx) {
        UpdateClusterRequest request = body(ctx, UpdateClusterRequest.class);
        if (request == null || (request.name() == null && request.plan() == null)) {
            throw new BadRequest("a JSON body with \"plan\" and/or \"name\" is required");
        }
        ctx.json(view(tenants.update(ctx.pathParam("id"), request.name(), request.plan())));
    }

    private void createApiKey(Context ctx) {
        CreateApiKeyRequest request = body(ctx, CreateApiKeyRequest.class);
        ApiKey.Issued issued = tenants.issueApiKey(ctx.pathParam("id"), request == null ? null : request.description());
        ApiKey key = issued.apiKey();
        ctx.status(201).json(new IssuedApiKeyView(key.key(), issued.secret(), key.cluster().value(),
                key.description(), instant(key.createdAtMs())));
    }

    private void usage(Context ctx) {
        LogicalCluster cluster = tenants.cluster(ctx.pathParam("id"));
        TenantUsage usage = tenants.usage(cluster.id().value());
        TenantTraffic.Figures live = traffic.of(cluster.id());
        PlanLimits limits = tenants.planOf(cluster).limits();
        Optional<TenantStorage.Standing> standing = storage.of(cluster.id());
        long producePlanQuota = orElse(live.producePlanQuotaBytesPerSecond(), limits.produceBytesPerSecond());
        long fetchPlanQuota = orElse(live.fetchPlanQuotaBytesPerSecond(), limits.consumeBytesPerSecond());
        ctx.json(new UsageView(cluster.id().value(), live.ingressBytesPerSecond(), live.egressBytesPerSecond(),
                usage.storageBytes(),
                standing.map(TenantStorage.Standing::quotaBytes).orElse(limits.storageBytes()),
                limits.storageHardCapBytes(),
                standing.map(s -> s.state().name().toLowerCase(Locale.ROOT)).orElse("unknown"),
                standing.map(s -> instant(s.checkedAtMs())).orElse(null),
                usage.partitions(), live.connections(), live.throttleTimeMs(),
                producePlanQuota, fetchPlanQuota,
                orElse(live.produceQuotaBytesPerSecond(), producePlanQuota),
                orElse(live.fetchQuotaBytesPerSecond(), fetchPlanQuota),
                cluster.plan(), limits, instant(clock.millis())));
    }

    /** {@code reported}, or {@code fallback} when the gateway reported none (0). */
    private static long orElse(long reported, long fallback) {
        return reported > 0 ? reported : fallback;
    }

    private ClusterView view(LogicalCluster cluster) {
        return new ClusterView(cluster.id().value(), cluster.name(), cluster.plan(),
                cluster.state().name().toLowerCase(Locale.ROOT), cluster.cell(), settings.gatewayBootstrap(),
                tenants.planOf(cluster).limits(), instant(cluster.createdAtMs()));
    }

    private ApiKeyView view(ApiKey key) {
        return new ApiKeyView(key.key(), key.cluster().value(), key.description(), instant(key.createdAtMs()));
    }

    /** The parsed body, or null when there is none. */
    private <T> T body(Context ctx, Class<T> type) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return null;
        }
        try {
            return json.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw new BadRequest("malformed JSON body: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new BadRequest("unreadable body");
        }
    }

    private static int statusOf(TenantRequestException.Reason reason) {
        return switch (reason) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNKNOWN_PLAN -> 422;
            case BACKING_UNAVAILABLE -> 503;
        };
    }

    private void fail(Context ctx, int status, String error, String message) {
        ctx.attribute(HANDLED, Boolean.TRUE);
        ctx.status(status).json(new ApiViews.ErrorView(error, message));
    }

    private void unlessHandled(Context ctx, int status, String error, String message) {
        if (ctx.attribute(HANDLED) == null) {
            fail(ctx, status, error, message);
        }
    }

    private static String instant(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }

    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    private static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(message);
        }
    }
}
