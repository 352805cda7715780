package io.kondo.app;

import io.kondo.app.cli.KondoCommand;
import java.nio.file.Path;

/** The {@code kondo} entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        String home = System.getenv().getOrDefault("KONDO_HOME", System.getProperty("user.dir"));
        int exit = KondoCommand.commandLine(Path.of(home), System.getenv()).execute(args);
        System.exit(exit);
    }
}
