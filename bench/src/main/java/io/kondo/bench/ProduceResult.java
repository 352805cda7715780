package io.kondo.bench;

/**
 * What one produce run achieved.
 *
 * @param records      records acknowledged
 * @param bytes        record value bytes acknowledged
 * @param elapsedNanos from the first send to the end of the final flush
 * @param cpu          CPU time over the same interval: this process's and the gateway threads'
 * @param recordsPerRequest the producer's average of records per produce request
 * @param latencies    send-to-acknowledgement latency of every acknowledged record
 */
record ProduceResult(long records, long bytes, long elapsedNanos, ProcessCpu.Snapshot cpu, double recordsPerRequest,
                     LatencyRecorder latencies) {

    double mibPerSecond() {
        return Units.mibPerSecond(bytes, elapsedNanos);
    }

    double recordsPerSecond() {
        return records * 1e9 / elapsedNanos;
    }
}
