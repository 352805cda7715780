package io.kondo.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tenants added step by step: {@code initial} at the start, then {@code step} more every
 * {@code every}, until the run's tenant count is reached.
 */
public record Ramp(int initial, int step, Duration every) {

    private static final Pattern FORM = Pattern.compile("(\\d+)?\\+(\\d+)/(.+)");

    public Ramp {
        Objects.requireNonNull(every, "every");
        if (initial < 1 || step < 1) {
            throw new IllegalArgumentException("a ramp starts with at least 1 tenant and adds at least 1, got " + initial + " and " + step);
        }
        if (every.toMillis() < 1_000) {
            throw new IllegalArgumentException("a ramp step must last at least 1s, got " + every.toMillis() + "ms");
        }
    }

    /** {@code +10/30s} (start with 10, add 10 every 30 s) or {@code 5+10/30s} (start with 5). */
    public static Ramp parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("a ramp is written +STEP/EVERY or INITIAL+STEP/EVERY, e.g. +10/30s, got '" + text + "'");
        }
        int step = Integer.parseInt(m.group(2));
        int initial = m.group(1) == null ? step : Integer.parseInt(m.group(1));
        return new Ramp(initial, step, Notation.duration(m.group(3), "the ramp's step time"));
    }

    /** How many tenants should be active {@code elapsedMs} into the run, at most {@code tenants}. */
    public int tenantsAt(long elapsedMs, int tenants) {
        long steps = elapsedMs < 0 ? 0 : elapsedMs / every.toMillis();
        return (int) Math.min(tenants, initial + steps * step);
    }

    /** When the last tenant is added. */
    public Duration fullAt(int tenants) {
        if (tenants <= initial) {
            return Duration.ZERO;
        }
        long steps = (tenants - initial + step - 1) / step;
        return every.multipliedBy(steps);
    }

    @Override
    public String toString() {
        return initial + "+" + step + "/" + Notation.format(every);
    }
}
