package io.kondo.app.cli;

import io.kondo.app.KondoPlatform;
import io.kondo.app.config.KondoConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kondo up}: run the platform until Ctrl-C. */
@Command(name = "up", description = "Start the backing cluster (embedded unless configured), the gateway, "
        + "the control plane and the tenant metadata; print the endpoints and the admin token; run until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    KondoCommand kondo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        KondoConfig config = kondo.config();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting Kondo (state in " + config.dataDir() + ") ...");
        out.flush();
        KondoPlatform platform = KondoPlatform.start(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping Kondo ...");
            out.flush();
            platform.close();
            out.println("Kondo stopped.");
            out.flush();
            stopped.countDown();
        }, "kondo-shutdown"));
        printEndpoints(out, platform);
        stopped.await();
        return 0;
    }

    private static void printEndpoints(PrintWriter out, KondoPlatform platform) {
        KondoConfig config = platform.config();
        String backing = platform.embeddedCluster()
                .map(c -> "embedded, 3 KRaft nodes at " + c.bootstrapServers() + " (data in " + config.dataDir().resolve("cluster") + ")")
                .orElse("external, " + config.backing().get("bootstrap.servers"));
        out.println();
        out.println(KondoVersion.describe() + " is up.");
        out.println("  control plane    http://" + config.host() + ":" + platform.controlPlanePort());
        out.println("  backing cluster  " + backing);
        out.println("  gateway          " + config.gatewayBootstrap() + "  (Kafka clients: SASL_PLAINTEXT, PLAIN or SCRAM-SHA-256/512,"
                + " API key and secret)");
        out.println("  http proxy       " + config.host() + ":" + config.httpProxyPort() + "  (not in this build yet)");
        out.println("  admin token      " + platform.adminToken()
                + (config.adminToken().isPresent() ? "  (from configuration)" : "  (also in " + config.dataDir().resolve("admin-token") + ")"));
        out.println("Kondo is up. Press Ctrl-C to stop.");
        out.flush();
    }
}
