package io.kondo.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Errors counted by kind (the exception's simple name), at most {@value #MAX_KINDS} kinds, the rest as "other". */
final class ErrorTally {

    static final int MAX_KINDS = 32;

    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

    void add(Throwable error) {
        Throwable cause = error;
        // Kafka wraps the interesting error (e.g. a TimeoutException) in a KafkaException; report the innermost one.
        while (cause.getCause() != null && cause.getCause() != cause && cause.getClass().getSimpleName().equals("KafkaException")) {
            cause = cause.getCause();
        }
        add(cause.getClass().getSimpleName());
    }

    void add(String kind) {
        String key = byKind.size() >= MAX_KINDS && !byKind.containsKey(kind) ? "other" : kind;
        byKind.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    long total() {
        return byKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        byKind.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    void addAll(ErrorTally other) {
        other.byKind.forEach((k, v) -> byKind.computeIfAbsent(k, x -> new LongAdder()).add(v.sum()));
    }
}
