package io.kondo.bench;

/**
 * What one consume run achieved.
 *
 * @param records      records read
 * @param bytes        record value bytes read
 * @param elapsedNanos from the first poll to the last record
 * @param cpuNanos     this process's CPU time over the same interval
 */
record ConsumeResult(long records, long bytes, long elapsedNanos, long cpuNanos) {

    double mibPerSecond() {
        return Units.mibPerSecond(bytes, elapsedNanos);
    }

    double recordsPerSecond() {
        return records * 1e9 / elapsedNanos;
    }
}
