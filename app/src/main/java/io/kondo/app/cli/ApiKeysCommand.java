package io.kondo.app.cli;

import io.kondo.app.config.KondoConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kondo api-keys ...}: a logical cluster's API keys over the REST API. */
@Command(name = "api-keys", description = "Create, list and revoke the API keys of a logical cluster.",
        subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.ListKeys.class, ApiKeysCommand.Revoke.class})
final class ApiKeysCommand {

    @ParentCommand
    KondoCommand kondo;

    @Command(name = "create", description = "Create an API key; its secret is shown only this once.")
    static final class Create implements Callable<Integer> {
        @ParentCommand
        ApiKeysCommand keys;
        @Mixin
        AdminOptions admin;
        @Option(names = "--cluster", required = true, description = "Logical cluster id (lkc-...).")
        String cluster;
        @Option(names = "--description", description = "Free text, up to 256 characters.")
        String description;
        @Option(names = "--properties", paramLabel = "FILE",
                description = "Also write Kafka client settings for this key to FILE (owner-only).")
        Path properties;

        @Override
        public Integer call() throws IOException {
            Map<String, String> body = new LinkedHashMap<>();
            if (description != null) {
                body.put("description", description);
            }
            ControlPlaneClient.Result result = admin.client(keys.kondo)
                    .call("POST", "v1/clusters/" + PathSegment.of(cluster) + "/api-keys", body);
            int exit = admin.print(result);
            if (exit == 0 && properties != null) {
                KondoConfig config = keys.kondo.config();
                writeClientProperties(properties, config.gatewayBootstrap(),
                        result.body().get("key").asText(), result.body().get("secret").asText());
            }
            return exit;
        }

        private static void writeClientProperties(Path file, String bootstrap, String key, String secret) throws IOException {
            String text = "# Kafka client settings for API key " + key + " (Kondo gateway)\n"
                    + "bootstrap.servers=" + bootstrap + "\n"
                    + "security.protocol=SASL_PLAINTEXT\n"
                    + "sasl.mechanism=PLAIN\n"
                    + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"" + key + "\" password=\"" + secret + "\";\n";
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

    @Command(name = "list", description = "List a logical cluster's API keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @ParentCommand
        ApiKeysCommand keys;
        @Mixin
        AdminOptions admin;
        @Option(names = "--cluster", required = true, description = "Logical cluster id (lkc-...).")
        String cluster;

        @Override
        public Integer call() {
            return admin.print(admin.client(keys.kondo).call("GET", "v1/clusters/" + PathSegment.of(cluster) + "/api-keys", null));
        }
    }

    @Command(name = "revoke", description = "Revoke an API key.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand
        ApiKeysCommand keys;
        @Mixin
        AdminOptions admin;
        @Option(names = "--cluster", required = true, description = "Logical cluster id (lkc-...).")
        String cluster;
        @Parameters(paramLabel = "KEY", description = "The API key to revoke.")
        String key;

        @Override
        public Integer call() {
            return admin.print(admin.client(keys.kondo).call("DELETE",
                    "v1/clusters/" + PathSegment.of(cluster) + "/api-keys/" + PathSegment.of(key), null));
        }
    }
}
