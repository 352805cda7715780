package io.kondo.simulator;

import java.util.SplittableRandom;

/** How the sizes of a tenant's message values are distributed; drawn once per message. */
public sealed interface SizeDistribution {

    /** Every message is {@code bytes} long. */
    record Fixed(int bytes) implements SizeDistribution {
        public Fixed {
            SizeDistribution.check("bytes", bytes);
        }
    }

    /** Uniform between {@code min} and {@code max} bytes. */
    record Uniform(int min, int max) implements SizeDistribution {
        public Uniform {
            SizeDistribution.check("min", min);
            SizeDistribution.check("max", max);
            if (max < min) {
                throw new IllegalArgumentException("size max " + max + " is below min " + min);
            }
        }
    }

    /**
     * Log-normal around {@code median} bytes with shape {@code sigma}, clamped to {@code [min, max]}:
     * most messages small, a long tail of large ones, as real payloads are.
     */
    record LogNormal(int median, double sigma, int min, int max) implements SizeDistribution {
        public LogNormal {
            SizeDistribution.check("median", median);
            SizeDistribution.check("min", min);
            SizeDistribution.check("max", max);
            if (!(sigma >= 0 && sigma <= 4)) {
                throw new IllegalArgumentException("size sigma must be between 0 and 4, got " + sigma);
            }
            if (!(min <= median && median <= max)) {
                throw new IllegalArgumentException("size needs min <= median <= max, got " + min + ", " + median + ", " + max);
            }
        }
    }

    /** Smallest message value: room for the simulator's header. */
    int MIN_BYTES = MessageHeader.BYTES;
    /** Largest message value the simulator sends (the default plans allow 1 MiB and more). */
    int MAX_BYTES = 1024 * 1024 - 1024;

    /** The next message's size in bytes. */
    default int draw(SplittableRandom random) {
        if (this instanceof Fixed f) {
            return f.bytes();
        }
        if (this instanceof Uniform u) {
            return u.min() + random.nextInt(u.max() - u.min() + 1);
        }
        LogNormal l = (LogNormal) this;
        double size = l.median() * Math.exp(l.sigma() * gaussian(random));
        return (int) Math.max(l.min(), Math.min(l.max(), Math.round(size)));
    }

    /** The mean size, for turning a byte rate into a message rate (noisy tenants). */
    default double mean() {
        if (this instanceof Fixed f) {
            return f.bytes();
        }
        if (this instanceof Uniform u) {
            return (u.min() + u.max()) / 2.0;
        }
        LogNormal l = (LogNormal) this;
        double unclamped = l.median() * Math.exp(l.sigma() * l.sigma() / 2);
        return Math.max(l.min(), Math.min(l.max(), unclamped));
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static void check(String name, int bytes) {
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw new IllegalArgumentException("size " + name + " must be between " + MIN_BYTES + " and " + MAX_BYTES
                    + " bytes, got " + bytes);
        }
    }
}
