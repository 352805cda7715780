package io.kondo.bench.quota;

import java.util.Arrays;
import java.util.Collection;

/**
 * Send-to-acknowledgement latencies in microseconds. Written by a producer's I/O thread, read by
 * the main thread once the window it covers is over and its records are acknowledged; synchronized.
 */
final class LatencySamples {

    private int[] micros = new int[1 << 14];
    private int count;

    synchronized void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, micros.length * 2);
        }
        micros[count++] = (int) Math.min(Integer.MAX_VALUE, nanos / 1_000);
    }

    synchronized int count() {
        return count;
    }

    private synchronized int[] copy() {
        return Arrays.copyOf(micros, count);
    }

    Percentiles percentiles() {
        return Percentiles.of(copy());
    }

    /** The latencies of several windows together. */
    static Percentiles pooled(Collection<LatencySamples> windows) {
        int[] all = windows.stream().map(LatencySamples::copy).flatMapToInt(Arrays::stream).toArray();
        return Percentiles.of(all);
    }

    /**
     * Nearest-rank latency percentiles in milliseconds.
     *
     * @param count how many latencies they summarise
     */
    record Percentiles(int count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

        static Percentiles of(int[] micros) {
            if (micros.length == 0) {
                throw new IllegalStateException("no acknowledged records to take latencies from");
            }
            Arrays.sort(micros);
            return new Percentiles(micros.length, at(micros, 0.50), at(micros, 0.99), at(micros, 0.999),
                    micros[micros.length - 1] / 1_000.0);
        }

        private static double at(int[] sorted, double quantile) {
            int rank = (int) Math.ceil(quantile * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1_000.0;
        }
    }
}
