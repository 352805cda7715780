package io.kondo.app.cli;

import ch.qos.logback.classic.Level;
import io.kondo.app.KondoPlatform;
import io.kondo.app.config.KondoConfig;
import io.kondo.embedded.EmbeddedKafkaCluster;
import io.kondo.embedded.FreePorts;
import io.kondo.simulator.FaultSpec;
import io.kondo.simulator.Notation;
import io.kondo.simulator.PlatformFaults;
import io.kondo.simulator.ProfileMix;
import io.kondo.simulator.Ramp;
import io.kondo.simulator.Report;
import io.kondo.simulator.Simulation;
import io.kondo.simulator.SimulationListener;
import io.kondo.simulator.SimulationPlan;
import io.kondo.simulator.Target;
import io.kondo.simulator.Ticker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kondo sim}: simulated tenants against Kondo, with failures injected, and a report.
 *
 * <p>By default it starts a private, empty platform of its own (an embedded 3-node cluster, the
 * gateway and the control plane on free loopback ports, data in a temporary directory deleted
 * afterwards), so it never disturbs a running {@code kondo up}; every fault is available there.
 * With {@code --control-plane} (or {@code --bootstrap}) it runs against that Kondo instead, where
 * only the connection-storm and noisy-tenant faults can be injected.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, versionProvider = KondoVersion.class, description = {
        "Simulate tenants: create N logical clusters through the control plane, drive each through the gateway with "
                + "real producers and consumers following a usage profile, inject failures, and write DIR/report.json and "
                + "DIR/report.html (throughput vs quota, latency percentiles, throttle, loss/duplication/order, fairness, "
                + "time to recover). Bounded: stops at --duration or --messages. Exit code 1 when a message was lost, "
                + "duplicated or reordered.",
        "Faults (--fault KIND@AT[+FOR][,key=value...]): broker-restart (broker=N), gateway-restart, "
                + "control-plane-restart, connection-storm (connections=N, tenant=I), noisy-tenant (factor=X, tenant=I)."})
final class SimCommand implements Callable<Integer> {

    @ParentCommand
    KondoCommand kondo;

    @Spec
    CommandSpec spec;

    @Option(names = "--tenants", defaultValue = "50", description = "Simulated tenants, 1-" + SimulationPlan.MAX_TENANTS + " (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--duration", description = "How long to send, e.g. 90s or 5m (default: 2m, or none when --messages is given).")
    String duration;

    @Option(names = "--messages", description = "Stop after this many messages in all (sent across every tenant).")
    Long messages;

    @Option(names = "--max-duration", defaultValue = "1h", description = "Upper bound on sending when only --messages bounds the run (default: ${DEFAULT-VALUE}).")
    String maxDuration;

    @Option(names = "--report", description = "Directory for report.json and report.html (default: <data dir>/sim/<date-time>).")
    Path report;

    @Option(names = "--profiles", description = "Usage profiles (YAML); default: the built-in mix (10%% quiet, 20%% bulk, 70%% mixed).")
    Path profiles;

    @Option(names = "--ramp", description = "Add tenants step by step: +STEP/EVERY or INITIAL+STEP/EVERY, e.g. +10/30s.")
    String ramp;

    @Option(names = "--fault", description = "A failure to inject, e.g. broker-restart@60s or noisy-tenant@30s+20s,factor=10 (repeatable).")
    List<String> faults = new ArrayList<>();

