package io.kondo.app.config;

import io.kondo.gateway.CapacityLimits;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the backing cluster and the gateway carry for all tenants together ({@code capacity:} in
 * {@code kondo.yaml}, {@code KONDO_CAPACITY_*}). A setting left out keeps the gateway's default
 * ({@link CapacityLimits#defaults()}).
 *
 * @param produceBytesPerSecondPerBroker what tenants may produce to one backing broker; default unlimited
 * @param fetchBytesPerSecondPerBroker   what tenants may fetch from one backing broker; default unlimited
 * @param requestTimePercent             gateway thread time all tenants' requests may take, in percent of
 *                                       one thread; default 200 × processors
 * @param acceptsPerSecond               new connections accepted per second; default 200
 * @param acceptsPerSecondPerAddress     new connections accepted per second from one source address; default 20
 */
public record CapacityConfig(OptionalLong produceBytesPerSecondPerBroker, OptionalLong fetchBytesPerSecondPerBroker,
                             OptionalDouble requestTimePercent, OptionalDouble acceptsPerSecond,
                             OptionalDouble acceptsPerSecondPerAddress) {

    /** Nothing set: the gateway's defaults throughout. */
    public static final CapacityConfig DEFAULTS = new CapacityConfig(OptionalLong.empty(), OptionalLong.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    public CapacityConfig {
        Objects.requireNonNull(produceBytesPerSecondPerBroker, "produceBytesPerSecondPerBroker");
        Objects.requireNonNull(fetchBytesPerSecondPerBroker, "fetchBytesPerSecondPerBroker");
        Objects.requireNonNull(requestTimePercent, "requestTimePercent");
        Objects.requireNonNull(acceptsPerSecond, "acceptsPerSecond");
        Objects.requireNonNull(acceptsPerSecondPerAddress, "acceptsPerSecondPerAddress");
    }

    /**
     * {@code defaults} with what is set here in its place; the overload governor follows the request
     * time limit ({@link CapacityLimits#withRequestTimePercent}). Byte rates at or above
     * {@link CapacityLimits#UNLIMITED} count as unlimited.
     */
    public CapacityLimits applyTo(CapacityLimits defaults) {
        CapacityLimits limits = defaults.withBrokerBytes(
                bytes(produceBytesPerSecondPerBroker, defaults.produceBytesPerSecondPerBroker()),
                bytes(fetchBytesPerSecondPerBroker, defaults.fetchBytesPerSecondPerBroker()));
        limits = limits.withAccepts(acceptsPerSecond.orElse(defaults.acceptsPerSecond()),
                acceptsPerSecondPerAddress.orElse(defaults.acceptsPerSecondPerAddress()));
        return requestTimePercent.isPresent() ? limits.withRequestTimePercent(requestTimePercent.getAsDouble()) : limits;
    }

    @Override
    public String toString() {
        return "CapacityConfig[produceBytesPerSecondPerBroker=" + text(produceBytesPerSecondPerBroker)
                + ", fetchBytesPerSecondPerBroker=" + text(fetchBytesPerSecondPerBroker)
                + ", requestTimePercent=" + text(requestTimePercent) + ", acceptsPerSecond=" + text(acceptsPerSecond)
                + ", acceptsPerSecondPerAddress=" + text(acceptsPerSecondPerAddress) + "]";
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "default";
    }

    private static String text(OptionalDouble value) {
        return value.isPresent() ? Double.toString(value.getAsDouble()) : "default";
    }

    private static long bytes(OptionalLong setting, long fallback) {
        return setting.isPresent() ? Math.min(setting.getAsLong(), CapacityLimits.UNLIMITED) : fallback;
    }
}
