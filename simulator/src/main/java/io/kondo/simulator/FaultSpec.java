package io.kondo.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One failure to inject, {@code at} into the run, lasting {@code duration}.
 *
 * @param broker      for broker-restart: the node id (empty: the platform's last broker)
 * @param tenant      for noisy-tenant and connection-storm: the tenant index, 0-based (empty: the lowest index running)
 * @param connections for connection-storm: how many connections are opened at once
 * @param factor      for noisy-tenant: the multiple of its produce quota the tenant sends at
 */
public record FaultSpec(FaultKind kind, Duration at, Duration duration, OptionalInt broker, OptionalInt tenant,
                        int connections, double factor) {

    static final int MAX_STORM_CONNECTIONS = 2_000;
    static final Duration MAX_FAULT_DURATION = Duration.ofHours(1);

    public FaultSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(tenant, "tenant");
        if (at.isNegative() || duration.isNegative() || duration.compareTo(MAX_FAULT_DURATION) > 0) {
            throw new IllegalArgumentException(kind.label() + ": time and duration must be between 0 and 1h");
        }
        if (connections < 1 || connections > MAX_STORM_CONNECTIONS) {
            throw new IllegalArgumentException(kind.label() + ": connections must be between 1 and " + MAX_STORM_CONNECTIONS);
        }
        if (!(factor >= 1 && factor <= 100)) {
            throw new IllegalArgumentException(kind.label() + ": factor must be between 1 and 100");
        }
    }

    /**
     * {@code KIND@AT[+FOR][,key=value...]}, e.g. {@code broker-restart@60s}, {@code broker-restart@60s+30s,broker=2},
     * {@code noisy-tenant@30s+20s,tenant=3,factor=10}, {@code connection-storm@40s,connections=300}.
     */
    public static FaultSpec parse(String text) {
        String[] parts = (text == null ? "" : text.trim()).split(",");
        int atSign = parts[0].indexOf('@');
        if (atSign < 1) {
            throw new IllegalArgumentException("a fault is written KIND@AT[+FOR][,key=value...], e.g. broker-restart@60s, got '" + text + "'");
        }
        FaultKind kind = FaultKind.fromLabel(parts[0].substring(0, atSign));
        String when = parts[0].substring(atSign + 1);
        int plus = when.indexOf('+');
        Duration at = Notation.duration(plus < 0 ? when : when.substring(0, plus), kind.label() + " time");
        Duration duration = plus < 0 ? Duration.ofMillis(kind.defaultDurationMs())
                : Notation.duration(when.substring(plus + 1), kind.label() + " duration");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException(kind.label() + ": options are key=value, got '" + parts[i] + "'");
            }
            options.put(kv[0].trim(), kv[1].trim());
        }
        OptionalInt broker = intOption(options.remove("broker"), kind, "broker");
        OptionalInt tenant = intOption(options.remove("tenant"), kind, "tenant");
        int connections = intOption(options.remove("connections"), kind, "connections").orElse(200);
        double factor = options.containsKey("factor") ? Double.parseDouble(options.remove("factor")) : 10;
        if (!options.isEmpty()) {
            throw new IllegalArgumentException(kind.label() + ": unknown options " + options.keySet()
                    + " (known: broker, tenant, connections, factor)");
        }
        return new FaultSpec(kind, at, duration, broker, tenant, connections, factor);
    }

    private static OptionalInt intOption(String value, FaultKind kind, String name) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind.label() + ": " + name + " must be a whole number, got '" + value + "'");
        }
    }

    /** The canonical text form. */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.label()).append('@').append(Notation.format(at))
                .append('+').append(Notation.format(duration));
        broker.ifPresent(b -> text.append(",broker=").append(b));
        tenant.ifPresent(t -> text.append(",tenant=").append(t));
        if (kind == FaultKind.CONNECTION_STORM) {
            text.append(",connections=").append(connections);
        }
        if (kind == FaultKind.NOISY_TENANT) {
            text.append(",factor=").append(factor);
        }
        return text.toString();
    }
}
