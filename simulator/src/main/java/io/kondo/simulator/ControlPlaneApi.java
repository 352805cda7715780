package io.kondo.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The control plane's REST API as the simulator uses it (DESIGN.md, "The outside contract"): create
 * a logical cluster and an API key, delete it, check health. Calls that fail because the control
 * plane is unreachable or answers 5xx (it may be restarting: that is one of the faults) are retried
 * until {@code patience} has passed; other errors fail at once with the API's message.
 */
final class ControlPlaneApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;
    private final Duration patience;
    private final LongSupplier nowMs;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ControlPlaneApi(URI base, String token, Duration patience, LongSupplier nowMs) {
        this.base = base;
        this.token = token;
        this.patience = patience;
        this.nowMs = nowMs;
    }

    /** Creates a logical cluster ({@code plan} null: the catalog's default) and one API key for it. */
    TenantAccount createTenant(String name, String plan) throws InterruptedException {
        ObjectNode body = json.createObjectNode().put("name", name);
        if (plan != null) {
            body.put("plan", plan);
        }
        JsonNode cluster = call("POST", "v1/clusters", body.toString(), 201);
        String id = cluster.path("id").asText();
        JsonNode key = call("POST", "v1/clusters/" + id + "/api-keys",
                json.createObjectNode().put("description", "kondo sim").toString(), 201);
        JsonNode limits = cluster.path("limits");
        return new TenantAccount(id, cluster.path("name").asText(), cluster.path("plan").asText(), key.path("key").asText(),
                key.path("secret").asText(), limits.path("produce_bytes_per_second").asLong(),
                limits.path("consume_bytes_per_second").asLong(), limits.path("max_message_bytes").asInt(),
                limits.path("max_connections").asInt());
    }

    void deleteTenant(String id) throws InterruptedException {
        call("DELETE", "v1/clusters/" + id, null, 204);
    }

    /** Whether {@code GET /v1/health} answers 200 right now (no retry). */
    boolean healthy() throws InterruptedException {
        try {
            return http.send(request("GET", "v1/health", null), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private JsonNode call(String method, String path, String body, int expected) throws InterruptedException {
        long deadline = nowMs.getAsLong() + patience.toMillis();
        long backoffMs = 200;
        while (true) {
            String failure;
            try {
                HttpResponse<String> response = http.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    return response.body().isEmpty() ? json.createObjectNode() : json.readTree(response.body());
                }
                failure = method + " /" + path + " answered " + response.statusCode() + ": " + message(response.body());
                if (response.statusCode() < 500) {
                    throw new ControlPlaneException(failure);
                }
            } catch (IOException e) {
                failure = method + " /" + path + " failed: " + e;
            }
            if (nowMs.getAsLong() + backoffMs > deadline) {
                throw new ControlPlaneException(failure + " (gave up after " + Notation.format(patience) + ")");
            }
            Thread.sleep(backoffMs);
            backoffMs = Math.min(2_000, backoffMs * 2);
        }
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private String message(String body) {
        try {
            JsonNode error = json.readTree(body);
            return error.path("message").asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    /** The control plane refused a request or stayed unreachable. */
    static final class ControlPlaneException extends RuntimeException {
        ControlPlaneException(String message) {
            super(message);
        }
    }
}
