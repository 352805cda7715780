package io.kondo.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kondo.core.plan.Plan;
import io.kondo.core.plan.PlanCatalog;
import io.kondo.core.plan.PlanLimits;
import io.kondo.gateway.GatewaySettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,15}(\\.\\d{1,15})?");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The shape of {@code kondo.yaml}; every field optional. */
    record YamlFile(String dataDir, String host, GatewayEntry gateway, Listener controlPlane, Listener httpProxy,
                    Embedded embedded, Map<String, String> backing, String adminToken, String cell,
                    List<PlanEntry> plans, StorageEntry storage, CapacityEntry capacity) {
    }

    record StorageEntry(String checkInterval, Long trickleBytesPerSecond, String webhookUrl) {
    }

    /** Text, not numbers: read into a {@code Long}, {@code 1.5} would be truncated; parsed here, it is refused by name. */
    record CapacityEntry(String produceBytesPerSecondPerBroker, String fetchBytesPerSecondPerBroker,
                         String requestTimePercent, String acceptsPerSecond, String acceptsPerSecondPerAddress) {
    }

    record Listener(Integer port) {
    }

    record GatewayEntry(Integer port, Integer ioThreads) {
    }

    record Embedded(Integer brokerPort, Integer controllerPort) {
    }

    record PlanEntry(String name, String description, LimitsEntry limits) {
    }

    record LimitsEntry(Long produceBytesPerSecond, Long consumeBytesPerSecond, Long storageBytes, Integer maxPartitions,
                       Integer maxConnections, Integer connectionAttemptsPerSecond, Double requestTimePercent,
                       Integer partitionMutationsPerSecond, Integer maxMessageBytes, Long storageHardCapBytes,
                       Boolean storageAutoExpand) {
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
                first(env.get("KONDO_CELL"), file.cell(), "cell-0"),
                storage(env, file.storage() == null ? new StorageEntry(null, null, null) : file.storage()),
                capacity(env, file.capacity() == null ? new CapacityEntry(null, null, null, null, null) : file.capacity()),
                wholeNumber(env, "KONDO_GATEWAY_IO_THREADS", "gateway.io-threads",
                        file.gateway() == null ? null : file.gateway().ioThreads(), "a whole number", 1,
                        GatewaySettings.MAX_IO_THREADS));
    }

    private static StorageConfig storage(Map<String, String> env, StorageEntry file) {
        StorageConfig defaults = StorageConfig.DEFAULTS;
        String interval = first(env.get("KONDO_STORAGE_CHECK_INTERVAL"), file.checkInterval(), null);
        String trickle = first(env.get("KONDO_STORAGE_TRICKLE_BYTES_PER_SECOND"),
                file.trickleBytesPerSecond() == null ? null : file.trickleBytesPerSecond().toString(), null);
        String webhook = first(env.get("KONDO_STORAGE_WEBHOOK_URL"), file.webhookUrl(), null);
        return new StorageConfig(
                interval == null ? defaults.checkInterval() : duration(
                        source(env, "KONDO_STORAGE_CHECK_INTERVAL", "storage.check-interval"), interval),
                trickle == null ? defaults.trickleBytesPerSecond() : positiveLong(
                        source(env, "KONDO_STORAGE_TRICKLE_BYTES_PER_SECOND", "storage.trickle-bytes-per-second"), trickle),
                webhook == null ? defaults.webhookUrl() : Optional.of(httpUrl(
                        source(env, "KONDO_STORAGE_WEBHOOK_URL", "storage.webhook-url"), webhook)));
    }

    private static CapacityConfig capacity(Map<String, String> env, CapacityEntry file) {
        return new CapacityConfig(
                optionalBytes(env, "KONDO_CAPACITY_PRODUCE_BYTES_PER_SECOND_PER_BROKER",
                        "capacity.produce-bytes-per-second-per-broker", file.produceBytesPerSecondPerBroker()),
                optionalBytes(env, "KONDO_CAPACITY_FETCH_BYTES_PER_SECOND_PER_BROKER",
                        "capacity.fetch-bytes-per-second-per-broker", file.fetchBytesPerSecondPerBroker()),
                optionalNumber(env, "KONDO_CAPACITY_REQUEST_TIME_PERCENT",
                        "capacity.request-time-percent", file.requestTimePercent()),
                optionalNumber(env, "KONDO_CAPACITY_ACCEPTS_PER_SECOND",
                        "capacity.accepts-per-second", file.acceptsPerSecond()),
                optionalNumber(env, "KONDO_CAPACITY_ACCEPTS_PER_SECOND_PER_ADDRESS",
                        "capacity.accepts-per-second-per-address", file.acceptsPerSecondPerAddress()));
    }

    private static OptionalLong optionalBytes(Map<String, String> env, String variable, String yamlKey, String fromFile) {
        String text = first(env.get(variable), fromFile, null);
        return text == null ? OptionalLong.empty() : OptionalLong.of(positiveLong(source(env, variable, yamlKey), text));
    }

    private static OptionalDouble optionalNumber(Map<String, String> env, String variable, String yamlKey, String fromFile) {
        String text = first(env.get(variable), fromFile, null);
        return text == null ? OptionalDouble.empty() : OptionalDouble.of(positiveNumber(source(env, variable, yamlKey), text));
    }

    /** The variable's name when the environment sets it, else the {@code kondo.yaml} key. */
    private static String source(Map<String, String> env, String variable, String yamlKey) {
        String value = env.get(variable);
        return value != null && !value.isBlank() ? variable : yamlKey;
    }

    /** {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT30S}); positive. */
    static Duration duration(String setting, String text) {
        String trimmed = text.trim();
        Matcher simple = SIMPLE_DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
        Duration duration;
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            duration = switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            try {
                duration = Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                return fail(setting + " must be a duration such as 30s, 500ms, 5m or PT30S, got '" + text + "'");
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            return fail(setting + " must be positive, got '" + text + "'");
        }
        return duration;
    }

    private static long positiveLong(String setting, String text) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fail(setting + " must be a whole number, got '" + text + "'");
        }
        if (value <= 0) {
            return fail(setting + " must be positive, got " + value);
        }
        return value;
    }

    /** A plain decimal number ({@code 200}, {@code 2.5}), positive. */
    private static double positiveNumber(String setting, String text) {
        String trimmed = text.trim();
        if (!DECIMAL.matcher(trimmed).matches()) {
            return fail(setting + " must be a number such as 200 or 2.5, got '" + text + "'");
        }
        double value = Double.parseDouble(trimmed);
        if (!(value > 0)) {
            return fail(setting + " must be positive, got " + trimmed);
        }
        return value;
    }

    private static URI httpUrl(String setting, String text) {
        URI url;
        try {
            url = new URI(text.trim());
        } catch (URISyntaxException e) {
            return fail(setting + " is not a URL: " + e.getReason());
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            // The URL itself is not repeated: it may carry the receiver's secret.
            return fail(setting + " must be an absolute http:// or https:// URL");
        }
        return url;
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
        long produce = required(where, "produce-bytes-per-second", l.produceBytesPerSecond());
        long consume = required(where, "consume-bytes-per-second", l.consumeBytesPerSecond());
        long storage = required(where, "storage-bytes", l.storageBytes());
        boolean autoExpand = Boolean.TRUE.equals(l.storageAutoExpand());
        if (autoExpand && l.storageHardCapBytes() == null) {
            return fail(where + " is missing limits.storage-hard-cap-bytes, which limits.storage-auto-expand needs");
        }
        return new Plan(entry.name(), entry.description(), new PlanLimits(
                produce,
                consume,
                storage,
                required(where, "max-partitions", l.maxPartitions()),
                required(where, "max-connections", l.maxConnections()),
                required(where, "connection-attempts-per-second", l.connectionAttemptsPerSecond()),
                required(where, "request-time-percent", l.requestTimePercent()),
                required(where, "partition-mutations-per-second", l.partitionMutationsPerSecond()),
                required(where, "max-message-bytes", l.maxMessageBytes()),
                l.storageHardCapBytes() == null ? storage : l.storageHardCapBytes(),
                autoExpand));
    }

    private static <T> T required(String where, String field, T value) {
        if (value == null) {
            return fail(where + " is missing limits." + field);
        }
        return value;
    }

    private static int port(Map<String, String> env, String variable, Integer fromFile, int fallback) {
        return wholeNumber(env, variable, "port", fromFile, "a port number", 0, 65_535).orElse(fallback);
    }

    /**
     * A whole number from the environment (which wins) or {@code kondo.yaml}, within
     * [{@code min}, {@code max}]; empty when neither sets it. Errors name where the value came from.
     */
    private static OptionalInt wholeNumber(Map<String, String> env, String variable, String yamlKey, Integer fromFile,
                                           String what, int min, int max) {
        String fromEnv = env.get(variable);
        if (fromEnv == null && fromFile == null) {
            return OptionalInt.empty();
        }
        int value;
        try {
            value = fromEnv != null ? Integer.parseInt(fromEnv.trim()) : fromFile;
        } catch (NumberFormatException e) {
            return fail(variable + " must be " + what + ", got '" + fromEnv + "'");
        }
        if (value < min || value > max) {
            return fail((fromEnv != null ? variable : yamlKey) + " must be between " + min + " and " + max + ", got " + value);
        }
        return OptionalInt.of(value);
    }

    private static String first(String a, String b, String fallback) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : fallback;
    }

    private static YamlFile empty() {
        return new YamlFile(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static <T> T fail(String message) {
        throw new InvalidConfigException(message);
    }
}
