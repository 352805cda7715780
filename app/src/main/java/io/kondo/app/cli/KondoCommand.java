package io.kondo.app.cli;

import io.kondo.app.config.KondoConfig;
import io.kondo.app.config.KondoConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kondo}: run the platform and administer it. */
@Command(name = "kondo",
        mixinStandardHelpOptions = true,
        versionProvider = KondoVersion.class,
        description = "Multi-tenant Apache Kafka: many logical clusters on one physical cluster.",
        subcommands = {UpCommand.class, VersionCommand.class, ClustersCommand.class, ApiKeysCommand.class,
                PlansCommand.class, SimCommand.class, CommandLine.HelpCommand.class})
public final class KondoCommand {

    private final Path home;
    private final Map<String, String> env;

    KondoCommand(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    /** The command line for {@code home} (relative paths resolve there) and the given environment. */
    public static CommandLine commandLine(Path home, Map<String, String> env) {
        CommandLine commandLine = new CommandLine(new KondoCommand(home, env));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("kondo: " + e.getMessage());
            return 1;
        });
        return commandLine;
    }

    Path home() {
        return home;
    }

    Map<String, String> env() {
        return env;
    }

    KondoConfig config() {
        return new KondoConfigLoader().load(home, env);
    }
}
