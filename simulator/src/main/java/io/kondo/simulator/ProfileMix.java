package io.kondo.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The usage profiles of a run and how tenants are spread over them. Tenants are assigned by smooth
 * weighted round robin, so every prefix of the tenants (every ramp step) has close to the mix's
 * proportions, and the assignment depends only on the shares, not on chance.
 *
 * <p>YAML form (see {@code default-profiles.yaml} in this package for the default mix):
 * <pre>
 * profiles:
 *   - name: quiet
 *     share: 10                 # weight; percent of tenants when shares add up to 100
 *     plan: basic               # optional; else the run's default plan
 *     rate: 1                   # messages/s per tenant: a number or {min: 1, max: 5}
 *     size: 200                 # bytes: a number, or {distribution: fixed|uniform|lognormal, ...}
 *     topics: 1
 *     partitions: 1             # a number or {min, max}
 *     producers: 1
 *     consumers: 1
 *     burstiness: 0             # 0..1
 * </pre>
 * Unknown keys are refused with their path.
 */
public record ProfileMix(List<UsageProfile> profiles) {

    static final int MAX_PROFILES = 100;
    private static final Set<String> PROFILE_KEYS = Set.of("name", "share", "plan", "rate", "size", "topics", "partitions",
            "producers", "consumers", "burstiness");
    private static final Set<String> SIZE_KEYS = Set.of("distribution", "bytes", "min", "max", "median", "sigma");

    public ProfileMix {
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty() || profiles.size() > MAX_PROFILES) {
            throw new IllegalArgumentException("a profile mix needs between 1 and " + MAX_PROFILES + " profiles, got " + profiles.size());
        }
        if (profiles.stream().map(UsageProfile::name).distinct().count() != profiles.size()) {
            throw new IllegalArgumentException("profile names must be unique");
        }
    }

    /** The default mix: 10% quiet tenants, 20% large messages sent slowly, 70% of random rates and sizes. */
    public static ProfileMix defaults() {
        try (InputStream in = ProfileMix.class.getResourceAsStream("default-profiles.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-profiles.yaml is missing from the simulator's resources");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-profiles.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the YAML form; {@code source} names the file in error messages. */
    public static ProfileMix parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must be a map with 'profiles'");
        }
        refuseUnknown(root, Set.of("profiles"), source);
        JsonNode list = root.get("profiles");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(source + ": 'profiles' must be a list");
        }
        List<UsageProfile> profiles = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = source + ": profiles[" + i + "]";
            try {
                profiles.add(profile(list.get(i), path));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(source) ? e : new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
        }
        return new ProfileMix(profiles);
    }

    /** The profile of each of {@code tenants} tenants, in tenant order. */
    public List<UsageProfile> assign(int tenants) {
        double total = profiles.stream().mapToDouble(UsageProfile::share).sum();
        double[] current = new double[profiles.size()];
        List<UsageProfile> assigned = new ArrayList<>(tenants);
        for (int t = 0; t < tenants; t++) {
            int best = 0;
            for (int p = 0; p < profiles.size(); p++) {
                current[p] += profiles.get(p).share();
                if (current[p] > current[best]) {
                    best = p;
                }
            }
            current[best] -= total;
            assigned.add(profiles.get(best));
        }
        return assigned;
    }

    private static UsageProfile profile(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(path + " must be a map");
        }
        refuseUnknown(node, PROFILE_KEYS, path);
        String name = text(node, "name", path).orElseThrow(() -> new IllegalArgumentException(path + ": 'name' is required"));
        double share = node.has("share") ? number(node.get("share"), path + ".share") : 1;
        Span rate = span(node.get("rate"), path + ".rate").orElseThrow(() -> new IllegalArgumentException(path + ": 'rate' is required"));
        SizeDistribution size = size(node.get("size"), path + ".size");
        int topics = node.has("topics") ? (int) number(node.get("topics"), path + ".topics") : 1;
        return new UsageProfile(name, share, text(node, "plan", path), rate, size, topics,
                span(node.get("partitions"), path + ".partitions").orElse(Span.of(1)),
                span(node.get("producers"), path + ".producers").orElse(Span.of(1)),
                span(node.get("consumers"), path + ".consumers").orElse(Span.of(1)),
                span(node.get("burstiness"), path + ".burstiness").orElse(Span.of(0)));
    }

    private static SizeDistribution size(JsonNode node, String path) {
        if (node == null) {
            throw new IllegalArgumentException(path + " is required");
        }
        if (node.isNumber() || node.isTextual()) {
            return new SizeDistribution.Fixed(bytes(node, path));
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + " must be a size or a map");
        }
        refuseUnknown(node, SIZE_KEYS, path);
        String distribution = text(node, "distribution", path).orElse(node.has("bytes") ? "fixed" : "uniform");
        switch (distribution) {
            case "fixed":
                return new SizeDistribution.Fixed(bytes(required(node, "bytes", path), path + ".bytes"));
            case "uniform":
                return new SizeDistribution.Uniform(bytes(required(node, "min", path), path + ".min"),
                        bytes(required(node, "max", path), path + ".max"));
            case "lognormal":
                return new SizeDistribution.LogNormal(bytes(required(node, "median", path), path + ".median"),
                        node.has("sigma") ? number(node.get("sigma"), path + ".sigma") : 1.0,
                        node.has("min") ? bytes(node.get("min"), path + ".min") : SizeDistribution.MIN_BYTES,
                        node.has("max") ? bytes(node.get("max"), path + ".max") : SizeDistribution.MAX_BYTES);
            default:
                throw new IllegalArgumentException(path + ".distribution must be fixed, uniform or lognormal, got '" + distribution + "'");
        }
    }

    private static Optional<Span> span(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(Span.of(node.asDouble()));
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + " must be a number or {min, max}");
        }
        refuseUnknown(node, Set.of("min", "max"), path);
        return Optional.of(new Span(number(required(node, "min", path), path + ".min"), number(required(node, "max", path), path + ".max")));
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(path + "." + field + " is required");
        }
        return value;
    }

    private static double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException(path + " must be a number, got '" + node.asText() + "'");
        }
        return node.asDouble();
    }

    private static int bytes(JsonNode node, String path) {
        long bytes = node.isNumber() ? node.asLong() : Notation.bytes(node.asText(), path);
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(path + " is too large: " + bytes);
        }
        return (int) bytes;
    }

    private static Optional<String> text(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(path + "." + field + " must be text");
        }
        return Optional.of(value.asText());
    }

    private static void refuseUnknown(JsonNode node, Set<String> known, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(path + ": unknown key '" + name + "' (known: " + known.stream().sorted().toList() + ")");
            }
        }
    }
}
