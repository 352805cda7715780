package io.kondo.bench;

import java.util.Arrays;
import java.util.Locale;

/** The report's units (MiB = 2^20 bytes, GiB = 2^30 bytes) and its number formats. */
final class Units {

    static final double MIB = 1024.0 * 1024.0;
    static final double GIB = MIB * 1024.0;

    private Units() {
    }

    static double mibPerSecond(long bytes, long nanos) {
        return bytes / MIB / (nanos / 1e9);
    }

    /** CPU seconds per GiB of record values moved. */
    static double cpuSecondsPerGib(long cpuNanos, long bytes) {
        return (cpuNanos / 1e9) / (bytes / GIB);
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String signed(double value, int decimals) {
        return String.format(Locale.ROOT, "%+." + decimals + "f", value);
    }
}
