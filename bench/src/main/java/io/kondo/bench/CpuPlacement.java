package io.kondo.bench;

import io.kondo.gateway.Gateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which processors run the brokers, the gateway and the clients, set with {@code taskset(1)}: the
 * brokers' processes once they run, this process (the clients) at the same time, and the gateway's
 * accept and I/O threads once each gateway starts.
 *
 * <p>Why: the gateway's CPU is taken from whatever shares its processors. Sharing with the brokers,
 * at replication factor 3 the benchmark measures the contention for processors rather than what a
 * gateway on hosts of its own costs the brokers' throughput; sharing with the clients, it measures
 * the clients' loss. With brokers, gateway and clients each on processors of their own (four or more
 * processors), each part has what it would have in production, where the gateway runs on its own hosts.
 * On two processors one of the parts must share: {@code --broker-cpus 1} puts the gateway with the
 * clients, {@code --broker-cpus 1 --gateway-cpus 1} with the brokers.
 *
 * @param brokers processors of the brokers, as {@code taskset} lists them ({@code 1}, {@code 2-3}, {@code 0,2})
 * @param gateway processors of the gateway's accept and I/O threads, which may be some of the brokers';
 *                empty to leave them with the clients
 * @param clients every processor given to neither, for the rest of this process
 */
record CpuPlacement(String brokers, Optional<String> gateway, String clients) {

    private static final Pattern CPU_LIST = Pattern.compile("\\d{1,4}(-\\d{1,4})?(,\\d{1,4}(-\\d{1,4})?)*");
    private static final long TASKSET_TIMEOUT_SECONDS = 10;
    /** The gateway's thread names as the kernel keeps them: cut to 15 characters. */
    private static final List<String> GATEWAY_THREADS = Stream.of(Gateway.ACCEPT_THREADS, Gateway.IO_THREADS)
            .map(name -> name.substring(0, Math.min(15, name.length()))).toList();

    /**
     * Places the brokers on {@code brokerCpus}, the gateway's threads on {@code gatewayCpus} if given,
     * and the clients on the rest of {@code processors} (0 .. processors-1), which must not be empty.
     */
    static CpuPlacement of(String brokerCpus, Optional<String> gatewayCpus, int processors) {
        BitSet brokers = parse("--broker-cpus", brokerCpus, processors);
        Optional<BitSet> gateway = gatewayCpus.map(list -> parse("--gateway-cpus", list, processors));
        BitSet clients = new BitSet();
        clients.set(0, processors);
        clients.andNot(brokers);
        gateway.ifPresent(clients::andNot);
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("--broker-cpus " + brokerCpus
                    + gatewayCpus.map(list -> " and --gateway-cpus " + list).orElse("")
                    + " leave no processor for the clients");
        }
        return new CpuPlacement(list(brokers), gateway.map(CpuPlacement::list), list(clients));
    }

    private static BitSet parse(String option, String cpuList, int processors) {
        if (!CPU_LIST.matcher(cpuList).matches()) {
            throw new IllegalArgumentException(option + " takes a processor list such as 1 or 2-3 or 0,2, was '"
                    + cpuList + "'");
        }
        BitSet cpus = new BitSet();
        for (String part : cpuList.split(",")) {
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length == 2 ? Integer.parseInt(range[1]) : from;
            if (from > to || to >= processors) {
                throw new IllegalArgumentException(option + " " + cpuList + ": processor " + part
                        + " is not among this host's 0-" + (processors - 1));
            }
            cpus.set(from, to + 1);
        }
        return cpus;
    }

    private static String list(BitSet cpus) {
        return cpus.stream().mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** Pins every thread of each broker process to {@link #brokers} and every thread of this process to {@link #clients}. */
    void placeProcesses(List<ProcessHandle> brokerProcesses) throws IOException, InterruptedException {
        for (ProcessHandle broker : brokerProcesses) {
            taskset(List.of("-a", "-p", "-c", brokers, Long.toString(broker.pid())));
        }
        taskset(List.of("-a", "-p", "-c", clients, Long.toString(ProcessHandle.current().pid())));
    }

    /**
     * Pins this process's gateway threads (accept and I/O) to {@link #gateway}, if it is given, and
     * returns how many. A thread starts with the processors of the thread that started it: the I/O
     * threads a pinned accept thread starts stay on the gateway's processors, but one started by
     * another thread does not, so this is called again once every I/O thread has surely started.
     */
    int placeGatewayThreads() throws IOException, InterruptedException {
        if (gateway.isEmpty()) {
            return 0;
        }
        List<String> threads = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name = readName(task);
                if (GATEWAY_THREADS.contains(name)) {
                    threads.add(task.getFileName().toString());
                }
            }
        }
        for (String thread : threads) {
            taskset(List.of("-p", "-c", gateway.get(), thread));
        }
        return threads.size();
    }

    /** The thread's name, or empty if it ended meanwhile. */
    private static String readName(Path task) throws IOException {
        try {
            return Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return "";
        }
    }

    private static void taskset(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("taskset");
        command.addAll(arguments);
        Process taskset = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!taskset.waitFor(TASKSET_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            taskset.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within " + TASKSET_TIMEOUT_SECONDS + " s");
        }
        String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (taskset.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed (exit " + taskset.exitValue() + "): " + output);
        }
    }

    @Override
    public String toString() {
        return "brokers on processors " + brokers + gateway.map(cpus -> ", gateway on " + cpus + ", clients on " + clients)
                .orElse(", clients and gateway on " + clients);
    }
}
