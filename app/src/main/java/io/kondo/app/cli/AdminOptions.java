package io.kondo.app.cli;

import io.kondo.app.config.KondoConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the admin subcommands find the control plane and the token: options, then
 * {@code KONDO_URL}/{@code KONDO_ADMIN_TOKEN}, then the local configuration and {@code .kondo/admin-token}.
 */
final class AdminOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--url", description = "Control plane URL (default: KONDO_URL, else http://<host>:<control plane port>).")
    String url;

    @Option(names = "--token", description = "Admin token (default: KONDO_ADMIN_TOKEN, else <data dir>/admin-token).")
    String token;

    ControlPlaneClient client(KondoCommand kondo) {
        Map<String, String> env = kondo.env();
        KondoConfig config = null;
        String base = url != null ? url : env.get("KONDO_URL");
        if (base == null) {
            config = kondo.config();
            base = "http://" + config.host() + ":" + config.controlPlanePort();
        }
        String adminToken = token != null ? token : env.get("KONDO_ADMIN_TOKEN");
        if (adminToken == null) {
            config = config != null ? config : kondo.config();
            adminToken = config.adminToken().orElseGet(() -> readToken(kondo.config().dataDir().resolve("admin-token")));
        }
        return new ControlPlaneClient(URI.create(base.endsWith("/") ? base : base + "/"), adminToken);
    }

    /** Prints the result's body, or its error on stderr; returns the exit code. */
    int print(ControlPlaneClient.Result result) {
        if (!result.ok()) {
            spec.commandLine().getErr().println("kondo: " + result.errorMessage());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (result.body() != null) {
            out.println(ControlPlaneClient.pretty(result.body()));
        }
        out.flush();
        return 0;
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException("no admin token: pass --token, set KONDO_ADMIN_TOKEN, or run `kondo up` once to create "
                    + file);
        }
    }
}
