package io.kondo.app.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.kondo.app.cli.KondoCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What {@code kondo sim} refuses before it starts anything. */
class SimCommandTest {

    @TempDir
    Path home;

    private String[] run(String... args) {
        CommandLine cli = KondoCommand.commandLine(home, Map.of());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void platformFaultsAreRefusedAgainstAnExternalKondo() {
        String[] result = run("sim", "--control-plane", "http://127.0.0.1:1", "--token", "t", "--tenants", "2", "--duration", "10s",
                "--fault", "broker-restart@5s");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[2]).contains("only connection-storm and noisy-tenant faults are available").contains("broker-restart@5s");
    }

    @Test
    void unknownFaultsAndOutOfBoundsTenantCountsAreRefusedWithTheirReason() {
        assertThat(run("sim", "--fault", "meteor@1s")[2]).contains("unknown fault 'meteor'");
        assertThat(run("sim", "--tenants", "5000")[2]).contains("tenants must be between 1 and 1000");
        assertThat(run("sim", "--duration", "10s", "--fault", "gateway-restart@20s")[2]).contains("starts after the run stops sending");
    }
}
