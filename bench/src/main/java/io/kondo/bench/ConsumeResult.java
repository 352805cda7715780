package io.kondo.bench;

/**
 * What one consume run achieved.
 *
 * @param records      records read
 * @param bytes        record value bytes read
 * @param elapsedNanos from the first poll to the last record
 * @param cpu          CPU time over the same interval: this process's and the gateway threads'
 */
record ConsumeResult(long records, long bytes, long elapsedNanos, ProcessCpu.Snapshot cpu) {

    double mibPerSecond() {
        return Units.mibPerSecond(bytes, elapsedNanos);
    }

    double recordsPerSecond() {
        return records * 1e9 / elapsedNanos;
    }
}
