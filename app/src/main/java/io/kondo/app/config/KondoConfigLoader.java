package io.kondo.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kondo.core.plan.Plan;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link KondoConfig} from defaults, then {@code kondo.yaml}, then {@code KONDO_*}
 * environment variables (each layer overrides the one before).
 *
 * <p>{@code KONDO_BACKING_<PROPERTY>} variables become Kafka client settings of the backing
 * cluster: the suffix lowercased with {@code _} turned into {@code .}
 * ({@code KONDO_BACKING_SASL_JAAS_CONFIG} → {@code sasl.jaas.config}).
 */
public final class KondoConfigLoader {

    public static final String CONFIG_FILE = "kondo.yaml";
    private static final String BACKING_PREFIX = "KONDO_BACKING_";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The shape of {@code kondo.yaml}; every field optional. */
    record YamlFile(String dataDir, String host, Listener gateway, Listener controlPlane, Listener httpProxy,
                    Embedded embedded, Map<String, String> backing, String adminToken, String cell,
                    List<PlanEntry> plans) {
    }

    record Listener(Integer port) {
    }

    record Embedded(Integer brokerPort, Integer controllerPort) {
    }

    record PlanEntry(String name, String description, LimitsEntry limits) {
    }

    record LimitsEntry(Long produceBytesPerSecond, Long consumeBytesPerSecond, Long storageBytes, Integer maxPartitions,
                       Integer maxConnections, Integer connectionAttemptsPerSecond, Double requestTimePercent,
                       Integer partitionMutationsPerSecond, Integer maxMessageBytes) {
    }

    /**
     * @param home the directory relative paths are resolved against (the Kondo checkout, or the working directory)
     * @param env  the process environment
     */
    public KondoConfig load(Path home, Map<String, String> env) {
        Path file = Optional.ofNullable(env.get("KONDO_CONFIG")).map(home::resolve).orElse(home.resolve(CONFIG_FILE));
        YamlFile fromFile = Files.exists(file) ? read(file)
                : env.containsKey("KONDO_CONFIG") ? fail("KONDO_CONFIG names " + file + ", which does not exist") : null;
        return merge(home, fromFile == null ? empty() : fromFile, env);
    }

    private KondoConfig merge(Path home, YamlFile file, Map<String, String> env) {
        Map<String, String> backing = new LinkedHashMap<>(file.backing() == null ? Map.of() : file.backing());
        env.forEach((name, value) -> {
            if (name.startsWith(BACKING_PREFIX) && name.length() > BACKING_PREFIX.length()) {
                backing.put(name.substring(BACKING_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        String dataDir = first(env.get("KONDO_DATA_DIR"), file.dataDir(), ".kondo");
        return new KondoConfig(
                home.resolve(dataDir).normalize(),
                first(env.get("KONDO_HOST"), file.host(), "127.0.0.1"),
                port(env, "KONDO_GATEWAY_PORT", file.gateway() == null ? null : file.gateway().port(), 9092),
                port(env, "KONDO_CONTROL_PLANE_PORT", file.controlPlane() == null ? null : file.controlPlane().port(), 8080),
                port(env, "KONDO_HTTP_PROXY_PORT", file.httpProxy() == null ? null : file.httpProxy().port(), 8082),
                port(env, "KONDO_EMBEDDED_BROKER_PORT", file.embedded() == null ? null : file.embedded().brokerPort(), 29092),
                port(env, "KONDO_EMBEDDED_CONTROLLER_PORT", file.embedded() == null ? null : file.embedded().controllerPort(), 29192),
                backing,
                Optional.ofNullable(first(env.get("KONDO_ADMIN_TOKEN"), file.adminToken(), null)),
                file.plans() == null ? PlanCatalog.defaults() : plans(file.plans()),
                first(env.get("KONDO_CELL"), file.cell(), "cell-0"));
    }

    private YamlFile read(Path file) {
        try {
            YamlFile parsed = yaml.readValue(file.toFile(), YamlFile.class);
            return parsed == null ? empty() : parsed;
        } catch (JsonMappingException e) {
            return fail(file + ": " + e.getOriginalMessage() + " at " + e.getPathReference());
        } catch (IOException e) {
            return fail(file + ": " + e.getMessage());
        }
    }

    private static PlanCatalog plans(List<PlanEntry> entries) {
        try {
            return new PlanCatalog(entries.stream().map(KondoConfigLoader::plan).toList());
        } catch (IllegalArgumentException e) {
            return fail("plans: " + e.getMessage());
        }
    }

    private static Plan plan(PlanEntry entry) {
        LimitsEntry l = entry.limits();
        String where = "plan '" + entry.name() + "'";
        if (l == null) {
            return fail(where + " has no limits");
        }
        return new Plan(entry.name(), entry.description(), new PlanLimits(
                required(where, "produce-bytes-per-second", l.produceBytesPerSecond()),
                required(where, "consume-bytes-per-second", l.consumeBytesPerSecond()),
                required(where, "storage-bytes", l.storageBytes()),
                required(where, "max-partitions", l.maxPartitions()),
                required(where, "max-connections", l.maxConnections()),
                required(where, "connection-attempts-per-second", l.connectionAttemptsPerSecond()),
                required(where, "request-time-percent", l.requestTimePercent()),
                required(where, "partition-mutations-per-second", l.partitionMutationsPerSecond()),
                required(where, "max-message-bytes", l.maxMessageBytes())));
    }

    private static <T> T required(String where, String field, T value) {
        if (value == null) {
            return fail(where + " is missing limits." + field);
        }
        return value;
    }

    private static int port(Map<String, String> env, String variable, Integer fromFile, int fallback) {
        String fromEnv = env.get(variable);
        int port;
        try {
            port = fromEnv != null ? Integer.parseInt(fromEnv.trim()) : fromFile != null ? fromFile : fallback;
        } catch (NumberFormatException e) {
            return fail(variable + " must be a port number, got '" + fromEnv + "'");
        }
        if (port < 0 || port > 65_535) {
            return fail((fromEnv != null ? variable : "port") + " must be between 0 and 65535, got " + port);
        }
        return port;
    }

    private static String first(String a, String b, String fallback) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : fallback;
    }

    private static YamlFile empty() {
        return new YamlFile(null, null, null, null, null, null, null, null, null, null);
    }

    private static <T> T fail(String message) {
        throw new InvalidConfigException(message);
    }
}
