package io.kondo.bench;

import java.util.DoubleSummaryStatistics;

/** The machine's one-minute load average, sampled after every run, to tell a quiet machine from a shared one. */
final class LoadWatch {

    private final DoubleSummaryStatistics samples = new DoubleSummaryStatistics();

    /** Samples the load average now and returns it. */
    double sample() {
        double load = ProcessCpu.loadAverage();
        if (load >= 0) {
            samples.accept(load);
        }
        return load;
    }

    double min() {
        return samples.getCount() == 0 ? -1 : samples.getMin();
    }

    double max() {
        return samples.getCount() == 0 ? -1 : samples.getMax();
    }

    double average() {
        return samples.getCount() == 0 ? -1 : samples.getAverage();
    }
}
