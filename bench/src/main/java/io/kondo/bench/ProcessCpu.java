package io.kondo.bench;

import io.kondo.gateway.Gateway;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of this JVM (the benchmark clients and, on the gateway route, the gateway) and of the
 * gateway's I/O threads alone, which carry all of its connections.
 */
final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds used so far: by the whole process, and by the gateway's I/O threads. */
    record Snapshot(long processNanos, long gatewayNanos) {

        /** The CPU time used between {@code start} and this snapshot. */
        Snapshot since(Snapshot start) {
            return new Snapshot(processNanos - start.processNanos, gatewayNanos - start.gatewayNanos);
        }
    }

    private ProcessCpu() {
    }

    static Snapshot now() {
        return new Snapshot(OS.getProcessCpuTime(), gatewayThreadsNanos());
    }

    /**
     * CPU nanoseconds (user and system) used so far by the live gateway I/O threads. A gateway keeps
     * its threads until it closes, and each setting has one gateway, so differences within a run are
     * exact. Kernel work done for the gateway's sockets in other threads' context (loopback delivery)
     * is not in it, nor are the gateway's few background threads.
     */
    private static long gatewayThreadsNanos() {
        long total = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(Gateway.IO_THREADS)) {
                long nanos = THREADS.getThreadCpuTime(thread.getThreadId());
                total += Math.max(0, nanos);
            }
        }
        return total;
    }

    /** The one-minute system load average, or a negative number where unavailable. */
    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
