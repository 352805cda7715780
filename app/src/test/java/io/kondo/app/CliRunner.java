package io.kondo.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kondo.app.cli.KondoCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code kondo ...} in-process with a given home and environment, capturing its output. */
final class CliRunner {

    private final Path home;
    private final Map<String, String> env;

    CliRunner(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + err, e);
            }
        }
    }

    Result run(String... args) {
        CommandLine commandLine = KondoCommand.commandLine(home, env);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
