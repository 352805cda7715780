package io.kondo.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to simulate. A run is bounded: it stops at {@code duration}, or once {@code messageBudget}
 * messages are sent, whichever comes first, and never later than {@code maxDuration}.
 *
 * @param tenants          simulated tenants (logical clusters) to create, 1..{@value #MAX_TENANTS}
 * @param duration         how long producers send; empty when only a message budget bounds the run
 * @param messageBudget    total messages to send across all tenants; empty for no budget
 * @param maxDuration      hard bound on the sending phase of a budget-bounded run
 * @param ramp             tenants added step by step; empty adds all at the start
 * @param mix              the usage profiles
 * @param faults           failures to inject
 * @param seed             makes tenants' drawn settings and message sizes repeatable
 * @param defaultPlan      plan of tenants whose profile names none; empty means the catalog's default
 * @param keepTenants      leave the created logical clusters in place at the end
 * @param drainTimeout     after sending stops, how long consumers may take to read every acknowledged message
 * @param sampleInterval   timeline resolution
 * @param progressInterval how often a progress line is printed
 * @param namePrefix       logical clusters are named {@code <prefix>-<run tag>-<index>}
 */
public record SimulationPlan(int tenants, Optional<Duration> duration, OptionalLong messageBudget, Duration maxDuration,
                             Optional<Ramp> ramp, ProfileMix mix, List<FaultSpec> faults, long seed,
                             Optional<String> defaultPlan, boolean keepTenants, Duration drainTimeout,
                             Duration sampleInterval, Duration progressInterval, String namePrefix) {

    public static final int MAX_TENANTS = 1_000;
    public static final Duration MAX_DURATION = Duration.ofHours(24);
    public static final long MAX_MESSAGES = 10_000_000_000L;
    static final int MAX_FAULTS = 50;

    public SimulationPlan {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(messageBudget, "messageBudget");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(ramp, "ramp");
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(defaultPlan, "defaultPlan");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(sampleInterval, "sampleInterval");
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(namePrefix, "namePrefix");
        faults = List.copyOf(faults);
        if (tenants < 1 || tenants > MAX_TENANTS) {
            throw new IllegalArgumentException("tenants must be between 1 and " + MAX_TENANTS + ", got " + tenants);
        }
        if (duration.isEmpty() && messageBudget.isEmpty()) {
            throw new IllegalArgumentException("a simulation needs a duration or a message budget (or both)");
        }
        duration.ifPresent(d -> {
            if (d.toMillis() < 1_000 || d.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("duration must be between 1s and 24h, got " + Notation.format(d));
            }
        });
        if (maxDuration.toMillis() < 1_000 || maxDuration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("max duration must be between 1s and 24h, got " + Notation.format(maxDuration));
        }
        if (messageBudget.isPresent() && (messageBudget.getAsLong() < 1 || messageBudget.getAsLong() > MAX_MESSAGES)) {
            throw new IllegalArgumentException("the message budget must be between 1 and " + MAX_MESSAGES);
        }
        if (faults.size() > MAX_FAULTS) {
            throw new IllegalArgumentException("at most " + MAX_FAULTS + " faults per run");
        }
        Duration sending = sendingBound(duration, maxDuration);
        for (FaultSpec fault : faults) {
            if (fault.at().compareTo(sending) >= 0) {
                throw new IllegalArgumentException("fault " + fault.describe() + " starts after the run stops sending ("
                        + Notation.format(sending) + ")");
            }
            fault.tenant().ifPresent(t -> {
                if (t < 0 || t >= tenants) {
                    throw new IllegalArgumentException("fault " + fault.describe() + " names tenant " + t
                            + "; tenants are 0.." + (tenants - 1));
                }
            });
        }
        if (drainTimeout.isNegative() || drainTimeout.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("drain timeout must be between 0 and 30m");
        }
        if (sampleInterval.toMillis() < 100 || progressInterval.toMillis() < 100) {
            throw new IllegalArgumentException("sample and progress intervals must be at least 100ms");
        }
        if (!namePrefix.matches("[a-z0-9][a-z0-9-]{0,19}")) {
            throw new IllegalArgumentException("name prefix must be 1-20 lowercase letters, digits or '-', got '" + namePrefix + "'");
        }
    }

    /** How long producers may send at most. */
    public Duration sendingBound() {
        return sendingBound(duration, maxDuration);
    }

    private static Duration sendingBound(Optional<Duration> duration, Duration maxDuration) {
        return duration.filter(d -> d.compareTo(maxDuration) < 0).orElse(maxDuration);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: 50 tenants, 2 minutes, the default profile mix, no ramp, no faults, seed 1. */
    public static final class Builder {
        private int tenants = 50;
        private Duration duration = Duration.ofMinutes(2);
        private Long messageBudget;
        private Duration maxDuration = Duration.ofHours(1);
        private Ramp ramp;
        private ProfileMix mix;
        private final List<FaultSpec> faults = new ArrayList<>();
        private long seed = 1;
        private String defaultPlan;
        private boolean keepTenants;
        private Duration drainTimeout = Duration.ofSeconds(90);
        private Duration sampleInterval = Duration.ofSeconds(1);
        private Duration progressInterval = Duration.ofSeconds(5);
        private String namePrefix = "sim";

        public Builder tenants(int tenants) {
            this.tenants = tenants;
            return this;
        }

        /** Null: no time bound (then a message budget is needed). */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /** Null: no message budget. */
        public Builder messageBudget(Long messages) {
            this.messageBudget = messages;
            return this;
        }

        public Builder maxDuration(Duration maxDuration) {
            this.maxDuration = maxDuration;
            return this;
        }

        public Builder ramp(Ramp ramp) {
            this.ramp = ramp;
            return this;
        }

        public Builder mix(ProfileMix mix) {
            this.mix = mix;
            return this;
        }

        public Builder fault(FaultSpec fault) {
            this.faults.add(fault);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder defaultPlan(String plan) {
            this.defaultPlan = plan;
            return this;
        }

        public Builder keepTenants(boolean keep) {
            this.keepTenants = keep;
            return this;
        }

        public Builder drainTimeout(Duration drainTimeout) {
            this.drainTimeout = drainTimeout;
            return this;
        }

        public Builder sampleInterval(Duration interval) {
            this.sampleInterval = interval;
            return this;
        }

        public Builder progressInterval(Duration interval) {
            this.progressInterval = interval;
            return this;
        }

        public Builder namePrefix(String prefix) {
            this.namePrefix = prefix;
            return this;
        }

        public SimulationPlan build() {
            return new SimulationPlan(tenants, Optional.ofNullable(duration),
                    messageBudget == null ? OptionalLong.empty() : OptionalLong.of(messageBudget), maxDuration,
                    Optional.ofNullable(ramp), mix == null ? ProfileMix.defaults() : mix, faults, seed,
                    Optional.ofNullable(defaultPlan), keepTenants, drainTimeout, sampleInterval, progressInterval, namePrefix);
        }
    }
}
