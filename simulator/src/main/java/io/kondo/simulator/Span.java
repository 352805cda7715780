package io.kondo.simulator;

import java.util.SplittableRandom;

/**
 * A closed range {@code [min, max]} a tenant's setting is drawn from, uniformly, once per tenant
 * ({@code min == max} for a fixed value).
 */
public record Span(double min, double max) {

    public Span {
        if (!(min >= 0) || !(max >= min) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("a range needs 0 <= min <= max, got [" + min + ", " + max + "]");
        }
    }

    public static Span of(double value) {
        return new Span(value, value);
    }

    double draw(SplittableRandom random) {
        return min == max ? min : min + random.nextDouble() * (max - min);
    }

    int drawInt(SplittableRandom random) {
        return (int) Math.round(draw(random));
    }
}
