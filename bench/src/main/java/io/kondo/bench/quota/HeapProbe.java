package io.kondo.bench.quota;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap in use after full collections, read from the {@link MemoryMXBean}. */
final class HeapProbe {

    private static final int COLLECTIONS = 4;
    private static final long PAUSE_MS = 300;

    private HeapProbe() {
    }

    /**
     * Runs {@code System.gc()} (a full collection with G1 unless explicit GCs are made concurrent)
     * a few times, a short pause apart, and returns the least heap used seen right after one: what
     * is still reachable, with the least of what the running load allocated in between.
     */
    static long usedAfterFullGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
            Thread.sleep(PAUSE_MS);
        }
        return least;
    }

    /** Heap in use now, without collecting. */
    static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