    @Option(names = "--plan", description = "Plan of tenants whose profile names none (default: the catalog's default plan).")
    String plan;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the tenants' drawn settings and message sizes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", description = "Keep the created logical clusters (default: delete them at the end); "
            + "with the private platform, keep its data directory.")
    boolean keep;

    @Option(names = "--drain", defaultValue = "90s", description = "How long consumers may take to read everything after sending stops (default: ${DEFAULT-VALUE}).")
    String drain;

    @Option(names = "--progress", defaultValue = "5s", description = "Interval of the progress line (default: ${DEFAULT-VALUE}).")
    String progress;

    @Option(names = "--control-plane", description = "Run against this Kondo's control plane URL instead of a private embedded platform.")
    URI controlPlane;

    @Option(names = "--token", description = "Admin token for --control-plane (default: KONDO_ADMIN_TOKEN, else <data dir>/admin-token).")
    String token;

    @Option(names = "--bootstrap", description = "Gateway bootstrap address for --control-plane (default: the configured gateway).")
    String bootstrap;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SimulationPlan simulationPlan = plan();
        KondoConfig config = kondo.config();
        Path reportDir = kondo.home().resolve(report != null ? report
                : config.dataDir().resolve("sim").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        // Client warnings (a broker away, a connection dropped) are what the faults cause; the report counts them.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.ERROR);
        // The admin client logs an error for every retry while a just-created topic's leaders are elected.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka.clients.admin.internals")).setLevel(Level.OFF);
        SimulationListener listener = line -> {
            out.println(line);
            out.flush();
        };
        Report result = external() ? runExternal(simulationPlan, config, listener, out) : runEmbedded(simulationPlan, config, listener, out);
        Path html = result.writeTo(reportDir);
        out.println("report: " + reportDir.resolve("report.json") + " and " + html);
        out.flush();
        if (!result.correctness().passed()) {
            spec.commandLine().getErr().println("kondo: messages were lost, duplicated, reordered or misdelivered; see the report");
            return 1;
        }
        return 0;
    }

    private boolean external() {
        return controlPlane != null || bootstrap != null;
    }

    private Report runExternal(SimulationPlan simulationPlan, KondoConfig config, SimulationListener listener, PrintWriter out)
            throws InterruptedException {
        List<String> needPlatform = simulationPlan.faults().stream().filter(f -> f.kind().needsPlatform()).map(FaultSpec::describe).toList();
        if (!needPlatform.isEmpty()) {
            throw new IllegalArgumentException("against an external Kondo only connection-storm and noisy-tenant faults are available; "
                    + needPlatform + " need the private embedded platform (run without --control-plane and --bootstrap)");
        }
        URI url = controlPlane != null ? controlPlane : URI.create("http://" + config.host() + ":" + config.controlPlanePort() + "/");
        String adminToken = token != null ? token : Optional.ofNullable(kondo.env().get("KONDO_ADMIN_TOKEN"))
                .or(config::adminToken).orElseGet(() -> readToken(config.dataDir().resolve("admin-token")));
        String gateway = bootstrap != null ? bootstrap : config.gatewayBootstrap();
        out.println("Running against the Kondo at " + url + " (gateway " + gateway + "); only connection-storm and noisy-tenant "
                + "faults can be injected here.");
        Target target = Target.of(url, adminToken, gateway, "external Kondo at " + url);
        return new Simulation(simulationPlan, target, PlatformFaults.NONE, listener, Clock.systemUTC(), Ticker.SYSTEM).run();
    }

    private Report runEmbedded(SimulationPlan simulationPlan, KondoConfig config, SimulationListener listener, PrintWriter out)
            throws Exception {
        Path dataDir = Files.createTempDirectory("kondo-sim-");
        KondoConfig privateConfig = new KondoConfig(dataDir, config.host(), FreePorts.consecutive(4), 0, 0, 0, 0, java.util.Map.of(),
                Optional.of(HexFormat.of().formatHex(new SecureRandom().generateSeed(16))), config.plans(), config.cell());
        out.println("Starting a private Kondo for the simulation (embedded 3-node cluster, data in " + dataDir + ") ...");
        out.flush();
        try (KondoPlatform platform = KondoPlatform.start(privateConfig, Clock.systemUTC())) {
            Target target = Target.of(URI.create("http://" + config.host() + ":" + platform.controlPlanePort() + "/"), platform.adminToken(),
                    config.host() + ":" + platform.gatewayPort(), "private embedded Kondo (3 KRaft brokers)");
            return new Simulation(simulationPlan, target, new EmbeddedPlatformFaults(platform), listener, Clock.systemUTC(),
                    Ticker.SYSTEM).run();
        } finally {
            if (keep) {
                out.println("Kept the private platform's data (tenants included) in " + dataDir
                        + "; it is stopped now, and nothing else uses that directory.");
            } else {
                deleteRecursively(dataDir);
            }
        }
    }

    private SimulationPlan plan() {
        SimulationPlan.Builder builder = SimulationPlan.builder()
                .tenants(tenants)
                .duration(duration != null ? Notation.duration(duration, "--duration") : messages != null ? null
                        : Notation.duration("2m", "--duration"))
                .messageBudget(messages)
                .maxDuration(Notation.duration(maxDuration, "--max-duration"))
                .seed(seed)
                .defaultPlan(plan)
                .keepTenants(keep)
                .drainTimeout(Notation.duration(drain, "--drain"))
                .progressInterval(Notation.duration(progress, "--progress"));
        if (ramp != null) {
            builder.ramp(Ramp.parse(ramp));
        }
        if (profiles != null) {
            Path file = kondo.home().resolve(profiles);
            try {
                builder.mix(ProfileMix.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        faults.forEach(f -> builder.fault(FaultSpec.parse(f)));
        return builder.build();
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no admin token: pass --token, set KONDO_ADMIN_TOKEN, or run `kondo up` once to create " + file);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Faults on the private platform: its embedded brokers, its gateway and its control plane. */
    private static final class EmbeddedPlatformFaults implements PlatformFaults {
        private final KondoPlatform platform;
        private final EmbeddedKafkaCluster cluster;

        EmbeddedPlatformFaults(KondoPlatform platform) {
            this.platform = platform;
            this.cluster = platform.embeddedCluster().orElseThrow();
        }

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public List<Integer> brokerIds() {
            return cluster.nodeIds();
        }

        @Override
        public void stopBroker(int nodeId) {
            cluster.stopNode(nodeId);
        }

        @Override
        public void startBroker(int nodeId) {
            cluster.startNode(nodeId);
        }

        @Override
        public void stopGateway() {
            platform.stopGateway();
        }

        @Override
        public void startGateway() {
            platform.startGateway();
        }

        @Override
        public void stopControlPlane() {
            platform.stopControlPlane();
        }

        @Override
        public void startControlPlane() {
            platform.startControlPlane();
        }
    }
}
