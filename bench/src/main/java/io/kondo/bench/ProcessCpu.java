package io.kondo.bench;

import java.lang.management.ManagementFactory;

/** CPU time of this JVM: the benchmark clients and, on the gateway route, the gateway. */
final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** CPU nanoseconds used by this process so far, all threads, user and system. */
    static long nanos() {
        return OS.getProcessCpuTime();
    }

    /** The one-minute system load average, or a negative number where unavailable. */
    static double loadAverage() {
        return OS.getSystemLoadAverage();
    }
}
