package io.kondo.core.credential;

import io.kondo.core.tenant.LogicalClusterId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * An API key of a logical cluster: the SASL username a client presents, with the salted SCRAM
 * credentials of its secret (one per mechanism). The secret itself is never kept.
 *
 * @param key         16 characters of the RFC 4648 base-32 alphabet; globally unique
 * @param cluster     the logical cluster the key opens
 * @param description free text from the operator
 * @param credentials one credential per SCRAM mechanism
 * @param createdAtMs creation time, epoch milliseconds
 */
public record ApiKey(
        String key,
        LogicalClusterId cluster,
        String description,
        Map<ScramMechanism, ScramCredential> credentials,
        long createdAtMs) {

    public static final int MAX_DESCRIPTION_LENGTH = 256;
    private static final Pattern KEY = Pattern.compile("[A-Z2-7]{16}");
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int SECRET_LENGTH = 48;

    public ApiKey {
        if (!isWellFormed(key)) {
            throw new IllegalArgumentException("API key must be 16 base-32 characters");
        }
        Objects.requireNonNull(cluster, "cluster");
        description = description == null ? "" : description;
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        credentials = Map.copyOf(credentials);
        for (ScramMechanism mechanism : ScramMechanism.values()) {
            ScramCredential credential = credentials.get(mechanism);
            if (credential == null || credential.mechanism() != mechanism) {
                throw new IllegalArgumentException("API key needs a " + mechanism.saslName() + " credential");
            }
        }
    }

    /** What {@link #issue} hands out: the key record to store and the secret to show once. */
    public record Issued(ApiKey apiKey, String secret) {
    }

    /** Creates a new key with a random secret for {@code cluster}. */
    public static Issued issue(LogicalClusterId cluster, String description, long nowMs, RandomGenerator random) {
        String key = randomString(KEY_ALPHABET, 16, random);
        String secret = randomString(SECRET_ALPHABET, SECRET_LENGTH, random);
        Map<ScramMechanism, ScramCredential> credentials = new EnumMap<>(ScramMechanism.class);
        for (ScramMechanism mechanism : ScramMechanism.values()) {
            credentials.put(mechanism, ScramCredential.create(mechanism, secret, random));
        }
        return new Issued(new ApiKey(key, cluster, description, credentials, nowMs), secret);
    }

    public static boolean isWellFormed(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** Whether {@code secret} is this key's secret (a SASL/PLAIN check). */
    public boolean verifies(String secret) {
        return secret != null && credentials.get(ScramMechanism.SCRAM_SHA_256).verifies(secret);
    }

    public ScramCredential credential(ScramMechanism mechanism) {
        return credentials.get(mechanism);
    }

    private static String randomString(String alphabet, int length, RandomGenerator random) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
