package io.kondo.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Send-to-acknowledgement latencies, in microseconds. Written by a producer's I/O thread and read
 * by another once the run or window it covers is over; synchronized, so a reader never sees a
 * half-grown array (uncontended in practice: one writer, one late reader).
 */
public final class LatencyRecorder {

    private int[] micros = new int[1 << 14];
    private int count;

    public synchronized void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, micros.length * 2);
        }
        micros[count++] = (int) Math.min(Integer.MAX_VALUE, nanos / 1_000);
    }

    public synchronized int count() {
        return count;
    }

    private synchronized int[] copy() {
        return Arrays.copyOf(micros, count);
    }

    public Percentiles percentiles() {
        return Percentiles.of(copy());
    }

    /** The latencies of several runs or windows together. */
    public static Percentiles pooled(Collection<LatencyRecorder> recorders) {
        return Percentiles.of(recorders.stream().map(LatencyRecorder::copy).flatMapToInt(Arrays::stream).toArray());
    }

    /**
     * Latency percentiles in milliseconds.
     *
     * @param count how many latencies they summarise
     */
    public record Percentiles(int count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

        static Percentiles of(int[] micros) {
            if (micros.length == 0) {
                throw new IllegalStateException("no acknowledged records to take latencies from");
            }
            Arrays.sort(micros);
            return new Percentiles(micros.length, at(micros, 0.50), at(micros, 0.99), at(micros, 0.999),
                    micros[micros.length - 1] / 1_000.0);
        }

        /** Nearest-rank percentile. */
        private static double at(int[] sorted, double quantile) {
            int rank = (int) Math.ceil(quantile * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1_000.0;
        }
    }
}
