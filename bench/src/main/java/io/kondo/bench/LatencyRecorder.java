package io.kondo.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Send-to-acknowledgement latencies of one produce run, in microseconds. One writer (the
 * producer's I/O thread); read only after the producer was flushed.
 */
final class LatencyRecorder {

    private int[] micros = new int[1 << 16];
    private int count;

    void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, micros.length * 2);
        }
        micros[count++] = (int) Math.min(Integer.MAX_VALUE, nanos / 1_000);
    }

    int count() {
        return count;
    }

    Percentiles percentiles() {
        return Percentiles.of(Arrays.copyOf(micros, count));
    }

    /** The latencies of several runs together. */
    static Percentiles pooled(Collection<LatencyRecorder> recorders) {
        int[] all = new int[recorders.stream().mapToInt(LatencyRecorder::count).sum()];
        int at = 0;
        for (LatencyRecorder recorder : recorders) {
            System.arraycopy(recorder.micros, 0, all, at, recorder.count);
            at += recorder.count;
        }
        return Percentiles.of(all);
    }

    /**
     * Latency percentiles in milliseconds.
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

        /** Nearest-rank percentile. */
        private static double at(int[] sorted, double quantile) {
            int rank = (int) Math.ceil(quantile * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1_000.0;
        }
    }
}
