package io.kondo.bench.quota;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Reads a client's own totals, such as the bytes it sent or received on every connection. */
final class ClientMetrics {

    private ClientMetrics() {
    }

    /** The value of the metric {@code name} in {@code group} (no further tags), or NaN if the client has none. */
    static double value(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        for (Map.Entry<MetricName, ? extends Metric> entry : metrics.entrySet()) {
            MetricName metric = entry.getKey();
            if (metric.group().equals(group) && metric.name().equals(name) && metric.tags().keySet().stream()
                    .allMatch("client-id"::equals)) {
                Object value = entry.getValue().metricValue();
                return value instanceof Number ? ((Number) value).doubleValue() : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /** Bytes a producer has sent to every server (requests, including their headers). */
    static double producerBytesSent(Map<MetricName, ? extends Metric> metrics) {
        return value(metrics, "producer-metrics", "outgoing-byte-total");
    }

    /** Bytes a consumer has received from every server (responses, including their headers). */
    static double consumerBytesReceived(Map<MetricName, ? extends Metric> metrics) {
        return value(metrics, "consumer-metrics", "incoming-byte-total");
    }
}
