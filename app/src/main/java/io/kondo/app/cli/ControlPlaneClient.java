package io.kondo.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The CLI's HTTP client for the control plane's REST API. */
final class ControlPlaneClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ControlPlaneClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A call's outcome: the status and the parsed JSON body (null when there is none). */
    record Result(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The API's error message, or the status when the body has none. */
        String errorMessage() {
            if (body != null && body.hasNonNull("message")) {
                return body.get("message").asText() + " (HTTP " + status + ")";
            }
            return "HTTP " + status;
        }
    }

    Result call(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Result(response.statusCode(), json);
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot reach the control plane at " + base + " (is `kondo up` running?)", e);
        } catch (IOException e) {
            throw new IllegalStateException("call to the control plane at " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            return String.valueOf(node);
        }
    }
}
