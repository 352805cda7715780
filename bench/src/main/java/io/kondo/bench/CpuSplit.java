package io.kondo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Processors given to the brokers alone, the others to the benchmark process (its clients and the
 * gateway), set with {@code taskset(1)} once the brokers run.
 *
 * <p>Why: on a host of two processors the gateway's CPU is otherwise taken from the brokers', so at
 * replication factor 3 the benchmark measures the contention for processors rather than what a
 * gateway on its own hosts costs the brokers' throughput. Placed apart, the brokers are the
 * bottleneck, as the setting intends, and the clients and gateway share the other processors.
 *
 * @param brokers processors of the brokers, as {@code taskset} lists them ({@code 1}, {@code 2-3}, {@code 0,2})
 * @param others  every other processor of the host, for the benchmark process
 */
record CpuSplit(String brokers, String others) {

    private static final Pattern CPU_LIST = Pattern.compile("\\d{1,4}(-\\d{1,4})?(,\\d{1,4}(-\\d{1,4})?)*");
    private static final long TASKSET_TIMEOUT_SECONDS = 10;

    /** Splits {@code processors} (0 .. processors-1) into the listed broker processors and the rest; both must be non-empty. */
    static CpuSplit of(String brokerCpus, int processors) {
        if (!CPU_LIST.matcher(brokerCpus).matches()) {
            throw new IllegalArgumentException("--broker-cpus takes a processor list such as 1 or 2-3 or 0,2, was '"
                    + brokerCpus + "'");
        }
        BitSet brokers = new BitSet();
        for (String part : brokerCpus.split(",")) {
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
            if (from > to || to >= processors) {
                throw new IllegalArgumentException("--broker-cpus " + brokerCpus + ": processor " + part
                        + " is not among this host's 0-" + (processors - 1));
            }
            brokers.set(from, to + 1);
        }
        BitSet others = new BitSet();
        others.set(0, processors);
        others.andNot(brokers);
        if (others.isEmpty()) {
            throw new IllegalArgumentException("--broker-cpus " + brokerCpus + " leaves no processor for the clients and"
                    + " the gateway");
        }
        return new CpuSplit(list(brokers), list(others));
    }

    private static String list(BitSet cpus) {
        return cpus.stream().mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** Pins every thread of each broker process to {@link #brokers} and every thread of this process to {@link #others}. */
    void apply(List<ProcessHandle> brokerProcesses) throws IOException, InterruptedException {
        for (ProcessHandle broker : brokerProcesses) {
            pin(broker.pid(), brokers);
        }
        pin(ProcessHandle.current().pid(), others);
    }

    /** {@code taskset -a -p -c LIST PID}: all of the process's threads; threads started later inherit it. */
    private static void pin(long pid, String cpus) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                .redirectErrorStream(true).start();
        if (!taskset.waitFor(TASKSET_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            taskset.destroyForcibly();
            throw new IOException("taskset did not finish within " + TASKSET_TIMEOUT_SECONDS + " s");
        }
        String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (taskset.exitValue() != 0) {
            throw new IOException("taskset -a -p -c " + cpus + " " + pid + " failed (exit " + taskset.exitValue() + "): "
                    + output);
        }
    }

    @Override
    public String toString() {
        return "brokers on processors " + brokers + ", clients and gateway on " + others;
    }
}
