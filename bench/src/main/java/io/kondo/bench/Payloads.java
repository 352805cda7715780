package io.kondo.bench;

import java.util.Random;

/** A fixed pool of random record values from a fixed seed, so every run sends the same bytes. */
final class Payloads {

    private final byte[][] pool;
    private final int recordBytes;

    Payloads(long seed, int recordBytes, int poolSize) {
        Random random = new Random(seed);
        this.recordBytes = recordBytes;
        this.pool = new byte[poolSize][recordBytes];
        for (byte[] value : pool) {
            random.nextBytes(value);
        }
    }

    /** The value of the {@code index}-th record of a run. */
    byte[] get(long index) {
        return pool[(int) (index % pool.length)];
    }

    int recordBytes() {
        return recordBytes;
    }
}
