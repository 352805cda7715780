package io.kondo.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kondo version}. */
@Command(name = "version", description = "Print Kondo's version and the Kafka version it runs.")
final class VersionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println(KondoVersion.describe());
    }
}
