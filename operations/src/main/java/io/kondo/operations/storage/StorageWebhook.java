package io.kondo.operations.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.kondo.core.quota.StorageQuota;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs storage events as JSON to the operator's webhook. Deliveries run one at a time, in order,
 * on a sender thread of their own behind a bounded queue: the loop only enqueues, so a slow or
 * dead receiver never delays a check. A full queue drops the event; a failed delivery (connection
 * error, timeout, non-2xx answer) is not retried. Both are logged and counted in
 * {@code kondo.storage.webhook.deliveries{outcome}} — the log and the metrics keep every event.
 *
 * <p>The URL is logged by host only: webhook URLs often carry their secret in the path.
 */
final class StorageWebhook implements AutoCloseable {

    /** Connect and response timeout of one delivery. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Events waiting for delivery at most; more are dropped. */
    static final int QUEUE_CAPACITY = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StorageWebhook.class);
    private static final String DELIVERIES = "kondo.storage.webhook.deliveries";

    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ThreadPoolExecutor sender;
    private final ObjectMapper json = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    private final Counter delivered;
    private final Counter failed;
    private final Counter dropped;

    /** The JSON body of one event. */
    record Payload(String kind, String clusterId, String plan, String state, String message, long storedBytes,
                   long quotaBytes, long hardCapBytes, Long produceCapBytesPerSecond, String occurredAt) {
    }

    StorageWebhook(URI url, MeterRegistry metrics) {
        this.url = url;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                runnable -> {
                    Thread thread = new Thread(runnable, "kondo-storage-webhook");
                    thread.setDaemon(true);
                    return thread;
                });
        this.delivered = outcome(metrics, "delivered");
        this.failed = outcome(metrics, "failed");
        this.dropped = outcome(metrics, "dropped");
    }

    /** Queues the event for delivery; returns at once. */
    void publish(StorageQuota.Event event, StorageStanding standing) {
        byte[] body = body(payload(event, standing));
        try {
            sender.execute(() -> deliver(body, standing, event.kind()));
        } catch (RejectedExecutionException e) {
            dropped.increment();
            LOG.warn("Storage webhook event dropped, deliveries are behind: tenant={} kind={} queued={} webhook_host={}",
                    standing.tenant(), kind(event.kind()), QUEUE_CAPACITY, url.getHost());
        }
    }

    static Payload payload(StorageQuota.Event event, StorageStanding standing) {
        return new Payload(kind(event.kind()), standing.tenant().value(), standing.plan(),
                standing.state().name().toLowerCase(Locale.ROOT), event.message(), standing.storedBytes(),
                standing.quotaBytes(), standing.hardCapBytes(),
                standing.produceCapBytesPerSecond().isPresent() ? standing.produceCapBytesPerSecond().getAsLong() : null,
                Instant.ofEpochMilli(standing.checkedAtMs()).toString());
    }

    static String kind(StorageQuota.EventKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private void deliver(byte[] body, StorageStanding standing, StorageQuota.EventKind kind) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                delivered.increment();
                return;
            }
            failed.increment();
            LOG.warn("Storage webhook refused an event: tenant={} kind={} status={} webhook_host={}",
                    standing.tenant(), kind(kind), status, url.getHost());
        } catch (IOException e) {
            failed.increment();
            LOG.warn("Storage webhook unreachable: tenant={} kind={} webhook_host={} reason={}",
                    standing.tenant(), kind(kind), url.getHost(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.increment();
        }
    }

    private byte[] body(Payload payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Counter outcome(MeterRegistry metrics, String outcome) {
        return Counter.builder(DELIVERIES).tag("outcome", outcome)
                .description("Storage events sent to the webhook, by outcome").register(metrics);
    }

    /** Gives queued deliveries up to one timeout to finish, then abandons the rest. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                sender.shutdownNow();
            }
        } catch (InterruptedException e) {
            sender.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
