package io.kondo.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kondo.controlplane.backing.BackingCluster;
import io.kondo.controlplane.http.ControlPlaneServer;
import io.kondo.controlplane.http.ControlPlaneSettings;
import io.kondo.controlplane.tenants.TenantOperations;
import io.kondo.controlplane.tenants.TenantStorage;
import io.kondo.controlplane.tenants.TenantTraffic;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.metadata.TenantMetadataStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** One control plane (store, backing admin, HTTP server) wired as the app wires it, plus an HTTP client. */
final class ControlPlaneFixture implements AutoCloseable {

    static final String TOKEN = "test-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    final TenantMetadataStore store;
    final BackingCluster backing;
    final ControlPlaneServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ControlPlaneFixture(Map<String, Object> backingProperties, String metadataTopic) {
        this(backingProperties, metadataTopic, TenantTraffic.NONE, TenantStorage.NONE);
    }

    /** With what the gateway and the storage loop would report, as the app wires them. */
    ControlPlaneFixture(Map<String, Object> backingProperties, String metadataTopic, TenantTraffic traffic,
                        TenantStorage storage) {
        Duration timeout = Duration.ofSeconds(8);
        store = TenantMetadataStore.open(backingProperties, metadataTopic, timeout);
        backing = new BackingCluster(backingProperties, Duration.ofSeconds(5));
        TenantOperations tenants = new TenantOperations(store, backing, PlanCatalog.defaults(), "cell-0",
                Clock.systemUTC(), new SecureRandom());
        server = new ControlPlaneServer(new ControlPlaneSettings("127.0.0.1", 0, TOKEN, "127.0.0.1:9092"),
                tenants, backing, traffic, storage, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                Clock.systemUTC());
        server.start();
    }

    record Response(int status, JsonNode body, String text) {
    }

    Response call(String method, String path, String body) {
        return call(method, path, body, TOKEN);
    }

    Response call(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    && !response.body().isEmpty()) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        backing.close();
        store.close();
    }
}
